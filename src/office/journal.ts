/**
 * The record of what the add-in wrote, kept IN THE WORKBOOK (a custom XML part with our own
 * namespace), so that it travels with the file through save, reopen and email, and « Effacer les
 * marques » works on a file reopened elsewhere. A custom XML part is written in the same batch as
 * the cells, is not a sheet a user can break, and has no practical size limit.
 *
 * It records the Chorus codes filled (each with an id that the cell's own conditional format
 * carries, so the cell is found where it is now) and the summary sheets inserted (by worksheet id
 * and a fingerprint of what was written). Marks are not recorded: they are found by their tag.
 *
 * A received workbook is untrusted: its journal may be forged. Reading it is linear (no regular
 * expression that can backtrack), bounded (JOURNAL_LIMITS), and keeps only entries of exactly the
 * shape the add-in writes; everything else is returned as `ignored`, for the message. What an
 * entry says is never believed on its own: clear() acts only where the sheet confirms it.
 */
import { parseRect } from '../domain/a1';

export const JOURNAL_NAMESPACE = 'urn:annexe9-calpae:journal';
const ROOT = 'annexe9Journal';

export const JOURNAL_LIMITS = {
  /** Characters of one part; a larger part is unreadable. */
  partChars: 4_000_000,
  /** Parts read; more are unreadable (the add-in writes one). */
  parts: 16,
  sheets: 256,
  fillsPerSheet: 2000,
  summaries: 64,
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

// ---- XML, read in one pass ----------------------------------------------------------------------

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function journalToXml(journal: Journal): string {
  return `<${ROOT} xmlns="${JOURNAL_NAMESPACE}" version="${journal.version}">${escapeXml(JSON.stringify(journal))}</${ROOT}>`;
}

const NAMED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/** Text content of XML: entities and character references decoded, CDATA sections kept as they are. One pass. */
export function unescapeXml(s: string): string {
  let out = '';
  let i = 0;
  // Next '&' and next CDATA section, searched again only once passed: linear whatever the text.
  let amp = s.indexOf('&');
  let cdata = s.indexOf('<![CDATA[');
  for (;;) {
    if (amp >= 0 && amp < i) amp = s.indexOf('&', i);
    if (cdata >= 0 && cdata < i) cdata = s.indexOf('<![CDATA[', i);
    const next = amp < 0 ? cdata : cdata < 0 ? amp : Math.min(amp, cdata);
    if (next < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, next);
    if (next === cdata) {
      const end = s.indexOf(']]>', next + 9);
      if (end < 0) throw new JournalError('journal: unterminated CDATA section');
      out += s.slice(next + 9, end);
      i = end + 3;
      continue;
    }
    const semi = s.indexOf(';', next + 1);
    if (semi < 0 || semi - next > 10) throw new JournalError('journal: bad entity');
    const name = s.slice(next + 1, semi);
    const named = NAMED.get(name);
    const code = /^#x[0-9a-f]{1,6}$/i.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]{1,7}$/.test(name) ? Number(name.slice(1)) : -1;
    if (named !== undefined) out += named;
    else if (code >= 0 && code <= 0x10ffff) out += String.fromCodePoint(code);
    else throw new JournalError('journal: unknown entity');
    i = semi + 1;
  }
  return out;
}

const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;

/** Index of the `<` opening `<prefix:annexe9Journal` or `</prefix:annexe9Journal` found at `at`, or -1. */
function tagStart(xml: string, at: number, closing: boolean): number {
  let j = at - 1;
  if (xml[j] === ':') {
    j--;
    const stop = Math.max(-1, j - 64);
    while (j > stop && isNameChar(xml.charCodeAt(j))) j--;
  }
  if (closing) {
    if (xml[j] !== '/') return -1;
    j--;
  }
  return xml[j] === '<' ? j : -1;
}

/** The text inside the root `annexe9Journal` element, found with indexOf only (linear). */
function rootText(xml: string): string | null {
  for (let at = xml.indexOf(ROOT); at >= 0; at = xml.indexOf(ROOT, at + 1)) {
    const open = tagStart(xml, at, false);
    const after = xml[at + ROOT.length];
    if (open < 0 || !(after === '>' || after === '/' || after === ' ' || after === '\t' || after === '\r' || after === '\n')) continue;
    const gt = xml.indexOf('>', at);
    if (gt < 0) return null;
    if (xml[gt - 1] === '/') return '';
    const close = xml.lastIndexOf(`${ROOT}>`);
    if (close <= gt || tagStart(xml, close, true) < 0) return null;
    return xml.slice(gt + 1, tagStart(xml, close, true));
  }
  return null;
}

// ---- validation: only the shapes the add-in writes ------------------------------------------------

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const shortString = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

/** A single cell's local address (`C24`), or null. */
export function cellAddress(x: unknown): string | null {
  if (!shortString(x, 12)) return null;
  const r = parseRect(x);
  if (!r || r.top !== r.bottom || r.left !== r.right || /[:$]/.test(x)) return null;
  return x.toUpperCase();
}

const ID = /^[A-Za-z0-9-]{1,40}$/;

function readAnchor(x: unknown): JournalAnchor | null | undefined {
  if (x === undefined) return undefined;
  if (!isObject(x)) return null;
  const cell = cellAddress(x.cell);
  const v = x.value;
  const okValue = shortString(v, JOURNAL_LIMITS.text) || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  return cell && okValue ? { cell, value: v as JournalAnchor['value'] } : null;
}

function readFill(x: unknown): JournalFill | null {
  if (!isObject(x)) return null;
  const cell = cellAddress(x.cell);
  const anchor = readAnchor(x.anchor);
  if (!shortString(x.id, 40) || !ID.test(x.id) || !cell || anchor === null) return null;
  if (!shortString(x.written, JOURNAL_LIMITS.text) || !shortString(x.before, JOURNAL_LIMITS.text) || !shortString(x.at, 40)) return null;
  if (x.numberFormatBefore !== undefined && !shortString(x.numberFormatBefore, 255)) return null;
  const fill: JournalFill = { id: x.id, cell, written: x.written, before: x.before, at: x.at };
  if (x.numberFormatBefore !== undefined) fill.numberFormatBefore = x.numberFormatBefore as string;
  if (anchor) fill.anchor = anchor;
  return fill;
}

function readSummary(x: unknown): SummaryRecord | null {
  if (!isObject(x)) return null;
  const { sheetId, source, rows, cols, fingerprint, at } = x;
  const count = (n: unknown, max: number) => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= max;
  if (!shortString(sheetId, 100) || !shortString(source, 100) || !shortString(fingerprint, 40) || !shortString(at, 40)) return null;
  if (!count(rows, 5000) || !count(cols, 64)) return null;
  return { sheetId, source, rows: rows as number, cols: cols as number, fingerprint, at };
}

/** A printable hint of a dropped entry's cell (workbook text: short, no control characters). */
function cellHint(x: unknown): string | null {
  if (!isObject(x) || typeof x.cell !== 'string') return null;
  const hint = x.cell.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').slice(0, 16);
  return hint || null;
}

/** Parse one part: JournalError when it cannot be read at all; entries of another shape are ignored. */
export function readJournalXml(xml: string): JournalReading {
  if (xml.length > JOURNAL_LIMITS.partChars) throw new JournalError('journal: part too large');
  const text = rootText(xml);
  if (text === null) throw new JournalError('journal: root element not found');
  let data: unknown;
  try {
    data = JSON.parse(unescapeXml(text).trim() || '{"version":2,"sheets":[],"summaries":[]}');
  } catch (e) {
    throw new JournalError(`journal: ${(e as Error).message}`);
  }
  if (!isObject(data) || (data.version !== 1 && data.version !== 2) || !Array.isArray(data.sheets)) throw new JournalError('journal: unknown version');
  const ignored: IgnoredEntry[] = [];
  const journal = emptyJournal();
  data.sheets.forEach((s: unknown, i: number) => {
    if (i >= JOURNAL_LIMITS.sheets || !isObject(s) || !shortString(s.sheetId, 100) || !shortString(s.sheetName, 100) || !Array.isArray(s.fills)) {
      ignored.push({ sheetId: null, cell: null, reason: i >= JOURNAL_LIMITS.sheets ? 'overLimit' : 'malformed' });
      return;
    }
    const entry: SheetJournal = { sheetId: s.sheetId, sheetName: s.sheetName, fills: [] };
    s.fills.forEach((f: unknown, k: number) => {
      const fill = data.version === 2 && k < JOURNAL_LIMITS.fillsPerSheet ? readFill(f) : null;
      if (fill) entry.fills.push(fill);
      else {
        const cell = cellAddress(isObject(f) ? f.cell : null);
        const reason = k >= JOURNAL_LIMITS.fillsPerSheet ? 'overLimit' : data.version === 1 ? 'legacy' : 'malformed';
        ignored.push({ sheetId: entry.sheetId, cell: cell ?? cellHint(f), reason });
      }
    });
    journal.sheets.push(entry);
  });
  if (Array.isArray(data.summaries)) {
    data.summaries.forEach((x: unknown, i: number) => {
      const r = i < JOURNAL_LIMITS.summaries ? readSummary(x) : null;
      if (r) journal.summaries.push(r);
      else ignored.push({ sheetId: null, cell: null, reason: i < JOURNAL_LIMITS.summaries ? 'malformed' : 'overLimit' });
    });
  }
  return { journal, ignored };
}

/** The journal only (tests, tools): what readJournalXml keeps. */
export function journalFromXml(xml: string): Journal {
  return readJournalXml(xml).journal;
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
  return journal.sheets.length === 0 && journal.summaries.length === 0;
}

// ---- Office: reading and writing the parts -------------------------------------------------------

/** A result whose sync went through (its value reads without error). */
function hasValue(r: OfficeExtension.ClientResult<string>): boolean {
  try {
    void r.value;
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the journal with nothing chained off a possible null object: the parts' ids are loaded
 * in the caller's first sync (with the XML of parts whose ids are known from an earlier read,
 * by `getItem`, which exists), and the XML of parts not known yet in `complete()`, one more sync
 * only when there are some.
 */
export class JournalReader {
  private scoped!: Excel.CustomXmlPartScopedCollection;
  private readonly xml = new Map<string, OfficeExtension.ClientResult<string>>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly knownIds: string[] = [],
  ) {}

  /** Queue the loads (again, if a read had to be retried). */
  queue(withKnown = true): void {
    this.scoped = this.context.workbook.customXmlParts.getByNamespace(JOURNAL_NAMESPACE);
    this.scoped.load('items/id');
    this.xml.clear();
    if (withKnown) for (const id of this.knownIds.slice(0, JOURNAL_LIMITS.parts)) this.xml.set(id, this.context.workbook.customXmlParts.getItem(id).getXml());
  }

  /** Part ids, after the first sync. */
  get partIds(): string[] {
    return this.scoped.items.map((p) => p.id);
  }

  /** Queue the XML of the parts not read yet (or whose read failed with its sync); true when a sync is needed for them. */
  queueMissing(): boolean {
    let more = false;
    for (const id of this.partIds.slice(0, JOURNAL_LIMITS.parts)) {
      const queued = this.xml.get(id);
      if (queued && hasValue(queued)) continue;
      this.xml.set(id, this.context.workbook.customXmlParts.getItem(id).getXml());
      more = true;
    }
    return more;
  }

  /** The journal of every part. Throws JournalError when a part cannot be read (or there are too many). */
  async result(): Promise<JournalReading & { partIds: string[] }> {
    const ids = this.partIds;
    if (ids.length > JOURNAL_LIMITS.parts) throw new JournalError('journal: too many parts');
    if (this.queueMissing()) {
      try {
        await this.context.sync();
      } catch (e) {
        // A part larger than Excel hands over in one response: unreadable, like a broken one.
        if (/^(Request|Response)PayloadSizeLimitExceeded$/.test((e as { code?: string } | null)?.code ?? '')) throw new JournalError('journal: part too large to read');
        throw e;
      }
    }
    const readings = ids.map((id) => readJournalXml(this.xml.get(id)!.value));
    return { ...mergeJournals(readings), partIds: ids };
  }
}

/**
 * Queue the write of `journal` in place of the parts `partIds`: they are deleted (a part gone
 * since is a null object, and delete on it does nothing) and one part holds the journal, none when
 * it records nothing. Returns the new part (load its id to know it after the sync), or null.
 */
export function queueJournalReplace(context: Excel.RequestContext, partIds: string[], journal: Journal): Excel.CustomXmlPart | null {
  for (const id of partIds) context.workbook.customXmlParts.getItemOrNullObject(id).delete();
  return isEmptyJournal(journal) ? null : context.workbook.customXmlParts.add(journalToXml(journal));
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
