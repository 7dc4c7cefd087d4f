/**
 * The journal as XML, read in one pass: linear (no regular expression that can backtrack),
 * bounded (JOURNAL_LIMITS), and keeping only entries of exactly the shape the add-in writes;
 * everything else is returned as `ignored`, for the message.
 */
import { parseRect } from '../domain/a1';
import { readConventionRecord } from './conventionRecordData';
import { IgnoredEntry, JOURNAL_LIMITS, JOURNAL_NAMESPACE, Journal, JournalAnchor, JournalError, JournalFill, JournalReading, SheetJournal, SummaryRecord, emptyJournal } from './journalData';

const ROOT = 'annexe9Journal';

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
  // Later additions, each list read under its own limit; an entry of another shape is ignored.
  const lists: Array<['conventions' | 'comparisons', (x: unknown) => unknown]> = [
    ['conventions', readConventionRecord],
    ['comparisons', readSummary],
  ];
  for (const [name, read] of lists) {
    const list = data[name];
    if (!Array.isArray(list)) continue;
    list.forEach((x: unknown, i: number) => {
      const r = i < JOURNAL_LIMITS[name] ? read(x) : null;
      if (r) ((journal[name] ??= []) as unknown[]).push(r);
      else ignored.push({ sheetId: null, cell: null, reason: i < JOURNAL_LIMITS[name] ? 'malformed' : 'overLimit' });
    });
  }
  return { journal, ignored };
}

/** The journal only (tests, tools): what readJournalXml keeps. */
export function journalFromXml(xml: string): Journal {
  return readJournalXml(xml).journal;
}
