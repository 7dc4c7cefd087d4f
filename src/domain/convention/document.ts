/**
 * A convention as the readers hand it over: plain text cut into the units a reader can point at
 * (pages of a PDF, paragraphs of a Word file, lines of pasted text). Then one clean stream of
 * that text, in which the extraction searches, with the way back from any stretch of the stream
 * to the pages (paragraphs, lines) it comes from.
 * Pure: no file, no PDF library. The text is what extraction gave, damage included.
 */

export type SourceUnit = 'page' | 'paragraph' | 'line';
export type DocumentFormat = 'pdf' | 'docx' | 'text';

export interface DocumentPart {
  /** 1-based page, paragraph or line number, as a reader would count it. */
  number: number;
  /** Its text; lines separated by `\n`. */
  text: string;
}

export interface ConventionText {
  format: DocumentFormat;
  unit: SourceUnit;
  parts: DocumentPart[];
}

/** Where a figure was read: the parts it spans and the sentence quoted as it reads once cleaned. */
export interface SourceRef {
  unit: SourceUnit;
  first: number;
  last: number;
  quote: string;
}

/**
 * Pasted text (or a .txt file): pages when it has form feeds (as `pdftotext` writes them),
 * otherwise lines.
 */
export function conventionTextFromString(text: string): ConventionText {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.includes('\f')) {
    const pages = clean.split('\f');
    if (pages[pages.length - 1].trim() === '') pages.pop(); // a form feed in the text: two pages at least
    return { format: 'text', unit: 'page', parts: pages.map((t, i) => ({ number: i + 1, text: t })) };
  }
  const lines = clean.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop(); // the final line break ends the last line
  return { format: 'text', unit: 'line', parts: lines.map((t, i) => ({ number: i + 1, text: t })) };
}

// ---- the stream ---------------------------------------------------------------------------------

export interface TextStream {
  unit: SourceUnit;
  /** The whole text on one line: spaces normalised, hyphenation undone, page headers left out. */
  text: string;
  /** Where each line starts in `text`, in order, and the index in `parts` of the part it comes from. */
  lineStarts: number[];
  lineParts: number[];
  parts: DocumentPart[];
  /** Lines left out as running page headers or footers (for the record). */
  removedLines: number;
  /** Offsets where a sentence starts whatever precedes: after a heading line (« ARTICLE 2 – … », « 3.1. Imputation »). */
  breaks: Set<number>;
}

/**
 * A heading: no lower-case letter (« ARTICLE 2 – ENGAGEMENTS »), or a short numbered title without
 * final punctuation. The line is clean: one plain space between words.
 */
function isHeading(line: string): boolean {
  if (/\p{Lu}.*\p{Lu}.*\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line)) return true;
  return line.length <= 80 && /^(?:\d+(?:\.\d+)*\.?|[IVX]+\.) \S/.test(line) && !/[.;:,]$/.test(line);
}

// Spaces of every width become one plain space; apostrophes one; hyphens one.
const SPACES = /[\s\u00A0\u202F\u2007\u2008\u2009\u200A\u2002\u2003\u2004\u2005\u2006\u205F\u3000\uFEFF]+/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u00B4\u2032`]/g;
const HYPHENS = /[\u2010\u2011]/g;
const SOFT_HYPHEN = /\u00AD/g;
// Bullets of Word lists come out of PDFs as private-use glyphs: a separator, kept visible.
const BULLETS = /[\uF0B7\uF0A7\uF0D8\uF076\uF0FC\u2022\u25AA\u25CF\u25E6\u2023\u2043]/g;
const LIGATURES: Record<string, string> = { '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st' };

// Control characters and bidirectional overrides: a received document must not drive the terminal
// or reorder what is shown.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function cleanLine(line: string): string {
  return line
    .replace(CONTROLS, ' ')
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c])
    .replace(SOFT_HYPHEN, '')
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .replace(BULLETS, ' • ')
    .replace(SPACES, ' ')
    .trim();
}

/** Lines the stream must keep even when they repeat at page edges: the extraction's anchors. */
const ANCHORS = /budget\s+estim|code\s+activit|soutien\s+financier|montant|subvention|\b(?:action|fiche)\b[^:]{0,12}\d+\s*[:–-]/i;

/**
 * Running headers and footers of a PDF: a line among the first or last two of a page that
 * recurs (digits aside: page numbers change) at the edges of at least three pages and a quarter
 * of them. They would otherwise land in the middle of sentences that cross a page.
 */
function runningLines(pages: string[][]): Set<string> {
  const keyOf = (l: string) => l.toLowerCase().replace(/\d+/g, '#');
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set<string>();
    const filled = lines.filter((l) => l !== '');
    for (const l of [...filled.slice(0, 2), ...filled.slice(-2)]) edges.add(keyOf(l));
    for (const k of edges) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length / 4));
  const running = new Set<string>();
  for (const [k, n] of seen) if (n >= threshold) running.add(k);
  return running;
}

/**
 * One stream of the document's text. A line that ends with a hyphen glued to a word and is
 * followed by a line starting in lower case is a word cut by hyphenation: joined without the
 * hyphen (a compound's own hyphen, « c'est-à- », is kept). Every other line break becomes a space,
 * so that a sentence, an amount or a code cut across lines (or pages) reads whole.
 */
export function buildStream(doc: ConventionText): TextStream {
  const pages = doc.parts.map((p) => p.text.split('\n').map(cleanLine));
  // Fewer than three pages have none: a running line is on three pages at least.
  const running = doc.unit === 'page' ? runningLines(pages) : new Set<string>();
  const keyOf = (l: string) => l.toLowerCase().replace(/\d+/g, '#');

  const lines: Array<{ text: string; part: number }> = [];
  let removedLines = 0;
  pages.forEach((partLines, part) => {
    const filled = partLines.map((l, i) => ({ l, i })).filter((x) => x.l !== '');
    const edge = new Set([...filled.slice(0, 2), ...filled.slice(-2)].map((x) => x.i));
    partLines.forEach((l, i) => {
      if (l === '') return;
      if (edge.has(i) && running.has(keyOf(l)) && !ANCHORS.test(l)) {
        removedLines++;
        return;
      }
      lines.push({ text: l, part });
    });
  });

  let text = '';
  const lineStarts: number[] = [];
  const lineParts: number[] = [];
  const breaks = new Set<number>();
  const append = (s: string, part: number) => {
    // The first line too: an empty list's last part is undefined.
    if (lineParts[lineParts.length - 1] !== part) {
      lineStarts.push(text.length);
      lineParts.push(part);
    }
    text += s;
  };
  for (let i = 0; i < lines.length; i++) {
    const { text: line, part } = lines[i];
    const next = lines[i + 1];
    if (next && /[a-zàâçéèêëîïôûùüÿœæ]-$/.test(line) && /^[a-zàâçéèêëîïôûùüÿœæ]/.test(next.text)) {
      // "impu-" + "tée": a word cut, joined without its hyphen; "c'est-à-" + "dire": the hyphen of a
      // compound, kept, the line joined without a space all the same.
      append(/-[^\s-]+-$/.test(line) ? line : line.slice(0, -1), part);
      continue;
    }
    append(line, part);
    if (next) append(' ', part);
    if (next && isHeading(line)) breaks.add(text.length);
  }
  return { unit: doc.unit, text, lineStarts, lineParts, parts: doc.parts, removedLines, breaks };
}

/** The parts (numbers as a reader counts them) that the stretch [start, end) of the stream spans. */
export function locate(stream: TextStream, start: number, end: number, quote: string): SourceRef {
  const at = (i: number) => {
    // The last segment starting at or before i.
    let lo = 0;
    // Stryker disable next-line ArithmeticOperator: one past the end only probes lineStarts[length], undefined, never ≤ i: the same segment is found
    let hi = stream.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (stream.lineStarts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return stream.parts[stream.lineParts[lo]]?.number ?? 0;
  };
  return { unit: stream.unit, first: at(start), last: at(Math.max(start, end - 1)), quote };
}

/** A sentence ends at `.`, `;`, `!` or `?` followed by a space (or the end), not inside a number (10.02.01). */
function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== ';' && c !== '!' && c !== '?') return false;
  if (i + 1 < text.length && text[i + 1] !== ' ') return false;
  // "M. Dupont", "n°." are rare in the sentences we quote; initials are not worth the risk of a wrong cut.
  return true;
}

const MAX_SIDE = 600;

/** The sentence around [start, end): bounds in the stream (capped, with the figure kept whole). */
export function sentenceBounds(stream: Pick<TextStream, 'text' | 'breaks'>, start: number, end: number): { start: number; end: number } {
  const { text, breaks } = stream;
  let s = start;
  while (s > 0 && start - s < MAX_SIDE && !isSentenceEnd(text, s - 1) && !breaks.has(s)) s--;
  while (s < start && text[s] === ' ') s++;
  let e = end;
  while (e < text.length && e - end < MAX_SIDE && !isSentenceEnd(text, e - 1) && !breaks.has(e)) e++;
  return { start: s, end: e };
}

/** The quoted sentence, with `…` where it was cut. */
export function quoteOf(stream: Pick<TextStream, 'text' | 'breaks'>, bounds: { start: number; end: number }): string {
  const { text, breaks } = stream;
  let q = text.slice(bounds.start, bounds.end).trim();
  const startsSentence = bounds.start === 0 || breaks.has(bounds.start) || isSentenceEnd(text, bounds.start - 2) || isSentenceEnd(text, bounds.start - 1);
  if (!startsSentence) q = `…${q.replace(/\S*\s/, '')}`; // q is trimmed: its first word and space
  if (bounds.end < text.length && !isSentenceEnd(text, bounds.end - 1) && !breaks.has(bounds.end)) q = `${q.replace(/\s\S*$/, '')}…`;
  return q;
}
