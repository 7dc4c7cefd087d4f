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
 */
import { Cell, MergedArea, SheetGrid } from '../domain/grid';
import { CALPAE_TEMPLATE } from '../domain/template';
import { MAX_ROWS, Rect, parseRect, rectCells, splitAreas } from '../domain/a1';

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

/** Which cells of a band have no fill of their own, as far as whole rows or columns tell. */
export interface FillInfo {
  rect: Rect;
  /** 1 where the band's row (column) has no fill in any of its cells. */
  plainRows: Uint8Array;
  plainCols: Uint8Array;
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
const AREA_PROPS = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount'].map((p) => `areas/items/${p}`).join(',');
/**
 * A cell without fill reports #FFFFFF like a white fill (office-js#6218); `pattern` None is the
 * only thing that could tell it apart. A row counts as without fill only when it says so; where
 * Excel cannot tell, no tint goes anywhere (a white fill is a colour of the user's).
 */
const FILL_PROPS = { format: { fill: { color: true, pattern: true } } };
const ROW_PROPS = { ...FILL_PROPS, rowHidden: true };
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
/** A first request refused for its size, its merged areas or a range past the sheet's end is retried cautiously. */
const RETRY_CODES = new Set([...PAYLOAD_CODES, 'InvalidArgument', 'GeneralException']);

const codeOf = (e: unknown) => (e as { code?: string } | null)?.code ?? '';

/** The loads queued for one band of rows. */
interface BandLoad {
  range: Excel.Range;
  formulas: Excel.RangeAreas;
  /**
   * Error cells (constants, formulas). `values` alone gives numbers, text, booleans and "" but an
   * error as its text: asking where the errors are costs far less than valueTypes on every cell.
   */
  errors: Excel.RangeAreas[];
  merged: Excel.RangeAreas[];
  rowProps: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  colProps: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
}

/** Slices of `rows` × `cols` from the range's top-left: one merged-areas call each. */
function queueMerges(range: Excel.Range, rows: number, cols: number, sliceRows: number): Excel.RangeAreas[] {
  const out: Excel.RangeAreas[] = [];
  const first = range.getAbsoluteResizedRange(Math.min(sliceRows, rows), cols);
  for (let i = 0; i < rows; i += sliceRows) {
    // Offsets of the first slice cost one action; the last, shorter slice is cut to size.
    const slice = i === 0 ? first : rows - i >= sliceRows ? first.getOffsetRange(i, 0) : range.getCell(i, 0).getAbsoluteResizedRange(rows - i, cols);
    const merged = slice.getMergedAreasOrNullObject();
    // Loaded on the (possibly null) object itself; each area's own address ('Annexe 9'!B10:B24).
    merged.load('areas/items/address');
    out.push(merged);
  }
  return out;
}

/** Queue the loads of a band; `rows` × `cols` is its extent for the merged areas (the band may be smaller). */
function queueBand(range: Excel.Range, rows: number, cols: number, sliceRows: number): BandLoad {
  range.load(DATA_PROPS);
  // Formulas only where there are some: loading `formulas` everywhere would double the payload of text.
  const formulas = range.getSpecialCellsOrNullObject('Formulas');
  formulas.load(`${AREA_PROPS},areas/items/formulas`);
  const errors = (['Constants', 'Formulas'] as const).map((type) => range.getSpecialCellsOrNullObject(type, 'Errors').load(AREA_PROPS));
  return {
    range,
    formulas,
    errors,
    merged: queueMerges(range, rows, cols, sliceRows),
    rowProps: range.getRowProperties(ROW_PROPS),
    colProps: range.getColumnProperties(FILL_PROPS),
  };
}

/** JSON bytes of what Excel sends, every non-ASCII character counted as a \u escape. */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) n += 5;
  return n;
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

/** 1 when a row's (column's) properties say it has no fill anywhere; null values mean its cells differ. */
const plain = (p: { format?: { fill?: { color?: string | null; pattern?: string | null } } } | undefined) => {
  const fill = p?.format?.fill;
  return typeof fill?.color === 'string' && fill.color.toUpperCase() === '#FFFFFF' && fill.pattern === 'None' ? 1 : 0;
};

class GridBuilder {
  readonly rows: Array<Array<Cell | undefined>> = [];
  readonly merges: MergedArea[] = [];
  readonly fills: FillInfo[] = [];
  /** Sheet rows hidden or filtered out. */
  readonly hidden = new Set<number>();
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

  /** Add a band. */
  addBand(band: BandLoad): void {
    this.addMerges(band.merged);
    const r = band.range;
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
    const rowProps = band.rowProps.value ?? [];
    const colProps = band.colProps.value ?? [];
    bytes += jsonBytes(values) + jsonBytes(numberFormat) + jsonBytes(rowProps) + jsonBytes(colProps);
    this.fills.push({ rect: clip, plainRows: Uint8Array.from(rowProps, plain), plainCols: Uint8Array.from(colProps, plain) });
    rowProps.forEach((p, i) => {
      if ((p as { rowHidden?: boolean | null }).rowHidden === true) this.hidden.add(clip.top + i);
    });
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
