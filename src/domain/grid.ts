/**
 * The engine's view of a worksheet: plain data, no Office.js, no ExcelJS.
 * Adapters (Office.js, .xlsx files, the demo page) translate their sheets into this shape.
 */

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
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

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

/** Column letters for a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of letters (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a grid cell, taking the grid's origin into account. */
export function cellAddress(grid: SheetGrid, r: number, c: number): string {
  return `${columnLetters(grid.origin.col + c)}${grid.origin.row + r + 1}`;
}

/** Parse `B12` into 0-based sheet coordinates. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Adresse de cellule invalide : ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
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
