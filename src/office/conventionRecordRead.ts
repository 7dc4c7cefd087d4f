/**
 * Reading the convention record of a sheet (conventionRecord.ts): done after every check, so it
 * is part of the pane's first load (no chunk fetched for it); the write is loaded when asked.
 */
import { conventionRecordOf } from './conventionRecordData';
import { JournalReader } from './journal';
import type { ConventionRecord } from './journalData';

export interface SheetIdentity {
  sheetId: string;
  sheetName: string;
}

/** The record of the sheet, null when none; JournalError when the journal cannot be read. */
export async function readConventionRecordOf(context: Excel.RequestContext, sheet: SheetIdentity): Promise<ConventionRecord | null> {
  const reader = new JournalReader(context);
  reader.queue();
  await context.sync();
  const { journal } = await reader.result();
  return conventionRecordOf(journal.conventions, sheet.sheetId, sheet.sheetName);
}

