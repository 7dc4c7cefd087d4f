/**
 * Reading the active sheet's used range into the engine's grid: values, number formats, formulas,
 * error cells, merged areas, and which cells have a fill of their own (for the row tints).
 *
 * Syncs: ONE when the whole response fits Excel on the web's 5 MB limit, otherwise
 * ceil(bytes / 4 MiB) requests of at most 4 MiB each.
 * - The first request carries the caller's loads (`alongside`), the used range's frame, a band A
 *   of the first rows sized to about 4 MiB, and a band B of the rows after it up to about 5 MB
 *   that exists only when the used range ends before band B's end (a null object otherwise, so
 *   Excel sends nothing for it). A sheet of ordinary size is thus read whole in that one sync,
 *   and a larger one gets a first chunk of about 4 MiB.
 * - What is left is read in requests of equal size, as few as fit under 4 MiB, each planned on the
 *   cost per cell measured on the request before (the content changes down the sheet). The count
 *   is ceil(bytes / 4 MiB) unless band A came back short of 4 MiB (content lighter than the prior
 *   below) by more than the rest overshoots a multiple of 4 MiB: then one more.
 * - If the first request fails anyway (a very wide or text-heavy sheet, a used range ending
 *   against the sheet's last row, too many merged areas), the read starts again with a cheap
 *   probe, then measured bands.
 * Bytes are counted as the JSON of what is loaded (values, formats, areas), as the payload limit is.
 */
import { Cell, MergedArea, SheetGrid } from '../domain/grid';
import { CALPAE_TEMPLATE } from '../domain/template';
import { MAX_ROWS, Rect, parseRect, rectCells, splitAreas } from './a1';

/**
 * JSON bytes per cell of values + number formats, with the fills, merged areas and formulas that go
 * with them: measured 41.7 on annexes laid out with the theme and Chorus code repeated on every
 * row (the heaviest ordinary layout), 34 with them merged, 36 on the sample; 43 leaves a margin.
 * Bands A and B are sized on it, so that they stay under their limits for such content.
 */
export const PRIOR_BYTES_PER_CELL = 43;
/** Largest request once a sheet needs several: 4 MiB, under the 5 MB Excel on the web accepts. */
export const BAND_BYTES = 4 * 1024 * 1024;
/** What one request may carry when the whole sheet fits in it: Excel on the web's 5 MB, less a margin. */
export const SINGLE_REQUEST_BYTES = Math.floor(5 * 1024 * 1024 * 0.99);
/** Width assumed for the first request: the national template's columns. */
export const TEMPLATE_WIDTH = CALPAE_TEMPLATE.textColumns.length + CALPAE_TEMPLATE.amountColumns.length;
/** Room left in the first response for the caller's loads (journal, conditional formats). */
const FIRST_EXTRAS_BYTES = 64 * 1024;
/** Requests after the first are planned to this share of bandBytes: room for the estimate's error. */
const BAND_FILL = 0.99;

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

/** Which cells of a band have no fill of their own, as far as whole rows or columns tell. */
export interface FillInfo {
  rect: Rect;
  /** 1 where the band's row (column) has no fill in any of its cells. */
  plainRows: Uint8Array;
  plainCols: Uint8Array;
}

export interface ReadResult {
  grid: SheetGrid;
  /** Syncs this read took. */
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

/**
 * True unless the cell is known to have no fill of its own (its row, or its column within the band
 * it was read in, has none anywhere): a cell we know nothing of counts as filled.
 */
export function hasOwnFill(fills: FillInfo[], row: number, col: number): boolean {
  for (const f of fills) {
    const r = f.rect;
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    if (f.plainRows[row - r.top] || f.plainCols[col - r.left]) return false;
  }
  return true;
}

/**
 * Excel refuses getMergedAreasOrNullObject on a range holding more than 512 merged areas, which a
 * consolidated annex of a few thousand rows reaches. Merged areas are therefore asked for in slices
 * of 128 rows (4 merges a row before a slice could hit the limit; an annex has 1 or 2), queued in
 * the same request as the band's values: no extra sync. The cautious path uses 32.
 */
const MERGE_SLICE_ROWS = 128;
const CAUTIOUS_SLICE_ROWS = 32;

const DATA_PROPS = 'rowIndex,columnIndex,rowCount,columnCount,values,numberFormat';
const AREA_PROPS = 'items/rowIndex,items/columnIndex,items/rowCount,items/columnCount';
const FILL_COLOR = { format: { fill: { color: true } } };
/** A first request refused for its size, its merged areas or a range past the sheet's end is retried cautiously. */
const RETRY_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'InvalidArgument', 'GeneralException']);

/** The loads queued for one band of rows. */
interface BandLoad {
  range: Excel.Range;
  /** Band B: a null object when the sheet is larger. */
  nullable: boolean;
  formulas: Excel.RangeAreas;
  /**
   * Error cells (constants, formulas). `values` alone gives numbers, text, booleans and "" but an
   * error as its text: asking where the errors are costs far less than valueTypes on every cell.
   */
  errors: Excel.RangeAreas[];
  merged: Excel.RangeAreas[];
  rowFills: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  colFills: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
}

/** Slices of `rows` × `cols` from the range's top-left: one merged-areas call each. */
function queueMerges(range: Excel.Range, rows: number, cols: number, sliceRows: number): Excel.RangeAreas[] {
  const out: Excel.RangeAreas[] = [];
  const first = range.getAbsoluteResizedRange(Math.min(sliceRows, rows), cols);
  for (let i = 0; i < rows; i += sliceRows) {
    // Offsets of the first slice cost one action; the last, shorter slice is cut to size.
    const slice = i === 0 ? first : rows - i >= sliceRows ? first.getOffsetRange(i, 0) : range.getCell(i, 0).getAbsoluteResizedRange(rows - i, cols);
    const merged = slice.getMergedAreasOrNullObject();
    // Each area's own address ('Annexe 9'!B10:B24): about half the bytes of its four indexes.
    merged.areas.load('items/address');
    out.push(merged);
  }
  return out;
}

/** Queue the loads of a band; `rows` × `cols` is its extent for the merged areas (the band may be smaller). */
function queueBand(range: Excel.Range, rows: number, cols: number, sliceRows: number, nullable = false): BandLoad {
  range.load(DATA_PROPS);
  // Formulas only where there are some: loading `formulas` everywhere would double the payload of text.
  const formulas = range.getSpecialCellsOrNullObject('Formulas');
  formulas.areas.load(`${AREA_PROPS},items/formulas`);
  const errors = (['Constants', 'Formulas'] as const).map((type) => {
    const areas = range.getSpecialCellsOrNullObject(type, 'Errors');
    areas.areas.load(AREA_PROPS);
    return areas;
  });
  return {
    range,
    nullable,
    formulas,
    errors,
    merged: queueMerges(range, rows, cols, sliceRows),
    rowFills: range.getRowProperties(FILL_COLOR),
    colFills: range.getColumnProperties(FILL_COLOR),
  };
}

function jsonBytes(x: unknown): number {
  return new TextEncoder().encode(JSON.stringify(x)).length;
}

/**
 * One cell as the engine wants it, from what Office.js returns; undefined when empty. `valueType`
 * as Office.js names them; the reader derives it from the value and the error cells.
 */
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

/** The value type Office.js would give, from the value and whether the cell holds an error. */
function typeOf(value: unknown, isError: boolean): string {
  if (isError) return 'Error';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return value === '' || value === null || value === undefined ? 'Empty' : 'String';
}

const cellKey = (row: number, col: number) => row * 16384 + col;

/** `B10:B24` of `'Annexe 9'!B10:B24` (the sheet's name may hold anything, quoted). */
const localPart = (address: string) => splitAreas(address)[0] ?? '';

function rectOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Rect {
  return { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 };
}

const plain = (p: { format?: { fill?: { color?: string | null } } } | undefined) => {
  const color = p?.format?.fill?.color;
  // White is what an unfilled cell reports; null means the cells differ.
  return typeof color === 'string' && color.toUpperCase() === '#FFFFFF' ? 1 : 0;
};

class GridBuilder {
  readonly rows: Array<Array<Cell | undefined>> = [];
  readonly merges: MergedArea[] = [];
  readonly fills: FillInfo[] = [];
  private readonly seenMerges = new Set<string>();
  /** Data bytes and cells received so far, and in the last request. */
  bytes = 0;
  cells = 0;
  private lastBytes = 0;
  private lastCells = 0;
  constructor(
    private readonly used: Rect,
    private readonly prior: number,
  ) {}

  /** Start counting a new request. */
  request(): void {
    this.lastBytes = 0;
    this.lastCells = 0;
  }

  /** Add a band; a null band (band B of a large sheet) adds nothing. */
  addBand(band: BandLoad): void {
    this.addMerges(band.merged);
    const r = band.range;
    if (band.nullable && r.isNullObject) return;
    const clip = rectOf(r);
    const inBand = (row: number, col: number) => row >= clip.top && row <= clip.bottom && col >= clip.left && col <= clip.right;
    let bytes = 0;
    // Special cells may reach outside the band (Excel looks at the used range): keep what the band covers.
    const formulas = new Map<number, string>();
    if (!band.formulas.isNullObject) {
      for (const area of band.formulas.areas.items) {
        const f = area.formulas;
        bytes += jsonBytes(f) + 64;
        for (let i = 0; i < area.rowCount; i++) {
          for (let j = 0; j < area.columnCount; j++) {
            const row = area.rowIndex + i;
            const col = area.columnIndex + j;
            const text = f[i][j];
            if (inBand(row, col) && typeof text === 'string' && text.startsWith('=')) formulas.set(cellKey(row, col), text);
          }
        }
      }
    }
    const errors = new Set<number>();
    for (const areas of band.errors) {
      if (areas.isNullObject) continue;
      for (const a of areas.areas.items) {
        bytes += 64;
        for (let row = a.rowIndex; row < a.rowIndex + a.rowCount; row++) {
          for (let col = a.columnIndex; col < a.columnIndex + a.columnCount; col++) if (inBand(row, col)) errors.add(cellKey(row, col));
        }
      }
    }
    const { values, numberFormat } = r;
    const rowFills = band.rowFills.value ?? [];
    const colFills = band.colFills.value ?? [];
    bytes += jsonBytes(values) + jsonBytes(numberFormat) + jsonBytes(rowFills) + jsonBytes(colFills);
    this.fills.push({ rect: clip, plainRows: Uint8Array.from(rowFills, plain), plainCols: Uint8Array.from(colFills, plain) });
    const cells = r.rowCount * r.columnCount;
    this.count(bytes, cells);
    for (let i = 0; i < r.rowCount; i++) {
      const gr = r.rowIndex + i - this.used.top;
      const vs = values[i];
      const fs = numberFormat[i];
      for (let j = 0; j < r.columnCount; j++) {
        const v = vs[j];
        if (v === '' || v === null || v === undefined) continue; // empty, or a formula showing nothing
        const col = r.columnIndex + j;
        const k = cellKey(r.rowIndex + i, col);
        const cell = cellFromOffice(v, typeOf(v, errors.has(k)), fs[j], formulas.get(k));
        if (!cell) continue;
        const line = this.rows[gr] ?? (this.rows[gr] = []);
        line[col - this.used.left] = cell;
      }
    }
  }

  private addMerges(slices: Excel.RangeAreas[]): void {
    const used = this.used;
    for (const areas of slices) {
      if (areas.isNullObject) continue;
      for (const item of areas.areas.items) {
        this.count(item.address.length + 16, 0);
        const a = parseRect(localPart(item.address));
        if (!a) continue;
        const m = {
          top: Math.max(a.top, used.top) - used.top,
          left: Math.max(a.left, used.left) - used.left,
          bottom: Math.min(a.bottom, used.bottom) - used.top,
          right: Math.min(a.right, used.right) - used.left,
        };
        // A merge crossing slices comes back once per slice: keep it once.
        const k = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
        if (m.bottom < m.top || m.right < m.left || this.seenMerges.has(k)) continue;
        this.seenMerges.add(k);
        this.merges.push(m);
      }
    }
  }

  private count(bytes: number, cells: number): void {
    this.bytes += bytes;
    this.cells += cells;
    this.lastBytes += bytes;
    this.lastCells += cells;
  }

  /** Bytes of the last request. */
  get requestBytes(): number {
    return this.lastBytes;
  }

  /** Per-cell cost of everything read so far. */
  get bytesPerCell(): number {
    return this.cells ? this.bytes / this.cells : this.prior;
  }

  /** Per-cell cost of the last request: the best guess for the rows that follow it. */
  get recentBytesPerCell(): number {
    return this.lastCells ? this.lastBytes / this.lastCells : this.bytesPerCell;
  }
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

/** The used range minus what the first request read (`read` rows × its columns): a strip on the right and a block below. */
function remainder(used: Rect, read: Rect): Rect[] {
  const out: Rect[] = [];
  if (read.right < used.right) out.push({ top: read.top, bottom: read.bottom, left: read.right + 1, right: used.right });
  if (read.bottom < used.bottom) out.push({ top: read.bottom + 1, bottom: used.bottom, left: used.left, right: used.right });
  return out;
}

/**
 * Read `rects` in as few requests as fit under `maxBytes` each, of equal size: planned again
 * before each request on the cost per cell of the one before.
 */
async function readBands(context: Excel.RequestContext, sheet: Excel.Worksheet, rects: Rect[], builder: GridBuilder, maxBytes: number, requestBytes: number[]): Promise<number> {
  let syncs = 0;
  let remaining = rects.map((r) => ({ ...r }));
  while (remaining.length) {
    const cost = builder.recentBytesPerCell;
    const cells = remaining.reduce((s, r) => s + rectCells(r), 0);
    const requests = Math.max(1, Math.ceil((cells * cost) / (maxBytes * BAND_FILL)));
    const [request] = planRequests(remaining, Math.ceil(cells / requests));
    const bands = request.map((p) => {
      const range = sheet.getRangeByIndexes(p.top, p.left, p.bottom - p.top + 1, p.right - p.left + 1);
      return queueBand(range, p.bottom - p.top + 1, p.right - p.left + 1, MERGE_SLICE_ROWS);
    });
    requestBytes.push(request.reduce((s, p) => s + rectCells(p), 0) * cost);
    await context.sync();
    syncs++;
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

/** Read `sheet` (its used range, values only) into a grid. Errors from Excel are not caught, except a refused first request, which is retried as described above. */
export async function readSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, options: ReadOptions = {}): Promise<ReadResult> {
  const bandBytes = options.bandBytes ?? BAND_BYTES;
  const singleBytes = options.singleBytes ?? SINGLE_REQUEST_BYTES;
  const prior = options.priorBytesPerCell ?? PRIOR_BYTES_PER_CELL;
  const width = options.firstBandColumns ?? TEMPLATE_WIDTH;
  const rowsFor = (bytes: number) => Math.min(MAX_ROWS, Math.max(1, Math.floor(Math.max(bytes / 2, bytes - FIRST_EXTRAS_BYTES) / (prior * width))));
  // Band A: a first chunk of about bandBytes. Band B: the rows after it, up to singleBytes in all.
  const rowsA = rowsFor(bandBytes);
  const rowsAB = rowsFor(singleBytes);
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
  const topLeft = used.getCell(0, 0);
  const bandA = queueBand(used.getIntersection(topLeft.getAbsoluteResizedRange(rowsA, width)), rowsA, width, MERGE_SLICE_ROWS);
  let bandB: BandLoad | null = null;
  if (rowsAB > rowsA) {
    // `fits` is the cell rowsAB rows down, kept only when it lies below the used range, i.e. when
    // the used range has at most rowsAB rows; band B hangs off it, so it is a null object otherwise.
    const fits = used.getRowsBelow(rowsAB + 1).getIntersectionOrNullObject(used.getCell(rowsAB, 0));
    const range = fits
      .getBoundingRect(used.getCell(rowsA, 0))
      .getEntireRow()
      .getIntersectionOrNullObject(used)
      .getIntersectionOrNullObject(topLeft.getAbsoluteResizedRange(1, width).getEntireColumn());
    bandB = queueBand(range, rowsAB - rowsA, width, MERGE_SLICE_ROWS, true);
  }
  let syncs = 0;
  let firstOk = true;
  try {
    syncs++;
    await context.sync();
  } catch (e) {
    if (!RETRY_CODES.has((e as { code?: string }).code ?? '')) throw e;
    firstOk = false;
  }

  let usedRect: Rect;
  let builder: GridBuilder;
  if (firstOk) {
    options.firstSynced?.();
    usedRect = rectOf(used);
    builder = new GridBuilder(usedRect, prior);
    builder.addBand(bandA);
    if (bandB) builder.addBand(bandB);
    requestBytes.push(builder.requestBytes);
    const a = rectOf(bandA.range);
    const readRows = bandB && !bandB.range.isNullObject ? { ...a, bottom: bandB.range.rowIndex + bandB.range.rowCount - 1 } : a;
    syncs += await readBands(context, sheet, remainder(usedRect, readRows), builder, bandBytes, requestBytes);
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
    for (let top = usedRect.top; top <= usedRect.bottom; ) {
      const cost = builder.cells ? builder.recentBytesPerCell * 1.1 : prior * 16;
      const rowsNow = Math.max(1, Math.floor(bandBytes / cost / widthNow));
      const bottom = Math.min(usedRect.bottom, top + rowsNow - 1);
      const range = sheet.getRangeByIndexes(top, usedRect.left, bottom - top + 1, widthNow);
      const band = queueBand(range, bottom - top + 1, widthNow, CAUTIOUS_SLICE_ROWS);
      requestBytes.push((bottom - top + 1) * widthNow * cost);
      await context.sync();
      syncs++;
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
  };
  return { grid, syncs, used: usedRect, bytesPerCell: builder.bytesPerCell, requestBytes, fills: builder.fills };
}
