/**
 * The summary sheet in a workbook file: the engine's sheet plan written with ExcelJS. Nothing is
 * decided here: the plan says what goes where; this file only knows how ExcelJS spells it.
 * Our earlier summary is replaced in place only when it is recognisably ours: its marker cells, and
 * its content unchanged since we wrote it (a fingerprint of its cells, kept under the marker), and
 * its name still one we give a summary (« Synthèse annexe 9 », « … (2) »: both others can forge). A
 * sheet that merely carries the marker values — a user's copy of a summary they then edited, or a
 * received workbook's forgery, our summary the user renamed — is never replaced: ours takes another name, as it does beside a
 * user's sheet of the same name.
 */
import { createHash } from 'crypto';
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
  isOurSheetName,
  planSummarySheet,
  buildSummary,
  summaryMarkerStatus,
  summarySheetBaseNames,
} from '../domain/summary';

export interface SummaryWriteResult {
  /** Name of the summary sheet written. */
  sheet: string;
  /** True when our earlier summary of the same annex sheet was replaced. */
  replaced: boolean;
  /** Sheets carrying our marker for this annex sheet whose content is not ours as written: left alone. */
  kept: string[];
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const LINK_BLUE = '#0563C1';

/** What a cell holds, without creating it (a user's sheet is only read). */
function valueAt(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  return ws.findCell(row, col)?.value ?? null;
}

/** Row of the fingerprint, in the marker's column under its token (row 1) and source (row 2). */
const FINGERPRINT_ROW = 3;
const FINGERPRINT_PREFIX = 'empreinte-sha256:';

/**
 * A fingerprint of what a sheet holds: every cell's address and value (a formula by its text, not
 * its cached result, which another program may recompute), the fingerprint cell itself aside.
 */
function contentFingerprint(ws: ExcelJS.Worksheet, markerCol: number): string {
  const hash = createHash('sha256');
  // Stryker disable next-line BooleanLiteral: empty rows too would give the same hash (their cells are skipped below, having no value), and the empty rows it makes in memory are not saved
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (r === FINGERPRINT_ROW && c === markerCol) return;
      const v = cell.value as ExcelJS.CellValue;
      const shown = v && typeof v === 'object' && !(v instanceof Date) && 'formula' in v ? { formula: v.formula } : v;
      hash.update(`${JSON.stringify([cell.address, shown])}\n`);
    });
  });
  return `${FINGERPRINT_PREFIX}${hash.digest('hex')}`;
}

/** Sheets carrying our marker for this annex sheet; `ours` is the one whose content is as we wrote it. */
function findOurSummary(workbook: ExcelJS.Workbook, plan: SheetPlan): { ours?: ExcelJS.Worksheet; marked: ExcelJS.Worksheet[] } {
  const col = plan.marker.col + 1;
  const marked = workbook.worksheets.filter((ws) => summaryMarkerStatus(valueAt(ws, 1, col), valueAt(ws, 2, col), plan.marker.source) === 'ours');
  // The marker and the fingerprint can be forged by whoever sent the file: the sheet must also still
  // have a name we give a summary (a renamed one is the user's, kept).
  const named = (ws: ExcelJS.Worksheet) => [plan.name, ...summarySheetBaseNames()].some((base) => isOurSheetName(base, ws.name));
  const ours = marked.find((ws) => named(ws) && valueAt(ws, FINGERPRINT_ROW, col) === contentFingerprint(ws, col));
  return { ours, marked };
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
      // Stryker disable next-line ConditionalExpression: → true sets size undefined, saved byte for byte as no size (ExcelJS writes <sz> only for a size); → false is killed by the 14-point title (summaryFormatting.test.ts)
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

  // The pane's top-left cell is the first below the split: ExcelJS writes it so when none is given.
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: plan.frozenRows, activeCell: `A${plan.frozenRows + 1}` }];
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
  // Last: the fingerprint of everything above, so that a later run knows the sheet is as we left it.
  ws.getCell(FINGERPRINT_ROW, markerCol).value = contentFingerprint(ws, markerCol);
}

/**
 * Put the summary sheet in the workbook: replace our earlier summary of the same annex sheet when
 * it is as we wrote it, or add a new sheet under the first name no other sheet uses.
 */
export function writeSummarySheet(workbook: ExcelJS.Workbook, plan: SheetPlan): SummaryWriteResult {
  const { ours: previous, marked } = findOurSummary(workbook, plan);
  const kept = marked.filter((ws) => ws !== previous).map((ws) => ws.name);
  if (previous) {
    // A fresh sheet in the same place: nothing of the old one (cells, styles, widths) lingers.
    // ExcelJS orders sheets by orderNo, which its typings do not declare.
    const name = previous.name;
    const orderNo = (previous as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(previous.id);
    const ws = workbook.addWorksheet(name);
    (ws as unknown as { orderNo: number }).orderNo = orderNo;
    writePlan(ws, plan);
    return { sheet: name, replaced: true, kept };
  }
  const name = freeSummaryName(plan.name, workbook.worksheets.map((w) => w.name));
  const ws = workbook.addWorksheet(name);
  writePlan(ws, plan);
  return { sheet: name, replaced: false, kept };
}

/** Build the summary of a checked sheet and write it: what `annex9 fix` calls. */
export function addSummarySheet(workbook: ExcelJS.Workbook, report: SheetReport, options: SummaryOptions): SummaryWriteResult & { summary: AnnexSummary } {
  const summary = buildSummary(report, options);
  return { ...writeSummarySheet(workbook, planSummarySheet(summary)), summary };
}
