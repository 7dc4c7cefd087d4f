/**
 * Reading the active sheet's used range into the engine's grid: values, number formats, formulas,
 * error cells, merged areas, hidden rows, and which cells have no fill of their own (for the row
 * tints).
 *
 * Syncs: ONE when the sheet's estimated response fits SINGLE_REQUEST_BYTES (4 000 000 bytes,
 * a fifth under Excel on the web's "5MB", since our estimate is not Excel's wire format), else
 * that first request and the rest in requests of at most BAND_BYTES, as few as fit, each sized on
 * the cost per cell measured on the request before. A request Excel refuses for its size (a later
 * chunk heavier than the rows before it) is read again in halves. If the first request fails (a
 * very wide or text-heavy sheet, a used range ending against the sheet's last row, too many
 * merged areas), the read starts again with a cheap probe, then measured bands.
 *
 * Nothing but `load` (and `isNullObject`) is ever used on a possible null object: special cells
 * and merged areas (`*OrNullObject`) are loaded through paths (`areas/items/…`) on the object
 * itself, and every range a method is called on exists (docs/excel-assumptions.md).
 * Bytes are counted as the JSON of what is loaded, every non-ASCII character as a \u escape.
 * A band's loads and the grid built from them are in sheetBand.ts.
 */
import { SheetGrid } from '../domain/grid';
import { CALPAE_TEMPLATE } from '../domain/template';
import { MAX_ROWS, Rect, rectCells } from '../domain/a1';
import { CAUTIOUS_SLICE_ROWS, FillInfo, GridBuilder, MERGE_SLICE_ROWS, queueBand, rectOf } from './sheetBand';

/**
 * Bytes per cell of values + number formats, with the fills, hidden rows, merged areas and
 * formulas that go with them, every accent counted as an escape: measured on annexes laid out
 * with the theme and Chorus code repeated on every row (the heaviest ordinary layout); the first
 * request is sized on it.
 */
export const PRIOR_BYTES_PER_CELL = 52;
/** Largest request once a sheet needs several. */
export const BAND_BYTES = 3_500_000;
/** What one request may carry when the whole sheet fits in it. */
export const SINGLE_REQUEST_BYTES = 4_000_000;
/** Width assumed for the first request: the national template's columns. */
export const TEMPLATE_WIDTH = CALPAE_TEMPLATE.textColumns.length + CALPAE_TEMPLATE.amountColumns.length;
/** Room left in the first response for the caller's loads (journal ids, conditional formats). */
const FIRST_EXTRAS_BYTES = 64 * 1024;
/** Requests after the first are planned to this share of bandBytes: room for the estimate's error. */
const BAND_FILL = 0.95;

export interface ReadOptions {
  /** Largest request when the sheet needs several. */
  bandBytes?: number;
  /** Largest request when the whole sheet fits in one. */
  singleBytes?: number;
  /** Per-cell cost assumed for the first request. */
  priorBytesPerCell?: number;
  /** Columns of the first request. */
  firstBandColumns?: number;
  /** Queue the caller's loads: they travel with the first request (again if it must be retried). */
  alongside?: () => void;
  /** Called once the first request is back (the caller's loads are then readable). */
  firstSynced?: () => void;
}

export interface ReadResult {
  grid: SheetGrid;
  /** Syncs this read took (refused ones included). */
  syncs: number;
  /** The used range (values only), sheet coordinates. */
  used: Rect;
  /** Per-cell cost measured on the data received (JSON bytes). */
  bytesPerCell: number;
  /** Estimated response bytes of each request (the first: measured). */
  requestBytes: number[];
  /** Fills of the bands read, for hasOwnFill. */
  fills: FillInfo[];
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
/** A first request refused for its size, its merged areas or a range past the sheet's end is retried cautiously. */
const RETRY_CODES = new Set([...PAYLOAD_CODES, 'InvalidArgument', 'GeneralException']);

const codeOf = (e: unknown) => (e as { code?: string } | null)?.code ?? '';

/** Cut `rects` into row bands of at most `maxCells` cells, then pack them into requests of at most `maxCells`. */
export function planRequests(rects: Rect[], maxCells: number): Rect[][] {
  const pieces: Rect[] = [];
  for (const rect of rects) {
    const width = rect.right - rect.left + 1;
    const step = Math.max(1, Math.floor(maxCells / width));
    for (let top = rect.top; top <= rect.bottom; top += step) pieces.push({ ...rect, top, bottom: Math.min(rect.bottom, top + step - 1) });
  }
  const requests: Rect[][] = [];
  let current: Rect[] = [];
  let size = 0;
  for (const p of pieces) {
    const n = rectCells(p);
    if (current.length && size + n > maxCells) {
      requests.push(current);
      current = [];
      size = 0;
    }
    current.push(p);
    size += n;
  }
  if (current.length) requests.push(current);
  return requests;
}

/** The used range minus what the first request read (`read` rows × its columns): a strip on the right and a block below. */
function remainder(used: Rect, read: Rect): Rect[] {
  const out: Rect[] = [];
  if (read.right < used.right) out.push({ top: read.top, bottom: read.bottom, left: read.right + 1, right: used.right });
  if (read.bottom < used.bottom) out.push({ top: read.bottom + 1, bottom: used.bottom, left: used.left, right: used.right });
  return out;
}

/**
 * Sync a request of reads; a request Excel refuses for its size is not an error here: the caller
 * reads the same rows again in smaller pieces (a read has no effect to undo).
 */
async function syncRead(context: Excel.RequestContext): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch (e) {
    if (PAYLOAD_CODES.has(codeOf(e))) return false;
    throw e;
  }
}

/**
 * Read `rects` in as few requests as fit under `maxBytes` each, of equal size: planned again
 * before each request on the cost per cell of the one before. A refused request is planned again
 * at half the size, down to one row.
 */
async function readBands(context: Excel.RequestContext, sheet: Excel.Worksheet, rects: Rect[], builder: GridBuilder, maxBytes: number, requestBytes: number[]): Promise<number> {
  let syncs = 0;
  let remaining = rects.map((r) => ({ ...r }));
  let shrink = 1;
  while (remaining.length) {
    const cost = builder.recentBytesPerCell;
    const cells = remaining.reduce((s, r) => s + rectCells(r), 0);
    const budget = (maxBytes * BAND_FILL) / shrink;
    const requests = Math.max(1, Math.ceil((cells * cost) / budget));
    const [request] = planRequests(remaining, Math.max(1, Math.ceil(cells / requests)));
    const bands = request.map((p) => {
      const range = sheet.getRangeByIndexes(p.top, p.left, p.bottom - p.top + 1, p.right - p.left + 1);
      return queueBand(range, p.bottom - p.top + 1, p.right - p.left + 1, MERGE_SLICE_ROWS);
    });
    requestBytes.push(request.reduce((s, p) => s + rectCells(p), 0) * cost);
    syncs++;
    if (!(await syncRead(context))) {
      const oneRow = request.every((p) => p.top === p.bottom);
      if (oneRow && request.length === 1) throw Object.assign(new Error('A single row is larger than the payload Excel accepts.'), { code: 'ResponsePayloadSizeLimitExceeded', name: 'RichApi.Error' });
      shrink *= 2;
      continue;
    }
    shrink = 1;
    builder.request();
    bands.forEach((b) => builder.addBand(b));
    // Pieces are cut from the top of the rectangles, in order: move those tops down.
    for (const p of request) {
      const rect = remaining.find((r) => r.left === p.left && r.right === p.right && r.top === p.top)!;
      rect.top = p.bottom + 1;
    }
    remaining = remaining.filter((r) => r.top <= r.bottom);
  }
  return syncs;
}

/** Read `sheet` (its used range, values only) into a grid. Errors from Excel are not caught, except refused requests, read again as described above. */
export async function readSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, options: ReadOptions = {}): Promise<ReadResult> {
  const bandBytes = options.bandBytes ?? BAND_BYTES;
  const singleBytes = options.singleBytes ?? SINGLE_REQUEST_BYTES;
  const prior = options.priorBytesPerCell ?? PRIOR_BYTES_PER_CELL;
  const width = options.firstBandColumns ?? TEMPLATE_WIDTH;
  const firstRows = Math.min(MAX_ROWS, Math.max(1, Math.floor(Math.max(singleBytes / 2, singleBytes - FIRST_EXTRAS_BYTES) / (prior * width))));
  const alongside = options.alongside ?? (() => undefined);

  const queueFrame = () => {
    alongside();
    sheet.load('name');
    const used = sheet.getUsedRange(true); // a blank sheet gives A1
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { used };
  };

  const requestBytes: number[] = [];
  let frame = queueFrame();
  const used = frame.used;
  // The first rows of the used range, as many as fit one request: the whole of an ordinary annex.
  const first = queueBand(used.getIntersection(used.getCell(0, 0).getAbsoluteResizedRange(firstRows, width)), firstRows, width, MERGE_SLICE_ROWS);
  let syncs = 1;
  let firstOk = true;
  try {
    await context.sync();
  } catch (e) {
    if (!RETRY_CODES.has(codeOf(e))) throw e;
    firstOk = false;
  }

  let usedRect: Rect;
  let builder: GridBuilder;
  if (firstOk) {
    options.firstSynced?.();
    usedRect = rectOf(used);
    builder = new GridBuilder(usedRect, prior);
    builder.addBand(first);
    requestBytes.push(builder.requestBytes);
    syncs += await readBands(context, sheet, remainder(usedRect, rectOf(first.range)), builder, bandBytes, requestBytes);
  } else {
    // The first request was refused: probe the frame alone, then bands at a cautious cost.
    frame = queueFrame();
    syncs++;
    await context.sync();
    options.firstSynced?.();
    requestBytes.push(0);
    usedRect = rectOf(frame.used);
    builder = new GridBuilder(usedRect, prior);
    // Band by band, each sized on what the previous one cost (the first assumes 16 times the usual).
    const widthNow = usedRect.right - usedRect.left + 1;
    let shrink = 1;
    for (let top = usedRect.top; top <= usedRect.bottom; ) {
      const cost = builder.cells ? builder.recentBytesPerCell * 1.1 : prior * 16;
      const rowsNow = Math.max(1, Math.floor(bandBytes / cost / widthNow / shrink));
      const bottom = Math.min(usedRect.bottom, top + rowsNow - 1);
      const range = sheet.getRangeByIndexes(top, usedRect.left, bottom - top + 1, widthNow);
      const band = queueBand(range, bottom - top + 1, widthNow, CAUTIOUS_SLICE_ROWS);
      requestBytes.push((bottom - top + 1) * widthNow * cost);
      syncs++;
      if (!(await syncRead(context))) {
        if (rowsNow === 1) throw Object.assign(new Error('A single row is larger than the payload Excel accepts.'), { code: 'ResponsePayloadSizeLimitExceeded', name: 'RichApi.Error' });
        shrink *= 2;
        continue;
      }
      shrink = 1;
      builder.request();
      builder.addBand(band);
      top = bottom + 1;
    }
  }

  const grid: SheetGrid = {
    name: sheet.name,
    origin: { row: usedRect.top, col: usedRect.left },
    rows: builder.rows,
    merges: builder.merges,
    hiddenRows: [...builder.hidden].filter((r) => r >= usedRect.top && r <= usedRect.bottom).sort((a, b) => a - b).map((r) => r - usedRect.top),
  };
  return { grid, syncs, used: usedRect, bytesPerCell: builder.bytesPerCell, requestBytes, fills: builder.fills };
}
