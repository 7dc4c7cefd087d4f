/**
 * The sheets the add-in inserted for an annex sheet — its summaries (« Synthèse annexe 9 ») and
 * comparisons (« Comparaison annexe 9 ») — as « Tout retirer… » sees them. A sheet is ours only
 * while the journal records it for this annex sheet AND it is exactly as written (the recorded
 * fingerprint, nothing typed around it); a summary must also still carry its marker for this annex
 * sheet and no chart but ours; and either must still have a name we give it (« Synthèse annexe 9 »,
 * « Comparaison annexe 9 (2) »…): a forged record naming « V1 », or our sheet the user renamed, is
 * kept (the fingerprint is no secret). Only then, and when Excel allows it (not protected, not very
 * hidden), is it deleted; any other is kept, named, and left to the user. The same reading serves
 * the preview (nothing written) and the clear (deletions queued in the clear's write).
 * Loaded on demand (with the clear and its preview), never with the pane's first load.
 */
import { comparisonSheetBaseNames } from '../domain/compare/sheetPlan';
import { isOurSheetName, summarySheetBaseNames } from '../domain/summary/layout';
import { SUMMARY_MARKER_COLUMN, summaryMarkerStatus } from '../domain/summaryMarker';
import { Journal, SummaryRecord, isSummaryAsWritten } from './journalData';
import { SUMMARY_CHART_NAME } from './summarySheet';

/** A recorded sheet, with what it holds now: queued, read by the caller's sync. */
export interface RecordedSheet {
  record: SummaryRecord;
  ws: Excel.Worksheet;
  written: Excel.Range;
  used: Excel.Range;
}

/** Our sheets among `records` that still exist, each with its written cells, used range and protection queued. */
export function queueRecorded(records: SummaryRecord[], sheets: Excel.WorksheetCollection): RecordedSheet[] {
  return records
    .filter((r) => sheets.items.some((ws) => ws.id === r.sheetId))
    .map((record) => {
      const ws = sheets.items.find((x) => x.id === record.sheetId)!;
      const written = ws.getRangeByIndexes(0, 0, record.rows, record.cols).load('formulas');
      const used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
      ws.protection.load('protected');
      return { record, ws, written, used };
    });
}

/** Exactly as written, nothing typed around it. */
export function unchanged(x: RecordedSheet): boolean {
  // The same test as the summary's replacement (journalData.ts), so that both agree on what is ours.
  return isSummaryAsWritten(x.record, x.used, x.written.formulas);
}

/** What becomes of one kind of sheet: names deleted, names kept (changed, protected, very hidden). */
export interface SheetFate {
  deleted: string[];
  kept: string[];
}

export interface OurSheetsRemoval {
  summaries: SheetFate;
  comparisons: SheetFate;
  /** The journal without the summaries' and comparisons' records of this annex sheet (deleted or kept). */
  journal: Journal;
  /** Queue the deletions (in the caller's write batch); the preview never calls it. */
  queueDeletions(): void;
}

const none = (): SheetFate => ({ deleted: [], kept: [] });

/**
 * Which of the annex sheet's summaries and comparisons can go. No sync when the journal records
 * none for it; two reads otherwise (the sheets, then what the recorded ones hold).
 */
export async function planOurSheetsRemoval(context: Excel.RequestContext, journal: Journal, annex: { sheetId: string; sheetName: string }): Promise<OurSheetsRemoval> {
  // Summaries are recorded by the annex sheet's name (their marker says the same), comparisons by its id.
  const isSummaryOf = (r: SummaryRecord) => r.source === annex.sheetName;
  const isComparisonOf = (r: SummaryRecord) => r.source === annex.sheetId;
  const summaryRecords = journal.summaries.filter(isSummaryOf);
  const comparisonRecords = (journal.comparisons ?? []).filter(isComparisonOf);
  const next: Journal = { ...journal, summaries: journal.summaries.filter((r) => !isSummaryOf(r)), comparisons: (journal.comparisons ?? []).filter((r) => !isComparisonOf(r)) };
  const result: OurSheetsRemoval = { summaries: none(), comparisons: none(), journal: next, queueDeletions: () => undefined };
  if (!summaryRecords.length && !comparisonRecords.length) return result;

  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  await context.sync();
  // Never the annex sheet itself, and each sheet once, whatever a (forged) journal says.
  const seen = new Set<string>([annex.sheetId]);
  const once = (records: SummaryRecord[]) => records.filter((r) => !seen.has(r.sheetId) && (seen.add(r.sheetId), true));
  const summaries = queueRecorded(once(summaryRecords), sheets).map((x) => ({
    ...x,
    marker: x.ws.getRangeByIndexes(0, SUMMARY_MARKER_COLUMN, 2, 1).load('values'),
    charts: x.ws.charts.load('items/name'),
  }));
  const comparisons = queueRecorded(once(comparisonRecords), sheets);
  if (summaries.length || comparisons.length) await context.sync();

  const named = (bases: string[]) => (x: RecordedSheet) => bases.some((base) => isOurSheetName(base, x.ws.name));
  const summaryNamed = named(summarySheetBaseNames());
  const comparisonNamed = named(comparisonSheetBaseNames());
  const deletable = (x: RecordedSheet) => unchanged(x) && !x.ws.protection.protected && x.ws.visibility !== 'VeryHidden';
  const toDelete: Excel.Worksheet[] = [];
  const sort = (x: RecordedSheet, ok: boolean, fate: SheetFate) => {
    if (ok) {
      fate.deleted.push(x.ws.name);
      toDelete.push(x.ws);
    } else fate.kept.push(x.ws.name);
  };
  for (const x of summaries) {
    const [[z1], [z2]] = x.marker.values as unknown[][];
    // A chart someone added (or more than ours) is not in the fingerprint: the sheet is kept for it.
    const onlyOurChart = x.charts.items.filter((c) => c.name !== SUMMARY_CHART_NAME).length === 0 && x.charts.items.length <= 1;
    sort(x, summaryNamed(x) && deletable(x) && onlyOurChart && summaryMarkerStatus(z1, z2, annex.sheetName) === 'ours', result.summaries);
  }
  for (const x of comparisons) sort(x, comparisonNamed(x) && deletable(x), result.comparisons);
  result.queueDeletions = () => toDelete.forEach((ws) => ws.delete());
  return result;
}
