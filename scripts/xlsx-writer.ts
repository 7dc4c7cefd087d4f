/**
 * Writes a SheetGrid into an ExcelJS workbook: the reverse of the .xlsx adapter, so that the
 * sample and every crafted variant (tests, benchmarks) come from one description.
 */
import * as ExcelJS from 'exceljs';
import { Cell, CellValue, MergedArea, SheetGrid, isCellError } from '../src/domain/grid';

/** Presentation of the sheet. All coordinates are 0-based grid coordinates (like the cells). */
export interface GridStyle {
  /** Column widths in characters, by grid column. */
  columnWidths?: Record<number, number>;
  /** Row heights in points, by grid row. */
  rowHeights?: Record<number, number>;
  /** Title rows above the table: bold, a bit larger. */
  titleRows?: number[];
  /** Header rows: bold, wrapped, centred, filled. */
  headerRows?: number[];
  /** Fill of the header rows, ARGB. */
  headerFill?: string;
  /** Total rows: bold. */
  boldRows?: number[];
  /** Columns whose text wraps (theme, code, title). */
  wrapColumns?: number[];
  /** Area with thin borders on every cell (the table). */
  table?: MergedArea;
  /** Print setup. */
  landscape?: boolean;
  /** Grid rows repeated at the top of each printed page. */
  printTitleRows?: { first: number; last: number };
  /** Freeze panes below/right of this grid cell. */
  freeze?: { row: number; col: number };
}

/** Fixed metadata so that regenerating a workbook gives the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2023, 5, 12, 0, 0, 0));
export const CREATOR = 'annexe9-controle';

/** Creates a workbook with fixed properties (creator, dates). */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties.fullCalcOnLoad = false;
  return wb;
}

type ExcelError = ExcelJS.CellErrorValue['error'];

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isCellError(v)) return { error: v.error as ExcelError };
  return v as string | number | boolean | Date;
}

function toFormulaResult(v: CellValue): ExcelJS.CellFormulaValue['result'] {
  if (v === null) return undefined;
  if (isCellError(v)) return { error: v.error as ExcelError };
  return v as string | number | boolean | Date;
}

function writeCell(target: ExcelJS.Cell, cell: Cell): void {
  if (cell.formula) {
    const formula = cell.formula.startsWith('=') ? cell.formula.slice(1) : cell.formula;
    const result = toFormulaResult(cell.value);
    target.value = result === undefined ? { formula } : { formula, result };
  } else {
    target.value = toExcelValue(cell.value);
  }
  if (cell.numFmt && cell.numFmt !== 'General') target.numFmt = cell.numFmt;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const ALL_THIN: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Writes the grid as a new worksheet named after it. Values (errors, dates, formulas with their
 * cached result), number formats and merges come from the grid; `style` only adds presentation.
 */
export function writeGridToWorkbook(grid: SheetGrid, workbook: ExcelJS.Workbook, style: GridStyle = {}): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(grid.name);
  // ExcelJS rows and columns are 1-based.
  const R = (r: number) => grid.origin.row + r + 1;
  const C = (c: number) => grid.origin.col + c + 1;

  grid.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell) writeCell(ws.getCell(R(r), C(c)), cell);
    });
  });
  // Merge after writing: ExcelJS routes a write to a merged cell to its master.
  for (const m of grid.merges) ws.mergeCells(R(m.top), C(m.left), R(m.bottom), C(m.right));

  for (const [c, width] of Object.entries(style.columnWidths ?? {})) ws.getColumn(C(Number(c))).width = width;
  for (const [r, height] of Object.entries(style.rowHeights ?? {})) ws.getRow(R(Number(r))).height = height;

  if (style.table) {
    const t = style.table;
    for (let r = t.top; r <= t.bottom; r++) {
      for (let c = t.left; c <= t.right; c++) ws.getCell(R(r), C(c)).border = ALL_THIN;
    }
  }
  const wrap = new Set(style.wrapColumns ?? []);
  const bodyTop = style.headerRows?.length ? Math.max(...style.headerRows) + 1 : 0;
  for (let r = bodyTop; r < grid.rows.length; r++) {
    for (const c of wrap) {
      ws.getCell(R(r), C(c)).alignment = { wrapText: true, vertical: 'middle' };
    }
  }
  for (const r of style.titleRows ?? []) ws.getRow(R(r)).font = { bold: true, size: 12 };
  const width = Math.max(0, ...grid.rows.map((row) => row?.length ?? 0));
  for (const r of style.headerRows ?? []) {
    for (let c = style.table?.left ?? 0; c <= (style.table?.right ?? width - 1); c++) {
      const cell = ws.getCell(R(r), C(c));
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      if (style.headerFill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.headerFill } };
    }
  }
  for (const r of style.boldRows ?? []) {
    for (let c = style.table?.left ?? 0; c <= (style.table?.right ?? width - 1); c++) ws.getCell(R(r), C(c)).font = { bold: true };
  }

  if (style.landscape !== undefined || style.printTitleRows) {
    ws.pageSetup.orientation = style.landscape ? 'landscape' : 'portrait';
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
    if (style.printTitleRows) ws.pageSetup.printTitlesRow = `${R(style.printTitleRows.first)}:${R(style.printTitleRows.last)}`;
  }
  if (style.freeze) {
    ws.views = [{ state: 'frozen', ySplit: R(style.freeze.row) - 1, xSplit: C(style.freeze.col) - 1 }];
  }
  return ws;
}

/** DOS date/time of FIXED_DATE, for the zip entries. */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/**
 * Sets every zip entry's modification time to FIXED_DATE. JSZip (under ExcelJS) stamps entries with
 * the current time; the timestamps are outside the CRCs, so patching them leaves the archive valid.
 */
export function normalizeZipTimestamps(buf: Buffer, when: Date = FIXED_DATE): Buffer {
  const out = Buffer.from(buf);
  const { date, time } = dosDateTime(when);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('Archive zip illisible : fin de répertoire introuvable');
  const count = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('Archive zip illisible : répertoire central');
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('Archive zip illisible : en-tête local');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** The workbook as .xlsx bytes, identical from one run to the next for the same content. */
export async function deterministicXlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const data = await workbook.xlsx.writeBuffer();
  return normalizeZipTimestamps(Buffer.from(data as ArrayBuffer));
}
