/**
 * The comparison sheet in a workbook file: the plan of src/domain/compare/sheetPlan.ts written
 * with ExcelJS. Nothing is decided here. Our earlier comparison sheet (recognised by its marker
 * cell AND a name we give a comparison: « Comparaison annexe 9 », « … (2) ») is replaced in place;
 * a user's sheet of the same name, a sheet « V1 » carrying the marker, or our comparison the user
 * renamed is left alone and ours takes another name.
 */
import * as ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { COMPARE_FORMATS, ComparisonSheetPlan, CompareSlot, COMPARISON_MARKER_TOKEN, comparisonSheetBaseNames } from '../domain/compare/sheetPlan';
import { isOurSheetName } from '../domain/summary/layout';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const LINK_BLUE = '#0563C1';

export interface ComparisonWriteResult {
  sheet: string;
  replaced: boolean;
}

/** Our marker (a constant any workbook can carry) AND a name we give a comparison: a renamed one is the user's. */
function isOurs(ws: ExcelJS.Worksheet, plan: ComparisonSheetPlan): boolean {
  const named = [plan.name, ...comparisonSheetBaseNames()].some((base) => isOurSheetName(base, ws.name));
  return named && ws.findCell(1, plan.marker.col + 1)?.value === COMPARISON_MARKER_TOKEN;
}

/** `HYPERLINK("#'Annexe 9'!B12","ligne 12")`: both texts are ours (a sheet name is quoted). */
function linkFormula(sheet: string, cell: string, text: string): string {
  const q = (s: string) => s.replace(/"/g, '""');
  return `HYPERLINK("${q(`#'${sheet.replace(/'/g, "''")}'!${cell}`)}","${q(text)}")`;
}

function writeCell(cell: ExcelJS.Cell, slot: CompareSlot): void {
  const c = slot.cell;
  switch (c.kind) {
    case 'text':
      // A string value stays a string (never a formula): `=…` typed in a title is shown as text.
      cell.numFmt = COMPARE_FORMATS.text;
      cell.value = c.text;
      break;
    case 'amount':
      cell.numFmt = COMPARE_FORMATS.amount;
      cell.value = new Decimal(c.cents).dividedBy(100).toNumber();
      break;
    case 'rate':
      cell.numFmt = COMPARE_FORMATS.rate;
      cell.value = Number(c.value);
      break;
    case 'count':
      cell.numFmt = COMPARE_FORMATS.count;
      cell.value = c.value;
      break;
    case 'link':
      cell.value = { formula: linkFormula(c.sheet, c.cell, c.text), result: c.text } as ExcelJS.CellFormulaValue;
      cell.font = { ...cell.font, color: { argb: argb(LINK_BLUE) }, underline: true };
      break;
  }
}

function writePlan(ws: ExcelJS.Worksheet, plan: ComparisonSheetPlan): void {
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.rows.forEach((row, r) => {
    row.cells.forEach((slot, c) => {
      const fill = slot?.fill ?? row.fill;
      if (!slot && !fill) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (slot) writeCell(cell, slot);
      const font: Partial<ExcelJS.Font> = { ...cell.font };
      if (row.bold) font.bold = true;
      if (row.italic) font.italic = true;
      if (row.style === 'title') font.size = 14;
      cell.font = font;
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      if (row.wrap) cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  const markerCol = plan.marker.col + 1;
  ws.getCell(1, markerCol).value = plan.marker.token;
  ws.getCell(2, markerCol).value = plan.marker.source;
  ws.getColumn(markerCol).hidden = true;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: plan.frozenRows, topLeftCell: `A${plan.frozenRows + 1}`, activeCell: `A${plan.frozenRows + 1}` }];
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9, // A4
    printArea: plan.print.area,
    printTitlesRow: `${plan.print.titleRows.first}:${plan.print.titleRows.last}`,
  };
}

/** First name no sheet uses: the base, then "base (2)"… (sheet names compare without case). */
export function freeSheetName(base: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!used.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

/** Put the comparison sheet in the workbook: replace our earlier one, or add it under a free name. */
export function writeComparisonSheet(workbook: ExcelJS.Workbook, plan: ComparisonSheetPlan): ComparisonWriteResult {
  const previous = workbook.worksheets.find((ws) => isOurs(ws, plan));
  if (previous) {
    const name = previous.name;
    // ExcelJS orders sheets by orderNo, which its typings do not declare.
    const orderNo = (previous as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(previous.id);
    const ws = workbook.addWorksheet(name);
    (ws as unknown as { orderNo: number }).orderNo = orderNo;
    writePlan(ws, plan);
    return { sheet: name, replaced: true };
  }
  const name = freeSheetName(plan.name, workbook.worksheets.map((w) => w.name));
  writePlan(workbook.addWorksheet(name), plan);
  return { sheet: name, replaced: false };
}
