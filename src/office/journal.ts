/**
 * The record of what the add-in changed, kept IN THE WORKBOOK (a custom XML part with our own
 * namespace), so that it travels with the file through save, reopen and email, and "Effacer les
 * marques" works on a file reopened elsewhere. A custom XML part is written in the same batch as
 * the cells (unlike Office.context.document.settings, saved apart with saveAsync), is not a sheet
 * a user can break, and has no practical size limit.
 *
 * One part for the workbook, one entry per sheet (found by worksheet id, else by name).
 * The part holds JSON text inside one element: simple to write and to read back whatever
 * whitespace or declaration Excel adds.
 */
import { RuleCode } from '../domain/findings';

export const JOURNAL_NAMESPACE = 'urn:annexe9-calpae:journal';
const ROOT = 'annexe9Journal';

export type MarkKind = 'finding' | 'tint' | 'code';

export interface JournalMark {
  /** Local A1 range the conditional format covers. */
  range: string;
  kind: MarkKind;
  rules: RuleCode[];
  formula: string;
  fill: string;
}

export interface JournalFill {
  /** Local A1 cell. */
  cell: string;
  /** Exactly what the add-in wrote. */
  written: string;
  /** What the cell held before (empty, or blank text). */
  before: string;
  /** Set when the add-in changed the number format to text ('@') before writing. */
  numberFormatBefore?: string;
  at: string;
}

export interface SheetJournal {
  sheetId: string;
  sheetName: string;
  marks: JournalMark[];
  fills: JournalFill[];
  markedAt?: string;
}

export interface Journal {
  version: 1;
  sheets: SheetJournal[];
}

export class JournalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalError';
  }
}

export function emptyJournal(): Journal {
  return { version: 1, sheets: [] };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function unescapeXml(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function journalToXml(journal: Journal): string {
  return `<${ROOT} xmlns="${JOURNAL_NAMESPACE}" version="1">${escapeXml(JSON.stringify(journal))}</${ROOT}>`;
}

export function journalFromXml(xml: string): Journal {
  const m = new RegExp(`<(?:[\\w.-]+:)?${ROOT}\\b[^>]*>([\\s\\S]*)</(?:[\\w.-]+:)?${ROOT}>`).exec(xml);
  if (!m) {
    if (new RegExp(`<(?:[\\w.-]+:)?${ROOT}\\b[^>]*/>`).test(xml)) return emptyJournal();
    throw new JournalError('journal: root element not found');
  }
  let data: unknown;
  try {
    data = JSON.parse(unescapeXml(m[1]).trim() || '{"version":1,"sheets":[]}');
  } catch (e) {
    throw new JournalError(`journal: ${(e as Error).message}`);
  }
  const j = data as Journal;
  if (!j || j.version !== 1 || !Array.isArray(j.sheets)) throw new JournalError('journal: unknown version');
  for (const s of j.sheets) {
    if (typeof s.sheetName !== 'string' || !Array.isArray(s.marks) || !Array.isArray(s.fills)) throw new JournalError('journal: bad sheet entry');
  }
  return j;
}

export function sheetEntry(journal: Journal, sheetId: string, sheetName: string): SheetJournal | undefined {
  return journal.sheets.find((s) => s.sheetId === sheetId) ?? journal.sheets.find((s) => s.sheetName.toLowerCase() === sheetName.toLowerCase());
}

/** The journal with `entry` in place of the sheet's (dropped when it records nothing). */
export function withSheet(journal: Journal, entry: SheetJournal): Journal {
  const others = journal.sheets.filter((s) => s.sheetId !== entry.sheetId && s.sheetName.toLowerCase() !== entry.sheetName.toLowerCase());
  const keep = entry.marks.length > 0 || entry.fills.length > 0;
  return { version: 1, sheets: keep ? [...others, entry] : others };
}

/** Loads queued to read the journal, in the same sync as everything else. */
export class JournalReader {
  private scoped!: Excel.CustomXmlPartScopedCollection;
  private xml!: OfficeExtension.ClientResult<string>;

  constructor(private readonly context: Excel.RequestContext) {}

  /** Queue the loads (again, if a read had to be retried). */
  queue(): void {
    this.scoped = this.context.workbook.customXmlParts.getByNamespace(JOURNAL_NAMESPACE);
    this.scoped.load('items/id');
    // getXml on a null object has no value (no part yet): no extra sync in the usual case.
    this.xml = this.scoped.getOnlyItemOrNullObject().getXml();
  }

  /** After the sync: the journal and the parts holding it. A second sync only if several parts exist. */
  async result(): Promise<{ journal: Journal; parts: Excel.CustomXmlPart[] }> {
    const parts = this.scoped.items;
    if (parts.length === 0) return { journal: emptyJournal(), parts };
    if (parts.length === 1) return { journal: journalFromXml(this.xml.value), parts };
    // Several parts (a merge of workbooks, an interrupted write): read them all and merge.
    const xmls = parts.map((p) => p.getXml());
    await this.context.sync();
    let merged = emptyJournal();
    for (const x of xmls) for (const s of journalFromXml(x.value).sheets) merged = withSheet(merged, mergeEntries(sheetEntry(merged, s.sheetId, s.sheetName), s));
    return { journal: merged, parts };
  }
}

function mergeEntries(a: SheetJournal | undefined, b: SheetJournal): SheetJournal {
  if (!a) return b;
  return { ...b, marks: [...a.marks, ...b.marks], fills: [...a.fills.filter((f) => !b.fills.some((g) => g.cell === f.cell)), ...b.fills] };
}

/**
 * Queue the write of `journal` over `parts` (the ones read): one part, or none when empty.
 * Returns the part that will hold it (load its id to know it after the sync), or null.
 */
export function queueJournalWrite(context: Excel.RequestContext, parts: Excel.CustomXmlPart[], journal: Journal): Excel.CustomXmlPart | null {
  const empty = journal.sheets.length === 0;
  if (parts.length === 1 && !empty) {
    parts[0].setXml(journalToXml(journal));
    return parts[0];
  }
  for (const p of parts) p.delete();
  return empty ? null : context.workbook.customXmlParts.add(journalToXml(journal));
}

/**
 * The same without reading first: the parts are known by id from an earlier batch. They are
 * replaced by one new part (a part gone since is no error: its null object is left alone).
 */
export function queueJournalReplace(context: Excel.RequestContext, partIds: string[], journal: Journal): Excel.CustomXmlPart | null {
  for (const id of partIds) context.workbook.customXmlParts.getItemOrNullObject(id).delete();
  return journal.sheets.length === 0 ? null : context.workbook.customXmlParts.add(journalToXml(journal));
}
