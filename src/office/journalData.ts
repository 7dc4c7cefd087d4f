/**
 * The journal's data: what the add-in records of what it wrote (see journal.ts), the limits a
 * received workbook's journal is read under, and the operations on it. Pure: no Office.
 */
import type { ConventionFigures } from '../domain/convention/figures';

export const JOURNAL_NAMESPACE = 'urn:annexe9-calpae:journal';

export const JOURNAL_LIMITS = {
  /** Characters of one part; a larger part is unreadable. */
  partChars: 4_000_000,
  /** Parts read; more are unreadable (the add-in writes one). */
  parts: 16,
  sheets: 256,
  fillsPerSheet: 2000,
  summaries: 64,
  /** Confirmed convention figures (one per annex sheet) and comparison sheets (see conventionRecord.ts, comparisonSheet.ts). */
  conventions: 64,
  comparisons: 64,
  /** Characters of a written code, an anchor's text. */
  text: 1000,
} as const;

/** The cell on the filled code's row whose content identifies the row (its title), as it was. */
export interface JournalAnchor {
  cell: string;
  value: string | number | boolean;
}

export interface JournalFill {
  /** The id the cell's conditional format carries (`annexe9:code:<id>`). */
  id: string;
  /** Local A1 cell when written (it may have moved since: the conditional format says where it is). */
  cell: string;
  /** Exactly what the add-in wrote. */
  written: string;
  /** What the cell held before (empty, or blank text). */
  before: string;
  /** Set when the add-in changed the number format to text ('@') before writing. */
  numberFormatBefore?: string;
  anchor?: JournalAnchor;
  at: string;
}

export interface SheetJournal {
  sheetId: string;
  sheetName: string;
  fills: JournalFill[];
}

/** A summary sheet the add-in wrote: replaced in place only while it is exactly what was written. */
export interface SummaryRecord {
  sheetId: string;
  /** The annex sheet it summarises. */
  source: string;
  rows: number;
  cols: number;
  /** fingerprint() of the written cells (rows × cols, marker column included). */
  fingerprint: string;
  at: string;
}

export interface Journal {
  version: 2;
  sheets: SheetJournal[];
  summaries: SummaryRecord[];
  /** The convention's figures the user confirmed for an annex sheet (conventionRecord.ts). */
  conventions?: ConventionRecord[];
  /** « Comparaison annexe 9 » sheets the add-in wrote: same rules as the summaries. */
  comparisons?: SummaryRecord[];
}

/**
 * The convention's figures confirmed in the pane for one annex sheet (shape: ConventionFigures,
 * checked field by field on reading, see conventionRecord.ts).
 */
export interface ConventionRecord {
  sheetId: string;
  sheetName: string;
  figures: ConventionFigures;
  at: string;
}

/** An entry dropped on reading, for the message (its cell when it names a readable one). */
export interface IgnoredEntry {
  sheetId: string | null;
  cell: string | null;
  reason: 'malformed' | 'legacy' | 'overLimit';
}

export interface JournalReading {
  journal: Journal;
  ignored: IgnoredEntry[];
}

export class JournalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalError';
  }
}

export function emptyJournal(): Journal {
  return { version: 2, sheets: [], summaries: [] };
}

/** Several parts (workbooks merged, an interrupted write): every part's entries, each fill once. */
export function mergeJournals(readings: JournalReading[]): JournalReading {
  const merged = emptyJournal();
  const ignored: IgnoredEntry[] = [];
  for (const r of readings) {
    ignored.push(...r.ignored);
    for (const s of r.journal.sheets) {
      const entry = sheetEntry(merged, s.sheetId, s.sheetName);
      if (!entry) {
        merged.sheets.push({ ...s, fills: [...s.fills] });
        continue;
      }
      const seen = new Set(entry.fills.map((f) => f.id));
      for (const f of s.fills) {
        if (seen.has(f.id)) continue;
        if (entry.fills.length >= JOURNAL_LIMITS.fillsPerSheet) ignored.push({ sheetId: s.sheetId, cell: f.cell, reason: 'overLimit' });
        else entry.fills.push(f);
        seen.add(f.id);
      }
    }
    for (const x of r.journal.summaries) if (merged.summaries.length < JOURNAL_LIMITS.summaries) merged.summaries.push(x);
    for (const x of r.journal.conventions ?? []) {
      const list = (merged.conventions ??= []);
      if (list.length < JOURNAL_LIMITS.conventions && !list.some((c) => c.sheetId === x.sheetId)) list.push(x);
    }
    for (const x of r.journal.comparisons ?? []) {
      const list = (merged.comparisons ??= []);
      if (list.length < JOURNAL_LIMITS.comparisons) list.push(x);
    }
  }
  return { journal: merged, ignored };
}

export function sheetEntry(journal: Journal, sheetId: string, sheetName: string): SheetJournal | undefined {
  return journal.sheets.find((s) => s.sheetId === sheetId) ?? journal.sheets.find((s) => s.sheetName.toLowerCase() === sheetName.toLowerCase());
}

/** The journal with `entry` in place of the sheet's (dropped when it records nothing). */
export function withSheet(journal: Journal, entry: SheetJournal): Journal {
  const others = journal.sheets.filter((s) => s.sheetId !== entry.sheetId && s.sheetName.toLowerCase() !== entry.sheetName.toLowerCase());
  return { ...journal, sheets: entry.fills.length > 0 ? [...others, entry] : others };
}

export function isEmptyJournal(journal: Journal): boolean {
  return journal.sheets.length === 0 && journal.summaries.length === 0 && !journal.conventions?.length && !journal.comparisons?.length;
}

/** A short fingerprint of cell contents (FNV-1a, 32 bits twice): tells "unchanged", not a secret. */
export function fingerprint(cells: unknown[][]): string {
  const text = JSON.stringify(cells.map((row) => row.map((v) => (v === null || v === undefined ? '' : v))));
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/** Where a sheet's used cells are (Excel.Range's rowIndex, rowCount, columnIndex, columnCount). */
export interface UsedArea {
  rowIndex: number;
  rowCount: number;
  columnIndex: number;
  columnCount: number;
}

/**
 * Our summary sheet as recorded, unchanged: nothing used outside the cells written, and those
 * cells' formulas (as Excel hands them back) with the recorded fingerprint. Only then is it cleared
 * and written again; otherwise the new summary goes to a new sheet.
 */
export function isSummaryAsWritten(record: SummaryRecord, used: UsedArea, formulas: unknown[][]): boolean {
  const inside = used.rowIndex + used.rowCount <= record.rows && used.columnIndex + used.columnCount <= record.cols;
  return inside && fingerprint(formulas) === record.fingerprint;
}
