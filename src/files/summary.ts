/**
 * The summary sheet in a workbook file: the engine's sheet plan written with ExcelJS. Nothing is
 * decided here: the plan says what goes where; this file only knows how ExcelJS spells it.
 * Our earlier summary (recognised by its marker cells, not by its name) is replaced in place; a
 * user's sheet of the same name is left alone and ours takes another name.
 */
import * as ExcelJS from 'exceljs';
import { SheetReport } from '../domain/analyze';
import {
  AnnexSummary,
  PlanCellSlot,
  SUMMARY_FORMATS,
  SheetPlan,
  SummaryOptions,
  freeSummaryName,
  hyperlinkFormula,
  planSummarySheet,
  buildSummary,
  summaryMarkerStatus,
} from '../domain/summary';

export interface SummaryWriteResult {
  /** Name of the summary sheet written. */
  sheet: string;
  /** True when our earlier summary of the same annex sheet was replaced. */
  replaced: boolean;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const LINK_BLUE = '#0563C1';

/** What a cell holds, without creating it (a user's sheet is only read). */
function valueAt(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  return ws.findCell(row, col)?.value ?? null;
}

/** Our earlier summary of the same annex sheet, if the workbook has one. */
function findOurSummary(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet | undefined {
  const col = plan.marker.col + 1;
  return workbook.worksheets.find((ws) => summaryMarkerStatus(valueAt(ws, 1, col), valueAt(ws, 2, col), plan.marker.source) === 'ours');
}

function writeCell(cell: ExcelJS.Cell, slot: PlanCellSlot): void {
  const c = slot.cell;
  switch (c.kind) {
    case 'text':
      // A string value is always a string to ExcelJS (shared string, never a formula): `=…`, `+1+1` stay text.
      cell.numFmt = SUMMARY_FORMATS.text;
      cell.value = c.text;
      break;
    case 'amount':
      cell.numFmt = SUMMARY_FORMATS.amount;
      cell.value = c.value.toNumber();
      break;
    case 'ratio':
      cell.numFmt = SUMMARY_FORMATS.ratio;
      cell.value = c.value.toNumber();
      break;
    case 'count':
      cell.numFmt = SUMMARY_FORMATS.count;
      cell.value = c.value;
      break;
    case 'link':
      // Our own formula (the text is an address we wrote), with its result for readers that do not compute.
      cell.value = { formula: hyperlinkFormula(c), result: c.text } as ExcelJS.CellFormulaValue;
      cell.font = { ...cell.font, color: { argb: argb(LINK_BLUE) }, underline: true };
      break;
  }
}

/** Write the plan into `ws`, a fresh sheet. */
function writePlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
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
      if (row.size) font.size = row.size;
      cell.font = font;
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      if (row.wrap || (c === 0 && row.indent)) {
        cell.alignment = { vertical: 'top', wrapText: !!row.wrap, ...(c === 0 && row.indent ? { indent: row.indent } : {}) };
      }
    });
  });
  // The marker, in a hidden column out of the print area.
  const markerCol = plan.marker.col + 1;
  ws.getCell(1, markerCol).value = plan.marker.token;
  ws.getCell(2, markerCol).value = plan.marker.source;
  ws.getColumn(markerCol).hidden = true;

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: plan.frozenRows, topLeftCell: `A${plan.frozenRows + 1}`, activeCell: `A${plan.frozenRows + 1}` }];
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: plan.print.orientation,
    fitToPage: true,
    fitToWidth: plan.print.fitToWidth,
    fitToHeight: plan.print.fitToHeight,
    paperSize: 9, // A4
    printArea: plan.print.area,
    printTitlesRow: `${plan.print.titleRows.first}:${plan.print.titleRows.last}`,
  };
}

/**
 * Put the summary sheet in the workbook: replace our earlier summary of the same annex sheet, or
 * add a new sheet under the first name no other sheet uses.
 */
export function writeSummarySheet(workbook: ExcelJS.Workbook, plan: SheetPlan): SummaryWriteResult {
  const previous = findOurSummary(workbook, plan);
  if (previous) {
    // A fresh sheet in the same place: nothing of the old one (cells, styles, widths) lingers.
    // ExcelJS orders sheets by orderNo, which its typings do not declare.
    const name = previous.name;
    const orderNo = (previous as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(previous.id);
    const ws = workbook.addWorksheet(name);
    (ws as unknown as { orderNo: number }).orderNo = orderNo;
    writePlan(ws, plan);
    return { sheet: name, replaced: true };
  }
  const name = freeSummaryName(plan.name, workbook.worksheets.map((w) => w.name));
  const ws = workbook.addWorksheet(name);
  writePlan(ws, plan);
  return { sheet: name, replaced: false };
}

/** Build the summary of a checked sheet and write it: what `annex9 fix` calls. */
export function addSummarySheet(workbook: ExcelJS.Workbook, report: SheetReport, options: SummaryOptions): SummaryWriteResult & { summary: AnnexSummary } {
  const summary = buildSummary(report, options);
  return { ...writeSummarySheet(workbook, planSummarySheet(summary)), summary };
}
