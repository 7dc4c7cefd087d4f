/**
 * The fiches action: « Action 5 : Accompagnement socio-professionnel des allocataires du RSA »,
 * then the boxes FINALITE, PUBLICS VISES, TERRITOIRE CONCERNE, CALENDRIER and « BUDGET ESTIME
 * (50 % Etat - 50 % Département) » with « 2023 : 2 724 070 € dont participation État de
 * 1 362 035 € ». The list of fiches (« Fiche-action 5 : … ») gives other titles, kept for matching.
 */
import { TextStream, locate } from './document';
import { TextAmount, amountAt, amountsIn } from './money';
import { FicheExtract, Unread } from './types';

// « Action 1 : », « Fiche-action 12 : », « FICHE ACTION N°3 – », « Fiche action n° 4 - ».
// Capitalised: « sous-action n° 01 « … » » in article 3.1 is no heading.
const HEADING = /(?<![\p{L}\d-])(?:Fiches?[ -]?[Aa]ctions?|FICHES?[ -]?ACTIONS?|Fiche|FICHE|Action|ACTION)\s*(?:[Nn]\s?[°º]\.?\s*|[Nn]o\.?\s*)?(\d{1,3})\s*(?::|–|—|-(?!\d))\s*/gu;
/** The labels of a fiche's boxes: the title stops there, and a heading followed by one starts a fiche. */
const BOX_LABEL = / (?:FINALIT[ÉE]S?|PUBLICS?\s+VIS[ÉE]S?|PUBLICS?\b|TERRITOIRES?\s+CONCERN[ÉE]S?|CALENDRIER|BUDGET\s+ESTIM[ÉE]S?|PR[ÉE]SENTATION\s+DU\s+PROJET|OBJECTIFS?\b|CONTEXTE\b|DESCRIPTION\b)/u;
/** Other ends of a title: a bullet, a numbered section (« 1.3 – », « 2- »), an upper-case section title, a sentence. */
const OTHER_END = / (?:•|\d+(?:\.\d+)*\s?[–—-] |\d+\.\d+(?:\.\d+)*\.? |MESURES?\b|CALPAE\b|ANNEXE\b|Annexe\b)|[.;] /u;
const MAX_TITLE = 220;
const BUDGET_BOX = /BUDGET\s+ESTIM[ÉE]S?/giu;
/** How far after its label a box's statement may be (the seed has « 2 100 € par accompagnement » first). */
const BOX_WINDOW = 600;
/** How far after its heading a fiche's budget box may be when the heading is not followed by box labels. */
const FALLBACK_DISTANCE = 3000;

interface Heading {
  number: number;
  start: number;
  titleStart: number;
  titleEnd: number;
  title: string;
  /** The title ends on a box label: this heading opens a fiche (not a line of the list of fiches). */
  opensFiche: boolean;
}

function readHeadings(text: string): Heading[] {
  const found: Array<{ number: number; start: number; titleStart: number }> = [];
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(text); m; m = HEADING.exec(text)) {
    found.push({ number: Number(m[1]), start: m.index, titleStart: m.index + m[0].length });
  }
  return found.map((h, i) => {
    const limit = Math.min(text.length, h.titleStart + MAX_TITLE, found[i + 1]?.start ?? Infinity);
    const window = text.slice(h.titleStart, limit);
    const box = BOX_LABEL.exec(window);
    const other = OTHER_END.exec(window);
    let end = limit;
    let opensFiche = false;
    // Stryker disable next-line EqualityOperator: a box label and another end never start at the same character (a label is a space and a capital word none of them shares)
    if (box && (!other || box.index <= other.index)) {
      end = h.titleStart + box.index;
      opensFiche = true;
    } else if (other) end = h.titleStart + other.index;
    // No space to trim at its start: HEADING takes the spaces after « : ».
    const title = text.slice(h.titleStart, end).replace(/[\s:–—-]+$/u, '');
    return { ...h, titleEnd: end, title, opensFiche };
  });
}

export interface FicheReading {
  fiches: FicheExtract[];
  unread: Unread[];
  /** Years the boxes state amounts for, most frequent first (when the convention's year is unknown). */
  yearsSeen: number[];
}

interface BoxStatement {
  year: number;
  start: number;
  total: TextAmount;
}

/** The « YYYY : amount » statements of a box. */
function boxStatements(text: string, from: number, to: number): BoxStatement[] {
  const out: BoxStatement[] = [];
  // « 2021-2023 : 1 130 000 € » is a period, not the year 2023.
  const re = /(?<![\d\-–])((?:19|20)\d\d)\s?:\s?/g;
  const slice = text.slice(from, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const at = from + m.index + m[0].length;
    const total = amountAt(text, at, 2);
    if (total) out.push({ year: Number(m[1]), start: from + m.index, total });
  }
  return out;
}

const SHARE_WORD = String.raw`(?:participation|part|contribution|financement|cr[ée]dits?|subvention)`;
const STATE = String.raw`(?:financi[èe]re\s+)?(?:de\s+l'\s?|du\s+|de\s+|d'\s?|par\s+l'\s?|pour\s+l'\s?)?[ÉéEe]tat\b`;
const DONT = String.raw`^\s?(?:au\s+total\s?)?[,;]?\s?\(?\s?dont\s+`;
/** « dont participation État de 400 000 € » */
const SHARE_BEFORE = new RegExp(`${DONT}(?:la\\s+|une\\s+)?${SHARE_WORD}\\s+${STATE}\\s*(?:de|:|=|à\\s+hauteur\\s+de|pour|soit)?\\s*`, 'iu');
/** « dont 207 000 € de participation Etat » */
const SHARE_AFTER = new RegExp(`^\\s?(?:de\\s+|en\\s+|au\\s+titre\\s+de\\s+(?:la\\s+)?)?(?:la\\s+)?(?:${SHARE_WORD}\\s+)?${STATE}`, 'iu');
const DONT_ONLY = new RegExp(DONT, 'iu');

/** The State's share after the budget's figure, and where the statement ends. */
function stateShareAfter(text: string, at: number): { share: TextAmount | null; end: number; mentioned: boolean } {
  const tail = text.slice(at, at + 160);
  const before = SHARE_BEFORE.exec(tail);
  if (before) {
    const share = amountAt(text, at + before[0].length, 2);
    // Stryker disable next-line BooleanLiteral: `mentioned` is read only when no share was found
    if (share) return { share, end: share.end, mentioned: true };
    return { share: null, end: at + before[0].length, mentioned: true };
  }
  const dont = DONT_ONLY.exec(tail);
  if (dont) {
    const share = amountAt(text, at + dont[0].length, 2);
    if (share) {
      const after = SHARE_AFTER.exec(text.slice(share.end, share.end + 80));
      // Stryker disable next-line BooleanLiteral: `mentioned` is read only when no share was found
      if (after) return { share, end: share.end + after[0].length, mentioned: true };
    }
    return { share: null, end: at + dont[0].length, mentioned: /[ÉéEe]tat\b/u.test(tail.slice(0, 80)) };
  }
  return { share: null, end: at, mentioned: false };
}

export function readFiches(stream: TextStream, year: number | null): FicheReading {
  const text = stream.text;
  const headings = readHeadings(text);
  const boxes: number[] = [];
  BUDGET_BOX.lastIndex = 0;
  for (let m = BUDGET_BOX.exec(text); m; m = BUDGET_BOX.exec(text)) boxes.push(m.index);
  const regionEnd = (i: number) => headings[i + 1]?.start ?? text.length;
  // The first box after a heading's title, in its region and close enough (boxes are in order).
  const boxIn = (i: number, maxDistance = Infinity): number | undefined => {
    let lo = 0;
    let hi = boxes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (boxes[mid] > headings[i].titleStart) hi = mid;
      else lo = mid + 1;
    }
    const b = boxes[lo] ?? Infinity; // no box after the title
    // Stryker disable next-line EqualityOperator: a box (« BUDGET ESTIME ») never starts where the next heading (« Action … ») does
    const inRegion = b < regionEnd(i);
    return inRegion && b - headings[i].start <= maxDistance ? b : undefined;
  };
  const byNumber = new Map<number, number[]>();
  headings.forEach((h, i) => {
    const list = byNumber.get(h.number);
    if (list) list.push(i);
    else byNumber.set(h.number, [i]);
  });

  // The heading that opens each fiche; a number only listed, or whose page has no box labels,
  // falls back on a heading of that number with a box close enough after it.
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  const opening = new Map<number, number>();
  for (const n of numbers) {
    const idx = byNumber.get(n)!.map((i) => ({ h: headings[i], i }));
    // The last one: a list of the fiches comes before them, and its last line may run into the
    // boxes of a fiche without a number (the seed's « Service Public de l'Insertion et de l'Emploi »).
    const openers = idx.filter((x) => x.h.opensFiche);
    const opener = [...openers].reverse().find((x) => boxIn(x.i) !== undefined) ?? openers[openers.length - 1];
    const fallback = [...idx].reverse().find((x) => boxIn(x.i, FALLBACK_DISTANCE) !== undefined);
    const chosen = opener ?? fallback;
    if (chosen) opening.set(n, chosen.i);
  }
  // A fiche is a number with a heading that opens it, or one followed closely by a box; a number
  // that is only listed (no box labels, no box near) is no fiche.
  const fiches: FicheExtract[] = [];
  const unread: Unread[] = [];
  const claimed = new Set<number>();
  const yearCount = new Map<number, number>();
  const pending: Array<{ fiche: FicheExtract; statements: BoxStatement[]; box: number | undefined; boxEnd: number }> = [];

  for (const n of numbers) {
    const i = opening.get(n);
    if (i === undefined) continue;
    const h = headings[i];
    const aliases = [
      ...new Set(
        byNumber
          .get(n)!
          // The fiche's own heading has its own title: the comparison leaves it out.
          .filter((j) => headings[j].title && normalizeTitle(headings[j].title) !== normalizeTitle(h.title))
          .map((j) => headings[j].title),
      ),
    ];
    const box = boxIn(i, h.opensFiche ? Infinity : FALLBACK_DISTANCE);
    const fiche: FicheExtract = {
      number: n,
      title: h.title,
      aliases,
      heading: locate(stream, h.start, h.titleEnd, text.slice(h.start, h.titleEnd).trim()),
      total: null,
      stateShare: null,
      source: null,
    };
    fiches.push(fiche);
    if (box === undefined) {
      unread.push({ subject: 'fiche', reason: 'noBox', source: fiche.heading, fiche: n });
      continue;
    }
    claimed.add(box);
    // The box ends at the next label (« PRESENTATION DU PROJET »), its heading's region, or its window.
    const label = BOX_LABEL.exec(text.slice(box + 8, box + BOX_WINDOW));
    const boxEnd = Math.min(regionEnd(i), box + BOX_WINDOW, label ? box + 8 + label.index : Infinity);
    const statements = boxStatements(text, box, boxEnd);
    for (const s of statements) yearCount.set(s.year, (yearCount.get(s.year) ?? 0) + 1);
    pending.push({ fiche, statements, box, boxEnd });
  }

  const yearsSeen = [...yearCount.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([y]) => y);
  const boxYear = year ?? (yearsSeen.length ? yearsSeen[0] : null);

  for (const { fiche, statements, box, boxEnd } of pending) {
    const boxQuote = (to: number) => locate(stream, box!, to, shorten(text.slice(box!, to)));
    const forYear = statements.filter((s) => s.year === boxYear);
    if (forYear.length === 0) {
      const amounts = amountsIn(text, box!, boxEnd);
      const reason = statements.length ? 'noBudgetForYear' : 'noBudget';
      unread.push({ subject: 'fiche', reason, source: boxQuote(Math.min(boxEnd, box! + 240)), fiche: fiche.number, seen: statements.length ? statements.map((s) => `${s.year} : ${s.total.shown}`) : amounts.map((a) => a.shown) });
      continue;
    }
    const s = forYear[0];
    const { share, end, mentioned } = stateShareAfter(text, s.total.end);
    const statementEnd = Math.max(end, s.total.end);
    fiche.source = locate(stream, s.start, statementEnd, text.slice(s.start, statementEnd).trim());
    if (s.total.cents === null) {
      unread.push({ subject: 'fiche', reason: 'amountUnreadable', source: fiche.source, fiche: fiche.number, seen: [s.total.shown] });
    } else fiche.total = s.total.cents;
    if (share && share.cents !== null) fiche.stateShare = share.cents;
    else if (share) unread.push({ subject: 'fiche', reason: 'amountUnreadable', source: fiche.source, fiche: fiche.number, seen: [share.shown] });
    else unread.push({ subject: 'fiche', reason: mentioned ? 'stateShareUnreadable' : 'stateShareMissing', source: fiche.source, fiche: fiche.number });
  }

  // Boxes no fiche claims: a non-financial fiche, a fiche with no number… listed, never guessed.
  for (const b of boxes) {
    if (claimed.has(b)) continue;
    const to = Math.min(text.length, b + 240);
    unread.push({ subject: 'fiche', reason: 'boxOutsideFiche', source: locate(stream, b, to, shorten(text.slice(b, to))) });
  }
  return { fiches, unread, yearsSeen };
}

function shorten(s: string): string {
  const t = s.trim();
  return t.length > 200 ? `${t.slice(0, 200).replace(/\s\S*$/, '')}…` : t;
}

/** Titles compared without case, accents or punctuation. */
export function normalizeTitle(t: string): string {
  return t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
