/**
 * The « Comparaison annexe 9 » sheet through Office.js (issue 16): the engine's plan
 * (planComparisonSheet, the one `annex9 compare --out` writes with ExcelJS) written in one write
 * sync, under the summary sheet's rules. It is recorded in the journal with the annex sheet it was
 * made from (its worksheet id) and a fingerprint of what was written; a new comparison of the same
 * annex sheet replaces it only while it is exactly that and still under a name we give a comparison
 * (« Comparaison annexe 9 », « … (2) »: a renamed one is the user's), otherwise a new sheet is added under a
 * free name. « Tout retirer… » on the annex sheet deletes it on the same condition (ourSheets.ts); a
 * sheet someone typed in is left where it is (and said so). Marker cells prove nothing: any workbook can
 * carry them, only the journal and the fingerprint say a sheet is ours.
 */
import Decimal from 'decimal.js';
import { columnLetters } from '../domain/a1';
import { comparisonSheetBaseNames, type CompareSlot, type ComparisonSheetPlan } from '../domain/compare/sheetPlan';
import { isOurSheetName } from '../domain/summary/layout';
import { Lang } from '../domain/messages';
import { JournalError, JournalReader, JournalReading, SummaryRecord, fingerprint, queueJournalReplace } from './journal';
import type { Journal } from './journalData';
import { queueRecorded, unchanged } from './ourSheets';
import { WriteOutcome } from './service';

/** As in sheetPlan.ts (COMPARE_FORMATS): repeated so the pane's first load does not carry the plan. */
const FORMATS = { amount: '#,##0.00 "€"', rate: '0.0 %', count: '0', text: '@' } as const;
const LINK_BLUE = '#0563C1';

export interface ComparisonWriteOutcome extends WriteOutcome {
  sheet?: string;
  replaced?: boolean;
  journalPartIds?: string[];
}

const words = {
  written: (lang: Lang, sheet: string, replaced: boolean) =>
    lang === 'fr' ? `Comparaison ${replaced ? 'remplacée' : 'insérée'} dans la feuille «\u00a0${sheet}\u00a0».` : `Comparison ${replaced ? 'replaced' : 'inserted'} in sheet "${sheet}".`,
  journalUnreadable: (lang: Lang) =>
    lang === 'fr'
      ? "Le journal du contrôle enregistré dans le classeur est illisible\u00a0: la comparaison n’a pas été insérée, rien n’a été modifié."
      : "The check's log stored in the workbook cannot be read: the comparison was not inserted, nothing was changed.",
  protectedSheet: (lang: Lang, sheet: string) =>
    lang === 'fr'
      ? `La comparaison existante «\u00a0${sheet}\u00a0» est protégée\u00a0: ôtez sa protection (Révision > Ôter la protection), puis recommencez. Rien n’a été modifié.`
      : `The existing comparison "${sheet}" is protected: unprotect it (Review > Unprotect Sheet), then try again. Nothing was changed.`,
};

/** Excel refuses a text constant over 255 characters inside a formula (the whole write would fail). */
export const FORMULA_TEXT_MAX = 255;

/**
 * The link to an action's row, as a formula. A label longer than a formula's text constant may be
 * (long action titles exist) is shortened with « … » in the link's text: the annex keeps it whole.
 */
export function hyperlink(slot: Extract<CompareSlot['cell'], { kind: 'link' }>): string {
  const q = (s: string) => s.replace(/"/g, '""');
  // Counted as written in the formula (a quote doubled counts twice): the least favourable reading.
  let text = slot.text;
  if (q(text).length > FORMULA_TEXT_MAX) {
    let kept = '';
    for (const ch of text) {
      if (q(kept + ch).length > FORMULA_TEXT_MAX - 1) break;
      kept += ch;
    }
    text = `${kept}…`;
  }
  return `=HYPERLINK("${q(`#'${slot.sheet.replace(/'/g, "''")}'!${slot.cell}`)}","${q(text)}")`;
}

function formatOf(slot: CompareSlot | null): string {
  switch (slot?.cell.kind) {
    case 'text':
      return FORMATS.text;
    case 'amount':
      return FORMATS.amount;
    case 'rate':
      return FORMATS.rate;
    case 'count':
      return FORMATS.count;
    default:
      return 'General';
  }
}

function valueOf(slot: CompareSlot | null): string | number {
  const c = slot?.cell;
  if (!c) return '';
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'amount':
      return new Decimal(c.cents).dividedBy(100).toNumber();
    case 'rate':
      return Number(c.value);
    case 'count':
      return c.value;
    case 'link':
      return '';
  }
}

/** The cells as `Range.formulas` gives them back: what the fingerprint is taken on. */
export function plannedComparisonFormulas(plan: ComparisonSheetPlan): Array<Array<string | number>> {
  const cols = Math.max(plan.widths.length, plan.marker.col + 1);
  return plan.rows.map((row, r) => {
    const line: Array<string | number> = [];
    for (let c = 0; c < cols; c++) {
      const slot = row.cells[c] ?? null;
      line.push(slot?.cell.kind === 'link' ? hyperlink(slot.cell) : valueOf(slot));
    }
    if (r < 2) line[plan.marker.col] = r === 0 ? plan.marker.token : plan.marker.source;
    return line;
  });
}

function queuePlan(ws: Excel.Worksheet, plan: ComparisonSheetPlan): void {
  const width = plan.widths.length;
  const all = ws.getRangeByIndexes(0, 0, plan.rows.length, width);
  // Formats first: a text cell is "@" before its value arrives, so `=…` in a title stays text.
  all.numberFormat = plan.rows.map((row) => row.cells.map(formatOf));
  all.values = plan.rows.map((row) => row.cells.map(valueOf));
  plan.rows.forEach((row, r) => {
    const line = ws.getRangeByIndexes(r, 0, 1, width);
    if (row.bold) line.format.font.bold = true;
    if (row.italic) line.format.font.italic = true;
    if (row.style === 'title') line.format.font.size = 14;
    if (row.fill) line.format.fill.color = row.fill;
    if (row.wrap) {
      line.format.wrapText = true;
      line.format.verticalAlignment = 'Top';
    }
    row.cells.forEach((slot, c) => {
      if (!slot || (!slot.fill && slot.cell.kind !== 'link')) return;
      const cell = ws.getRangeByIndexes(r, c, 1, 1);
      if (slot.fill) cell.format.fill.color = slot.fill;
      if (slot.cell.kind === 'link') {
        cell.formulas = [[hyperlink(slot.cell)]];
        cell.format.font.color = LINK_BLUE;
        cell.format.font.underline = 'Single';
      }
    });
  });
  const column = (c: number) => ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`);
  // Character widths as ExcelJS takes them; about 7 points a character in Calibri 11.
  plan.widths.forEach((w, c) => (column(c).format.columnWidth = Math.round(w * 7 + 5)));
  const marker = ws.getRangeByIndexes(0, plan.marker.col, 2, 1);
  marker.numberFormat = [[FORMATS.text], [FORMATS.text]];
  marker.values = [[plan.marker.token], [plan.marker.source]];
  column(plan.marker.col).columnHidden = true;
  ws.freezePanes.freezeRows(plan.frozenRows);
  const page = ws.pageLayout;
  page.orientation = 'Landscape';
  page.setPrintArea(plan.print.area);
  page.setPrintTitleRows(`$${plan.print.titleRows.first}:$${plan.print.titleRows.last}`);
}

async function readJournal(context: Excel.RequestContext): Promise<{ sheets: Excel.WorksheetCollection; reading: JournalReading & { partIds: string[] } } | null> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  const reader = new JournalReader(context);
  reader.queue();
  await context.sync();
  try {
    return { sheets, reading: await reader.result() };
  } catch (e) {
    if (e instanceof JournalError) return null;
    throw e;
  }
}

/** Write the plan for the annex sheet `sourceSheetId`: replace our earlier comparison of it (recorded, unchanged) or add a sheet. */
export async function writeComparisonPlan(context: Excel.RequestContext, plan: ComparisonSheetPlan, sourceSheetId: string, lang: Lang, at: Date = new Date()): Promise<ComparisonWriteOutcome> {
  const read = await readJournal(context);
  if (!read) return { ok: false, message: words.journalUnreadable(lang) };
  const { sheets, reading } = read;
  // Never the annex sheet itself, nor a sheet under a name we do not give a comparison (« V1 », one
  // the user renamed), whatever a (forged) journal says: its fingerprint is no secret.
  const ourName = (id: string) => sheets.items.some((ws) => ws.id === id && [plan.name, ...comparisonSheetBaseNames()].some((base) => isOurSheetName(base, ws.name)));
  const mine = queueRecorded((reading.journal.comparisons ?? []).filter((r) => r.source === sourceSheetId && r.sheetId !== sourceSheetId && ourName(r.sheetId)), sheets);
  if (mine.length) await context.sync();
  const ours = mine.find(unchanged)?.ws ?? null;
  if (ours?.protection.protected) return { ok: false, message: words.protectedSheet(lang, ours.name) };
  let ws: Excel.Worksheet;
  let name: string;
  if (ours) {
    ws = ours;
    name = ours.name;
    ws.getRange().clear('All');
  } else {
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    name = plan.name;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${plan.name} (${i})`;
    ws = sheets.add(name);
    ws.load('id');
  }
  queuePlan(ws, plan);
  ws.activate();
  const planned = plannedComparisonFormulas(plan);
  const recordOf = (sheetId: string): SummaryRecord => ({
    sheetId,
    source: sourceSheetId,
    rows: planned.length,
    cols: planned[0]?.length ?? 1,
    fingerprint: fingerprint(planned),
    at: at.toISOString(),
  });
  const journalWith = (record: SummaryRecord): Journal => ({
    ...reading.journal,
    comparisons: [...(reading.journal.comparisons ?? []).filter((r) => r.source !== record.source && r.sheetId !== record.sheetId), record],
  });
  let part = ours ? queueJournalReplace(context, reading.partIds, journalWith(recordOf(ours.id)))?.load('id') ?? null : null;
  await context.sync();
  if (!ours) {
    part = queueJournalReplace(context, reading.partIds, journalWith(recordOf(ws.id)))?.load('id') ?? null;
    await context.sync();
  }
  return { ok: true, sheet: name, replaced: !!ours, message: words.written(lang, name, !!ours), journalPartIds: part ? [part.id] : [] };
}
