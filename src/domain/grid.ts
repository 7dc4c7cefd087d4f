/**
 * The engine's view of a worksheet: plain data, no Office.js, no ExcelJS.
 * Adapters (Office.js, .xlsx files, the demo page) translate their sheets into this shape.
 * A1 addressing lives in a1.ts; its column and address helpers are re-exported here.
 */
import { Rect, columnLetters } from './a1';

export { columnIndex, columnLetters, parseAddress } from './a1';

/** An Excel error value such as `#REF!`, kept apart from text so it is never mistaken for a label. */
export interface CellError {
  error: string;
}

/** What a cell holds. Dates come from files (ExcelJS); Office.js gives serial numbers with a date format. */
export type CellValue = string | number | boolean | Date | CellError | null;

export interface Cell {
  value: CellValue;
  /** Excel number format code, e.g. `#,##0.00 "€"`; `General` or undefined when unknown. */
  numFmt?: string;
  /** Formula text (with `=`) when the cell holds one and the adapter knows it. */
  formula?: string;
}

/** A merged area, 0-based and inclusive, in grid coordinates. */
export type MergedArea = Rect;

export interface SheetGrid {
  /** Worksheet name as the user sees it. */
  name: string;
  /**
   * Sheet position of grid cell [0][0], 0-based (row 0 = sheet row 1, col 0 = column A).
   * Office.js reads the used range, which may start at C5: the origin keeps addresses exact.
   */
  origin: { row: number; col: number };
  /** rows[r][c]; missing rows or cells are empty cells. */
  rows: Array<Array<Cell | null | undefined> | null | undefined>;
  merges: MergedArea[];
  /** Optional facts the adapters know: protection, hidden rows. */
  protected?: boolean;
  /**
   * Grid rows (0-based, like `rows`) that are hidden or filtered out, when the adapter knows.
   * Hidden money still counts in every sum; a finding there must say the row is hidden.
   */
  hiddenRows?: number[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

/** A1 address of a grid cell, taking the grid's origin into account. */
export function cellAddress(grid: SheetGrid, r: number, c: number): string {
  return `${columnLetters(grid.origin.col + c)}${grid.origin.row + r + 1}`;
}

export function getCell(grid: SheetGrid, r: number, c: number): Cell | undefined {
  const row = grid.rows[r];
  return row ? row[c] ?? undefined : undefined;
}

export function gridHeight(grid: SheetGrid): number {
  return grid.rows.length;
}

export function gridWidth(grid: SheetGrid): number {
  let w = 0;
  for (const row of grid.rows) if (row && row.length > w) w = row.length;
  return w;
}
