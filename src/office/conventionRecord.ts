/**
 * The convention's confirmed figures in the workbook (issue 15), through Office.js: kept in the
 * add-in's journal (a custom XML part), per annex sheet, so that a re-check, a colleague who
 * receives the file and the summary sheet see them; taken back with the add-in's other writes
 * (« Effacer les marques »). Read and write follow the journal's rules: the parts are read, the
 * journal is replaced whole in one write sync.
 */
import type { ConventionFigures } from '../domain/convention/figures';
import { conventionRecordOf, figuresForRecord, withoutConventionOf } from './conventionRecordData';
import { JournalError, JournalReader, queueJournalReplace } from './journal';
import type { ConventionRecord } from './journalData';

export interface SheetIdentity {
  sheetId: string;
  sheetName: string;
}

/** The record of the sheet, null when none; JournalError when the journal cannot be read. */
export async function readConventionRecordOf(context: Excel.RequestContext, sheet: SheetIdentity): Promise<ConventionRecord | null> {
  const reader = new JournalReader(context);
  reader.queue(false);
  await context.sync();
  const { journal } = await reader.result();
  return conventionRecordOf(journal.conventions, sheet.sheetId, sheet.sheetName);
}

/**
 * Record `figures` for the sheet in place of its earlier record (none: the record goes). Returns
 * the journal's part ids after the write. Throws JournalError when the journal cannot be read
 * (nothing written then).
 */
export async function writeConventionRecord(context: Excel.RequestContext, sheet: SheetIdentity, figures: ConventionFigures | null, at: Date): Promise<string[]> {
  const reader = new JournalReader(context);
  reader.queue(false);
  await context.sync();
  const read = await reader.result();
  const others = withoutConventionOf(read.journal.conventions, sheet.sheetId, sheet.sheetName);
  const conventions = figures ? [...others, { ...sheet, figures: figuresForRecord(figures), at: at.toISOString() }] : others;
  const part = queueJournalReplace(context, read.partIds, { ...read.journal, conventions })?.load('id') ?? null;
  await context.sync();
  return part ? [part.id] : [];
}

export { JournalError };
