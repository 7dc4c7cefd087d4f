/**
 * ExcelJS worksheet → the engine's grid, with no Node module (no fs, no path), so the demo page
 * can bundle it for the browser. Same logic as xlsx.ts `worksheetToGrid` (which can reuse it);
 * xlsx.ts's patch keeping number-format escapes reaches into ExcelJS's Node sources and is not
 * applied here (the browser build is one prebuilt file): only formats with `\` escapes differ.
 */
import type * as ExcelJS from 'exceljs';
import { Cell, CellValue, MergedArea, SheetGrid, WorkbookGrid, parseAddress } from '../domain/grid';

/** What Excel shows for a date it cannot show (1e20 in a date format): ExcelJS makes it an invalid Date. */
export const UNSHOWABLE_DATE = '########';

export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? UNSHOWABLE_DATE : v;
  if (typeof v === 'object') {
    if ('error' in v && v.error) return { error: String(v.error) };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { error: String(result.error) };
      return result as CellValue;
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

export function formulaOf(v: ExcelJS.CellValue): string | undefined {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v && v.formula) return `=${v.formula}`;
    if ('sharedFormula' in v && (v as ExcelJS.CellSharedFormulaValue).sharedFormula) return `=${(v as ExcelJS.CellSharedFormulaValue).sharedFormula}`;
  }
  return undefined;
}

/** The merges of a worksheet, as grid areas. */
export function mergesOf(ws: ExcelJS.Worksheet): MergedArea[] {
  const ranges: string[] = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  return ranges.map((range) => {
    const [a, b = a] = range.split(':');
    const tl = parseAddress(a);
    const br = parseAddress(b);
    return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
  });
}

/** A worksheet as the engine's grid (origin A1). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: Array<Array<Cell | undefined>> = [];
  // Rows hidden by hand, by a filter (Excel saves filtered-out rows as hidden) or a collapsed outline.
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    const cells: Array<Cell | undefined> = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged slaves repeat their master's value in ExcelJS; the engine expects them empty.
      if (cell.isMerged && cell.master !== cell) return;
      // A shared formula's value names its master cell; ExcelJS's `cell.formula` gives this cell's own.
      const stored = formulaOf(cell.value);
      const formula = stored && cell.formula ? `=${cell.formula}` : stored;
      // ExcelJS's cell.value drops a formula's cached result when it is 0 or false; cell.result keeps it.
      const value = formula ? plainValue({ formula: '', result: cell.result } as ExcelJS.CellFormulaValue) : plainValue(cell.value);
      if (value === null && !formula) return;
      cells[colNumber - 1] = { value, numFmt: cell.numFmt || undefined, formula };
    });
    rows[rowNumber - 1] = cells;
  });
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  const grid: SheetGrid = { name: ws.name, origin: { row: 0, col: 0 }, rows, merges: mergesOf(ws), protected: !!protection?.sheet };
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  return grid;
}

export function workbookToGrid(workbook: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: workbook.worksheets.filter((ws) => ws.state !== 'veryHidden').map(worksheetToGrid) };
}
