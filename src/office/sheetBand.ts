/**
 * One band of rows read from Excel: the loads queued for it in one request (values, number
 * formats, formulas and error cells where there are some, merged areas in slices, row and column
 * fills, hidden rows) and the grid built from what comes back, with the bytes it cost. How the
 * bands are planned and synced is readSheet.ts's.
 */
import { Cell, MergedArea } from '../domain/grid';
import { MAX_COLUMNS, Rect, parseRect, splitAreas } from '../domain/a1';

/** Which cells of a band have no fill of their own, as far as whole rows or columns tell. */
export interface FillInfo {
  rect: Rect;
  /** 1 where the band's row (column) has no fill in any of its cells. */
  plainRows: Uint8Array;
  plainCols: Uint8Array;
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
export const MERGE_SLICE_ROWS = 128;
export const CAUTIOUS_SLICE_ROWS = 32;

const DATA_PROPS = 'rowIndex,columnIndex,rowCount,columnCount,values,numberFormat';
const AREA_PROPS = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount'].map((p) => `areas/items/${p}`).join(',');
/**
 * A cell without fill reports #FFFFFF like a white fill (office-js#6218); `pattern` None is the
 * only thing that could tell it apart. A row counts as without fill only when it says so; where
 * Excel cannot tell, no tint goes anywhere (a white fill is a colour of the user's).
 */
const FILL_PROPS = { format: { fill: { color: true, pattern: true } } };
const ROW_PROPS = { ...FILL_PROPS, rowHidden: true };

/** The loads queued for one band of rows. */
export interface BandLoad {
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
export function queueBand(range: Excel.Range, rows: number, cols: number, sliceRows: number): BandLoad {
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

const cellKey = (row: number, col: number) => row * MAX_COLUMNS + col;

/** `B10:B24` of `'Annexe 9'!B10:B24` (the sheet's name may hold anything, quoted). */
const localPart = (address: string) => splitAreas(address)[0] ?? '';

export function rectOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Rect {
  return { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 };
}

/** 1 when a row's (column's) properties say it has no fill anywhere; null values mean its cells differ. */
const plain = (p: { format?: { fill?: { color?: string | null; pattern?: string | null } } } | undefined) => {
  const fill = p?.format?.fill;
  return typeof fill?.color === 'string' && fill.color.toUpperCase() === '#FFFFFF' && fill.pattern === 'None' ? 1 : 0;
};

export class GridBuilder {
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
