/**
 * Reading the active sheet's used range into the engine's grid: values, value types (error cells
 * become `{ error }`), number formats, formulas and merged areas.
 *
 * Syncs: the first request carries everything (the caller's own loads too, through `alongside`)
 * plus the data of a first band of the used range sized for the template's width at a per-cell
 * cost measured on real annexes; an annex of ordinary size is read in that ONE sync, whatever its
 * length up to about 10 000 rows. What is left of a larger range is read in row bands sized from
 * the per-cell cost measured on the first band's actual JSON, each request kept under
 * `bandBytes` (4 MiB: Excel on the web refuses payloads over 5 MB, the difference is the margin).
 * If the first request is refused anyway (a very wide or text-heavy sheet, or a used range ending
 * against the sheet's last row), the read starts again with a cheap probe, then measured bands.
 */
import { Cell, MergedArea, SheetGrid } from '../domain/grid';
import { CALPAE_TEMPLATE } from '../domain/template';
import { MAX_ROWS, Rect, rectCells } from './a1';

/**
 * Bytes per cell of values + valueTypes + numberFormat in JSON: measured 35 on the sample annex,
 * 37 on annexes grown to 10 000 and 40 000 rows of real-looking actions; rounded up.
 */
export const PRIOR_BYTES_PER_CELL = 38;
/** 4 MiB per request; Excel on the web refuses 5 MB. */
export const BAND_BYTES = 4 * 1024 * 1024;
/** Width assumed for the first band: the national template's columns. */
export const TEMPLATE_WIDTH = CALPAE_TEMPLATE.textColumns.length + CALPAE_TEMPLATE.amountColumns.length;

export interface ReadOptions {
  /** Target size of one request. */
  bandBytes?: number;
  /** Per-cell cost assumed for the first band. */
  priorBytesPerCell?: number;
  /** Columns of the first band. */
  firstBandColumns?: number;
  /** Queue the caller's loads: they travel with the first request (again if it must be retried). */
  alongside?: () => void;
}

export interface ReadResult {
  grid: SheetGrid;
  /** Syncs this read took. */
  syncs: number;
  /** The used range (values only), sheet coordinates. */
  used: Rect;
  /** Per-cell cost measured on the data received (JSON bytes). */
  bytesPerCell: number;
  /** Estimated response bytes of each request. */
  requestBytes: number[];
}

/** The loads queued for one band of rows. */
interface BandLoad {
  range: Excel.Range;
  formulas: Excel.RangeAreas;
  /** Merged areas meeting the band, asked slice by slice (see MERGE_SLICE_ROWS). */
  merged: Excel.RangeAreas[];
}

/**
 * Excel refuses getMergedAreasOrNullObject on a range holding more than 512 merged areas, which a
 * consolidated annex of a few thousand rows reaches. Merged areas are therefore asked for in slices
 * of 64 rows (at most 8 merges a row before a slice could hit the limit; an annex has 1 or 2), all
 * queued in the same request as the band's values: no extra sync.
 */
const MERGE_SLICE_ROWS = 64;

function queueMerges(anchor: Excel.Range, rows: number, cols: number): Excel.RangeAreas[] {
  const out: Excel.RangeAreas[] = [];
  for (let i = 0; i < rows; i += MERGE_SLICE_ROWS) {
    const merged = anchor.getCell(i, 0).getAbsoluteResizedRange(Math.min(MERGE_SLICE_ROWS, rows - i), cols).getMergedAreasOrNullObject();
    merged.areas.load(AREA_PROPS);
    out.push(merged);
  }
  return out;
}

const DATA_PROPS = 'rowIndex,columnIndex,rowCount,columnCount,values,valueTypes,numberFormat';
const AREA_PROPS = 'items/rowIndex,items/columnIndex,items/rowCount,items/columnCount';
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'InvalidArgument']);

function queueBand(range: Excel.Range, merges: { anchor: Excel.Range; rows: number; cols: number }): BandLoad {
  range.load(DATA_PROPS);
  // Formulas only where there are some: loading `formulas` everywhere would double the payload of text.
  const formulas = range.getSpecialCellsOrNullObject('Formulas');
  formulas.areas.load(`${AREA_PROPS},items/formulas`);
  return { range, formulas, merged: queueMerges(merges.anchor, merges.rows, merges.cols) };
}

function jsonBytes(x: unknown): number {
  return new TextEncoder().encode(JSON.stringify(x)).length;
}

/** One cell as the engine wants it, from what Office.js returns; undefined when empty. */
export function cellFromOffice(value: unknown, valueType: string, numberFormat: unknown, formula?: string): Cell | undefined {
  let v: Cell['value'];
  switch (valueType) {
    case 'Empty':
      return undefined;
    case 'Error':
      v = { error: String(value) };
      break;
    case 'Double':
    case 'Integer':
      v = typeof value === 'number' ? value : Number(value);
      break;
    case 'Boolean':
      v = typeof value === 'boolean' ? value : String(value).toUpperCase() === 'TRUE';
      break;
    default:
      if (value === '' || value === null || value === undefined) return undefined;
      v = typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
  }
  const cell: Cell = { value: v };
  if (typeof numberFormat === 'string' && numberFormat) cell.numFmt = numberFormat;
  // A formula's computed value is always there in Excel; one that shows nothing is an empty cell.
  if (formula && formula.startsWith('=')) cell.formula = formula;
  return cell;
}

class GridBuilder {
  readonly rows: Array<Array<Cell | undefined>> = [];
  readonly mergedSlices: Excel.RangeAreas[] = [];
  private readonly formulas = new Map<number, string>();
  bytes = 0;
  cells = 0;
  constructor(private readonly used: Rect) {}

  addBand(band: BandLoad): void {
    this.mergedSlices.push(...band.merged);
    const r = band.range;
    const clip: Rect = { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 };
    if (!band.formulas.isNullObject) {
      for (const area of band.formulas.areas.items) {
        const f = area.formulas;
        for (let i = 0; i < area.rowCount; i++) {
          for (let j = 0; j < area.columnCount; j++) {
            const row = area.rowIndex + i;
            const col = area.columnIndex + j;
            // Special cells may reach outside the band: keep what the band covers.
            if (row < clip.top || row > clip.bottom || col < clip.left || col > clip.right) continue;
            const text = f[i][j];
            if (typeof text === 'string' && text.startsWith('=')) this.formulas.set(row * 16384 + col, text);
          }
        }
      }
    }
    const { values, valueTypes, numberFormat } = r;
    this.bytes += jsonBytes(values) + jsonBytes(valueTypes) + jsonBytes(numberFormat);
    this.cells += r.rowCount * r.columnCount;
    for (let i = 0; i < r.rowCount; i++) {
      const gr = r.rowIndex + i - this.used.top;
      for (let j = 0; j < r.columnCount; j++) {
        const col = r.columnIndex + j;
        const cell = cellFromOffice(values[i][j], String(valueTypes[i][j]), numberFormat[i][j], this.formulas.get((r.rowIndex + i) * 16384 + col));
        if (!cell) continue;
        const line = this.rows[gr] ?? (this.rows[gr] = []);
        line[col - this.used.left] = cell;
      }
    }
  }

  get bytesPerCell(): number {
    return this.cells ? this.bytes / this.cells : PRIOR_BYTES_PER_CELL;
  }
}

function mergesOf(slices: Excel.RangeAreas[], used: Rect): MergedArea[] {
  const out: MergedArea[] = [];
  const seen = new Set<string>();
  // A merge crossing slices comes back once per slice: keep it once.
  for (const a of slices.flatMap((areas) => (areas.isNullObject ? [] : areas.areas.items))) {
    const m = {
      top: Math.max(a.rowIndex, used.top) - used.top,
      left: Math.max(a.columnIndex, used.left) - used.left,
      bottom: Math.min(a.rowIndex + a.rowCount - 1, used.bottom) - used.top,
      right: Math.min(a.columnIndex + a.columnCount - 1, used.right) - used.left,
    };
    const k = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
    if (m.bottom < m.top || m.right < m.left || seen.has(k)) continue;
    seen.add(k);
    out.push(m);
  }
  return out;
}

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

/** The used range minus the first band: a strip on the right and a block below. */
function remainder(used: Rect, first: Rect): Rect[] {
  const out: Rect[] = [];
  if (first.right < used.right) out.push({ top: first.top, bottom: first.bottom, left: first.right + 1, right: used.right });
  if (first.bottom < used.bottom) out.push({ top: first.bottom + 1, bottom: used.bottom, left: used.left, right: used.right });
  return out;
}

function rectOf(r: Excel.Range): Rect {
  return { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 };
}

/**
 * Read `rects` request by request; each request is planned on the per-cell cost measured on
 * everything read so far, so the estimate follows the content down the sheet.
 */
async function readBands(context: Excel.RequestContext, sheet: Excel.Worksheet, rects: Rect[], builder: GridBuilder, maxBytes: number, requestBytes: number[]): Promise<number> {
  let syncs = 0;
  let remaining = rects.map((r) => ({ ...r }));
  while (remaining.length) {
    const maxCells = Math.max(1, Math.floor(maxBytes / builder.bytesPerCell));
    const [request] = planRequests(remaining, maxCells);
    const bands = request.map((p) => {
      const range = sheet.getRangeByIndexes(p.top, p.left, p.bottom - p.top + 1, p.right - p.left + 1);
      return queueBand(range, { anchor: range, rows: p.bottom - p.top + 1, cols: p.right - p.left + 1 });
    });
    requestBytes.push(request.reduce((s, p) => s + rectCells(p), 0) * builder.bytesPerCell);
    await context.sync();
    syncs++;
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

/** Read `sheet` (its used range, values only) into a grid. Errors from Excel are not caught, except a refused first request, which is retried as described above. */
export async function readSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, options: ReadOptions = {}): Promise<ReadResult> {
  const bandBytes = options.bandBytes ?? BAND_BYTES;
  const prior = options.priorBytesPerCell ?? PRIOR_BYTES_PER_CELL;
  const width = options.firstBandColumns ?? TEMPLATE_WIDTH;
  const firstRows = Math.min(MAX_ROWS, Math.max(1, Math.floor(bandBytes / (prior * width))));
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
  const first = queueBand(frame.used.getIntersection(frame.used.getCell(0, 0).getAbsoluteResizedRange(firstRows, width)), {
    anchor: frame.used,
    rows: firstRows,
    cols: width,
  });
  let syncs = 0;
  let firstOk = true;
  try {
    requestBytes.push(firstRows * width * prior);
    syncs++;
    await context.sync();
  } catch (e) {
    if (!PAYLOAD_CODES.has((e as { code?: string }).code ?? '')) throw e;
    firstOk = false;
  }

  let usedRect: Rect;
  let builder: GridBuilder;
  if (firstOk) {
    usedRect = rectOf(frame.used);
    builder = new GridBuilder(usedRect);
    builder.addBand(first);
    requestBytes[0] = builder.bytes;
    syncs += await readBands(context, sheet, remainder(usedRect, rectOf(first.range)), builder, bandBytes, requestBytes);
  } else {
    // The first request was refused: probe the frame alone, then bands at a cautious cost.
    frame = queueFrame();
    syncs++;
    await context.sync();
    requestBytes.push(0);
    usedRect = rectOf(frame.used);
    builder = new GridBuilder(usedRect);
    // Band by band, each sized on what the previous ones cost (the first assumes 16 times the usual).
    const widthNow = usedRect.right - usedRect.left + 1;
    for (let top = usedRect.top; top <= usedRect.bottom; ) {
      const cost = builder.cells ? builder.bytesPerCell * 1.1 : prior * 16;
      const rowsNow = Math.max(1, Math.floor(bandBytes / cost / widthNow));
      const bottom = Math.min(usedRect.bottom, top + rowsNow - 1);
      const range = sheet.getRangeByIndexes(top, usedRect.left, bottom - top + 1, widthNow);
      const band = queueBand(range, { anchor: range, rows: bottom - top + 1, cols: widthNow });
      requestBytes.push((bottom - top + 1) * widthNow * cost);
      await context.sync();
      syncs++;
      builder.addBand(band);
      top = bottom + 1;
    }
  }

  const grid: SheetGrid = {
    name: sheet.name,
    origin: { row: usedRect.top, col: usedRect.left },
    rows: builder.rows,
    merges: mergesOf(builder.mergedSlices, usedRect),
  };
  return { grid, syncs, used: usedRect, bytesPerCell: builder.bytesPerCell, requestBytes };
}
