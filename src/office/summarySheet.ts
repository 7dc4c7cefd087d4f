/**
 * The summary sheet through Office.js: the engine's sheet plan (the same one `annex9 fix` writes
 * with ExcelJS) written in ONE write sync. Small reads come first: the sheets and the journal,
 * then the content of our earlier summary. An earlier summary is replaced in place only when the
 * journal in the workbook records it (its worksheet id) AND it is exactly what was written (a
 * fingerprint of its cells) AND it still has a name we give a summary (« Synthèse annexe 9 »,
 * « Synthèse annexe 9 (2) »…; a renamed one is the user's): a sheet of the user's is never cleared, whatever it holds — the two
 * marker cells (Z1, Z2) prove nothing, any workbook can carry them. Otherwise a new sheet is
 * added under the first free name, and its id is recorded in one more sync.
 *
 * A chart of A, C and F per Chorus code goes beside the table (queueChart); regenerating deletes
 * the old one by its name, and deleting the sheet removes it with the sheet.
 *
 * Printing: `pageLayout.zoom = { horizontalFitToPages }` may be ignored (office-js#1860, while
 * `{ scale }` is applied), so the scale that fits the columns on one landscape A4 page is set
 * instead: the same page either way.
 *
 * Text cells get the number format "@" before their values, in the same batch: Excel then stores
 * what it is given as text, so a title such as `=HYPERLINK(…)`, `+1+1` or `-  €` never becomes a
 * formula or a number. Chosen over a leading apostrophe because the value read back is exactly the
 * annex text (no quote prefix to strip, on any host or in the fake), and codes such as `07` or a
 * fiche number `2.1` stay text too.
 */
import { SheetReport } from '../domain/analyze';
import { Lang } from '../domain/messages';
import {
  NotifiedAmount,
  PlanCellSlot,
  SUMMARY_FORMATS,
  SheetPlan,
  freeSummaryName,
  hyperlinkFormula,
  isOurSheetName,
  summarySheetBaseNames,
  summarySheetPlan,
  widthInPoints,
} from '../domain/summary';
import { columnLetters } from '../domain/a1';
import { JournalError, JournalReader, JournalReading, SummaryRecord, fingerprint, isSummaryAsWritten, queueJournalReplace } from './journal';
import { CheckOutcome, WriteOutcome } from './service';
import { conventionRecordOf } from './conventionRecordData';

export interface SummaryWriteOutcome extends WriteOutcome {
  /** The summary sheet's name, when written. */
  sheet?: string;
  /** True when our earlier summary of the same annex sheet was replaced. */
  replaced?: boolean;
  /** The journal's part after the write (its id), for the next read. */
  journalPartIds?: string[];
}

export interface OfficeSummaryOptions {
  /** The generation time; the clock by default (the engine never reads it). */
  now?: () => Date;
  /** The State's notified amounts the user typed in the pane. */
  notified?: () => NotifiedAmount[];
  /** Workbook (file) name for the header; from the document's URL when not given. */
  workbookName?: () => string | undefined;
  /** Show the summary once written (default true). */
  activate?: boolean;
}

const LINK_BLUE = '#0563C1';

const text = {
  written(lang: Lang, sheet: string, replaced: boolean): string {
    return lang === 'fr'
      ? `Synthèse ${replaced ? 'régénérée' : 'insérée'} dans la feuille «\u00a0${sheet}\u00a0».`
      : `Summary ${replaced ? 'regenerated' : 'inserted'} in sheet "${sheet}".`;
  },
  journalUnreadable(lang: Lang): string {
    return lang === 'fr'
      ? "Le journal du contrôle enregistré dans le classeur est illisible\u00a0: la synthèse n’a pas été insérée, rien n’a été modifié."
      : "The check's log stored in the workbook cannot be read: the summary was not inserted, nothing was changed.";
  },
  protectedSummary(lang: Lang, sheet: string): string {
    return lang === 'fr'
      ? `La synthèse existante «\u00a0${sheet}\u00a0» est protégée\u00a0: ôtez sa protection (Révision > Ôter la protection), puis recommencez. Rien n’a été modifié.`
      : `The existing summary "${sheet}" is protected: unprotect it (Review > Unprotect Sheet), then try again. Nothing was changed.`;
  },
  activeWorkbook(lang: Lang): string {
    return lang === 'fr' ? 'classeur actif' : 'active workbook';
  },
};

/** File name from the document's URL (`…/Annexe%209.xlsx` → `Annexe 9.xlsx`), when Office gives one. */
function workbookNameFromOffice(): string | undefined {
  const url = typeof Office === 'undefined' ? undefined : (Office.context?.document as { url?: string } | undefined)?.url;
  if (!url) return undefined;
  const last = url.split(/[\\/]/).pop()?.split(/[?#]/)[0];
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function numberFormatOf(slot: PlanCellSlot | null): string {
  switch (slot?.cell.kind) {
    case 'text':
      return SUMMARY_FORMATS.text;
    case 'amount':
      return SUMMARY_FORMATS.amount;
    case 'ratio':
      return SUMMARY_FORMATS.ratio;
    case 'count':
      return SUMMARY_FORMATS.count;
    default:
      return 'General';
  }
}

function valueOf(slot: PlanCellSlot | null): string | number {
  const c = slot?.cell;
  if (!c) return '';
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'amount':
    case 'ratio':
      return c.value.toNumber();
    case 'count':
      return c.value;
    case 'link':
      return ''; // written as a formula below
  }
}

/**
 * The narrower of A4 and US Letter in landscape (792 points), less Excel's "Normal" margins (0.7
 * inch each side): whatever paper the printer has, the columns fit one page wide.
 */
export const PRINTABLE_WIDTH = Math.min(842, 792) - 2 * 0.7 * 72;

/** The print scale (percent) that puts every column of the plan on one page wide. */
export function printScale(plan: SheetPlan): number {
  const width = plan.widths.reduce((s, w) => s + widthInPoints(w), 0);
  return Math.max(10, Math.min(100, Math.floor((PRINTABLE_WIDTH / width) * 100)));
}

/** The cells the plan writes, as `Range.formulas` gives them back: what the fingerprint is taken on. */
export function plannedFormulas(plan: SheetPlan): Array<Array<string | number>> {
  const cols = Math.max(plan.widths.length, plan.marker.col + 1);
  return plan.rows.map((row, r) => {
    const line: Array<string | number> = [];
    for (let c = 0; c < cols; c++) {
      const slot = row.cells[c] ?? null;
      line.push(slot?.cell.kind === 'link' ? `=${hyperlinkFormula(slot.cell)}` : valueOf(slot));
    }
    if (r < 2) line[plan.marker.col] = r === 0 ? plan.marker.token : plan.marker.source;
    return line;
  });
}

/** Queue the whole plan on `ws` (a new sheet, or ours just cleared). */
function queuePlan(ws: Excel.Worksheet, plan: SheetPlan): void {
  const height = plan.rows.length;
  const width = plan.widths.length;
  const all = ws.getRangeByIndexes(0, 0, height, width);
  // Formats first: a text cell must be "@" before its value arrives.
  all.numberFormat = plan.rows.map((row) => row.cells.map(numberFormatOf));
  all.values = plan.rows.map((row) => row.cells.map(valueOf));
  plan.rows.forEach((row, r) => {
    const line = ws.getRangeByIndexes(r, 0, 1, width);
    if (row.bold) line.format.font.bold = true;
    if (row.italic) line.format.font.italic = true;
    if (row.size) line.format.font.size = row.size;
    if (row.fill) line.format.fill.color = row.fill;
    if (row.wrap) {
      line.format.wrapText = true;
      line.format.verticalAlignment = 'Top';
    }
    if (row.indent) ws.getRangeByIndexes(r, 0, 1, 1).format.indentLevel = row.indent;
    row.cells.forEach((slot, c) => {
      if (!slot) return;
      const cell = slot.fill || slot.cell.kind === 'link' ? ws.getRangeByIndexes(r, c, 1, 1) : null;
      if (slot.fill) cell!.format.fill.color = slot.fill;
      if (slot.cell.kind === 'link') {
        // Our own formula around our own text (an address): the same link the file writer writes.
        cell!.formulas = [[`=${hyperlinkFormula(slot.cell)}`]];
        cell!.format.font.color = LINK_BLUE;
        cell!.format.font.underline = 'Single';
      }
    });
  });
  const column = (c: number) => ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`);
  plan.widths.forEach((w, c) => (column(c).format.columnWidth = widthInPoints(w)));

  // The marker, in a hidden column out of the print area.
  const marker = ws.getRangeByIndexes(0, plan.marker.col, 2, 1);
  marker.numberFormat = [[SUMMARY_FORMATS.text], [SUMMARY_FORMATS.text]];
  marker.values = [[plan.marker.token], [plan.marker.source]];
  column(plan.marker.col).columnHidden = true;

  queueChart(ws, plan);

  ws.freezePanes.freezeRows(plan.frozenRows);
  const page = ws.pageLayout;
  page.orientation = 'Landscape';
  page.zoom = { scale: printScale(plan) };
  page.setPrintArea(plan.print.area);
  page.setPrintTitleRows(`$${plan.print.titleRows.first}:$${plan.print.titleRows.last}`);
}

/** Our chart's name: the one an earlier summary's chart is found (and deleted) by. */
export const SUMMARY_CHART_NAME = 'annexe9-synthese-graphique';

/**
 * A clustered column chart of A, C and F per Chorus code, beside the table (ExcelApi 1.1 for the
 * chart, 1.7 for its added series): people look at it rather than read the figures. Series over
 * the plan's own cells, so it always shows what the table says.
 */
function queueChart(ws: Excel.Worksheet, plan: SheetPlan): void {
  const by = plan.byCode;
  if (!by || by.rows < 1) return;
  const header = plan.rows[plan.frozenRows - 1]?.cells ?? [];
  const headerText = (c: number) => (header[c]?.cell.kind === 'text' ? header[c]!.cell.text : '');
  const column = (c: number) => ws.getRangeByIndexes(by.firstRow, c, by.rows, 1);
  const labels = column(by.label);
  const chart = ws.charts.add('ColumnClustered', column(by.A), 'Columns');
  chart.name = SUMMARY_CHART_NAME;
  // The section's own title (« Par imputation Chorus »).
  const section = plan.rows[by.firstRow - 1]?.cells[0];
  chart.title.text = section?.cell.kind === 'text' ? section.cell.text : '';
  const first = chart.series.getItemAt(0);
  first.name = headerText(by.A);
  first.setXAxisValues(labels);
  for (const c of [by.C, by.F]) {
    const series = chart.series.add(headerText(c));
    series.setValues(column(c));
    series.setXAxisValues(labels);
  }
  const left = plan.widths.length + 1;
  chart.setPosition(`${columnLetters(left)}${by.firstRow + 1}`, `${columnLetters(Math.min(left + 8, plan.marker.col - 1))}${by.firstRow + 20}`);
}

/** The journal with `record` in place of any earlier record of the same annex sheet. */
function withSummary(reading: JournalReading, record: SummaryRecord) {
  return { ...reading.journal, summaries: [...reading.journal.summaries.filter((r) => r.source !== record.source && r.sheetId !== record.sheetId), record] };
}

/** What writing a summary reads first: the sheets (names, ids, visibility) and the journal, in one sync. */
interface SummaryRead {
  sheets: Excel.WorksheetCollection;
  reading: JournalReading & { partIds: string[] };
}

async function readForSummary(context: Excel.RequestContext, lang: Lang): Promise<SummaryRead | SummaryWriteOutcome> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  const reader = new JournalReader(context);
  reader.queue();
  await context.sync();
  try {
    return { sheets, reading: await reader.result() };
  } catch (e) {
    if (e instanceof JournalError) return { ok: false, message: text.journalUnreadable(lang) };
    throw e;
  }
}

/**
 * Write the plan: find our earlier summary of the same annex sheet (recorded and unchanged), then
 * clear it and write, or add a sheet under the first free name. `read`: the sheets and journal
 * already read in this batch (insertSummarySheet), so they are not read twice.
 */
export async function writeSummaryPlan(context: Excel.RequestContext, plan: SheetPlan, lang: Lang, activate = true, at: Date = new Date(), read?: SummaryRead): Promise<SummaryWriteOutcome> {
  const got = read ?? (await readForSummary(context, lang));
  if (!('reading' in got)) return got;
  const { sheets, reading } = got;

  // Our earlier summary of this annex sheet: recorded, still there, still under a name we give a
  // summary, and exactly as written. The journal comes with the workbook and its fingerprint is no
  // secret: a record naming any other sheet (the annex itself, « V1 », one the user renamed) is not believed.
  const ourName = (name: string) => [plan.name, ...summarySheetBaseNames()].some((base) => isOurSheetName(base, name));
  const record = reading.journal.summaries.find((r) => r.source === plan.marker.source && sheets.items.some((ws) => ws.id === r.sheetId && ws.name !== plan.marker.source && ourName(ws.name)));
  let ours: Excel.Worksheet | null = null;
  let charts: Excel.ChartCollection | null = null;
  if (record) {
    const ws = sheets.items.find((x) => x.id === record.sheetId)!;
    const written = ws.getRangeByIndexes(0, 0, record.rows, record.cols).load('formulas');
    const used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
    ws.protection.load('protected');
    charts = ws.charts.load('items/name');
    await context.sync();
    if (isSummaryAsWritten(record, used, written.formulas)) ours = ws;
  }
  if (ours?.protection.protected) return { ok: false, message: text.protectedSummary(lang, ours.name) };
  let ws: Excel.Worksheet;
  let name: string;
  if (ours) {
    ws = ours;
    name = ours.name;
    // Everything of the old summary goes (values, formats, links); widths and settings are set again.
    ws.getRange().clear('All');
    // Clearing cells may leave charts (the fake's reading): our chart goes by its name, before the new one.
    for (const chart of charts?.items ?? []) if (chart.name === SUMMARY_CHART_NAME) chart.delete();
  } else {
    name = freeSummaryName(plan.name, sheets.items.map((s) => s.name));
    ws = sheets.add(name);
    ws.load('id');
  }
  queuePlan(ws, plan);
  if (activate && (!ours || ours.visibility === 'Visible')) ws.activate();
  const planned = plannedFormulas(plan);
  const recordOf = (sheetId: string): SummaryRecord => ({
    sheetId,
    source: plan.marker.source,
    rows: planned.length,
    cols: planned[0]?.length ?? 1,
    fingerprint: fingerprint(planned),
    at: at.toISOString(),
  });
  // The same sheet: its record in the same write. A new sheet: recorded once Excel gave its id.
  let part = ours ? queueJournalReplace(context, reading.partIds, withSummary(reading, recordOf(ours.id)))?.load('id') ?? null : null;
  await context.sync();
  if (!ours) {
    part = queueJournalReplace(context, reading.partIds, withSummary(reading, recordOf(ws.id)))?.load('id') ?? null;
    await context.sync();
  }
  return { ok: true, sheet: name, replaced: !!ours, message: text.written(lang, name, !!ours), journalPartIds: part ? [part.id] : [] };
}

/** Build and write the summary of a checked annex sheet. */
export async function insertSummarySheet(
  context: Excel.RequestContext,
  report: SheetReport,
  lang: Lang,
  options: OfficeSummaryOptions = {},
): Promise<SummaryWriteOutcome> {
  // The sheets and the journal, read once for both uses: the convention's amounts confirmed in the
  // pane for this sheet (issue 15), and the earlier summary to replace.
  const read = await readForSummary(context, lang);
  if (!('reading' in read)) return read;
  const annexId = read.sheets.items.find((x) => x.name === report.sheet)?.id ?? '';
  const record = options.notified ? null : conventionRecordOf(read.reading.journal.conventions, annexId, report.sheet);
  // The words of the sources come with the record's module, loaded only when there is a record.
  const stored = record ? (await import('./conventionRecord')).summaryInputsOf(record.figures, lang) : null;
  const { plan } = summarySheetPlan(report, {
    lang,
    workbook: options.workbookName?.() ?? workbookNameFromOffice() ?? text.activeWorkbook(lang),
    generatedAt: options.now?.() ?? new Date(),
    notified: options.notified?.() ?? stored?.notified ?? [],
    ...(stored?.notifiedTotal ? { notifiedTotal: stored.notifiedTotal } : {}),
  });
  return writeSummaryPlan(context, plan, lang, options.activate ?? true, options.now?.() ?? new Date(), read);
}

/** The service's summary writer (ExcelServiceOptions.writeSummary). */
export function createSummaryWriter(options: OfficeSummaryOptions = {}) {
  return (context: Excel.RequestContext, outcome: CheckOutcome, lang: Lang): Promise<SummaryWriteOutcome> => {
    if (outcome.status !== 'annex' || !outcome.report) {
      return Promise.resolve({
        ok: false,
        message: lang === 'fr' ? "Aucune annexe 9 contrôlée\u00a0: lancez d’abord le contrôle." : 'No annex 9 checked: run the check first.',
      });
    }
    return insertSummarySheet(context, outcome.report, lang, options);
  };
}
