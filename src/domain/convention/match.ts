/**
 * Which annex row is which fiche. By number when the annex's « Fiche action N° » cell holds the
 * fiche's number (`5`, `Action 5`; `2.1` is a line of the national template, not a fiche number),
 * else by title: the same words once case, accents, punctuation and plurals are set aside
 * (« Accompagnement psychologique » in the annex, « Accompagnement spécifique (psychologique) »
 * in the fiche), acronyms spelt out by the other title (« GEIQ », « Groupements Employeurs
 * Insertion Qualifications »). Hand-written rather than a fuzzy-matching package: the rules are
 * French and few, and a package's scores would not say why two titles were paired.
 */
import { AnnexActionRow } from './annexFigures';
import { FicheFigure } from './figures';

export type MatchMethod = 'number' | 'title' | 'similarTitle';

export interface FicheMatch {
  /** Index in `figures.fiches`. */
  fiche: number;
  /** Index in `annex.rows`, or null when no row is the fiche's. */
  row: number | null;
  method: MatchMethod | null;
  /** Title similarity (0–1) of the pair, for display. */
  score: number;
  /** Rows as close as the best one: the fiche is not matched rather than matched by chance. */
  ambiguousWith: number[];
}

const STOP = new Set(
  'a au aux avec d de des du dans en et l la le les leur leurs par pour sur un une the of and ou sa son ses ce cette ces qui que est au a'.split(' '),
);

function words(title: string): string[] {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[A-Za-z0-9]+/g) ?? [];
}

/** Content words, lower case, a final s or x dropped (« difficultés » = « difficulté »). */
function stems(ws: string[]): string[] {
  return ws
    .map((w) => w.toLowerCase())
    .filter((w) => !STOP.has(w))
    .map((w) => (w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w));
}

/**
 * An acronym: 2 to 6 capitals (« GEIQ », « RSA »), not a small word of a title in capitals
 * (« INSERTION ET EMPLOI »: « ET » is no « emploi, territoire »); a word in capitals is longer.
 */
const isAcronym = (w: string) => /^[A-Z]{2,6}$/.test(w) && !STOP.has(w.toLowerCase());

/** Replace each acronym of `a` (2–6 capitals) that the words of `b` spell out by those words. */
function spellAcronyms(a: string[], b: string[]): string[] {
  const content = b.filter((w) => !STOP.has(w.toLowerCase()));
  const out: string[] = [];
  for (const w of a) {
    if (isAcronym(w)) {
      const letters = w.toLowerCase();
      let found: string[] | null = null;
      for (let i = 0; i + letters.length <= content.length && !found; i++) {
        const run = content.slice(i, i + letters.length);
        if (run.every((x, j) => x[0].toLowerCase() === letters[j])) found = run;
      }
      if (found) {
        out.push(...found);
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

interface PreparedTitle {
  words: string[];
  stems: Set<string>;
  /** It has an acronym another title may spell out. */
  acronyms: boolean;
}

function prepare(title: string): PreparedTitle {
  const ws = words(title);
  return { words: ws, stems: new Set(stems(ws)), acronyms: ws.some(isAcronym) };
}

interface Closeness {
  dice: number;
  containment: number;
}

/** Closer first: more words shared, then more of the shorter title in the longer. */
const closerFirst = (a: Closeness, b: Closeness) => b.dice - a.dice || b.containment - a.containment;

function similarity(x: PreparedTitle, y: PreparedTitle): Closeness {
  // Acronyms are spelt out for this pair only, and only when there is one (most titles have none).
  const sx = x.acronyms ? new Set(stems(spellAcronyms(x.words, y.words))) : x.stems;
  const sy = y.acronyms ? new Set(stems(spellAcronyms(y.words, x.words))) : y.stems;
  if (sx.size === 0 || sy.size === 0) return { dice: 0, containment: 0 };
  let common = 0;
  for (const w of sx) if (sy.has(w)) common++;
  return { dice: (2 * common) / (sx.size + sy.size), containment: common / Math.min(sx.size, sy.size) };
}

/** Similarity of two titles: Dice's coefficient of their content words, with the containment of the shorter. */
export function titleSimilarity(x: string, y: string): Closeness {
  return similarity(prepare(x), prepare(y));
}

/** Close enough to pair: most words shared, and the shorter title (two words at least) nearly all in the longer. */
function similar(s: Closeness): boolean {
  return s.dice >= 0.5 && s.containment >= 0.75;
}

/** A fiche number written in the annex's « Fiche action N° » cell; `2.1` and the like are not. */
export function ficheNumberOf(cell: string | null): number | null {
  if (!cell) return null;
  const m = /^\s*(?:fiche[\s-]*action|fiche|action|fa)?\s*(?:n\s*[°º.o]?\s*)?(\d{1,3})\s*$/i.exec(cell);
  return m ? Number(m[1]) : null;
}

export function matchFiches(fiches: FicheFigure[], rows: AnnexActionRow[]): FicheMatch[] {
  const matches: FicheMatch[] = fiches.map((_, i) => ({ fiche: i, row: null, method: null, score: 0, ambiguousWith: [] }));
  const taken = new Set<number>();
  // Each title is cut into words once: an annex may have thousands of rows.
  const rowTitles = rows.map((r) => prepare(r.title));
  const ficheTitles = fiches.map((f) => [f.title, ...f.aliases].map(prepare));
  // The closest of the fiche's titles to the row.
  const best = (i: number, j: number) => ficheTitles[i].map((t) => similarity(t, rowTitles[j])).sort(closerFirst)[0];

  // 1. By number.
  const rowNumbers = rows.map((r) => ficheNumberOf(r.fiche));
  fiches.forEach((f, i) => {
    if (f.number === null) return;
    const hits = rows.map((r, j) => ({ r, j })).filter((x) => !taken.has(x.j) && rowNumbers[x.j] === f.number);
    if (hits.length === 1) {
      taken.add(hits[0].j);
      matches[i] = { fiche: i, row: hits[0].j, method: 'number', score: best(i, hits[0].j).dice, ambiguousWith: [] };
    }
  });

  // 2. By title, the closest pairs first (the same title, dice 1, before a close one), one row per
  // fiche. Pairs are made fiche by fiche, row by row, and the sort is stable: ties keep that order.
  // A row taken by number is left to the loop below, which skips it (fiches are few).
  const pairs: Array<Closeness & { i: number; j: number }> = [];
  fiches.forEach((_, i) => {
    if (matches[i].row !== null) return;
    rows.forEach((_r, j) => {
      const s = best(i, j);
      if (similar(s)) pairs.push({ i, j, ...s });
    });
  });
  pairs.sort(closerFirst);
  const done = new Set<number>();
  for (const p of pairs) {
    if (done.has(p.i) || taken.has(p.j)) continue;
    // Another free row as close to this fiche, or another free fiche as close to this row: no choice made.
    const rivals = pairs.filter(
      (q) => q !== p && q.dice === p.dice && q.containment === p.containment && ((q.i === p.i && !taken.has(q.j)) || (q.j === p.j && !done.has(q.i))),
    );
    if (rivals.length) {
      // A rival is this fiche's with another row, or another fiche's with this row (p.j, listed already).
      matches[p.i] = { ...matches[p.i], ambiguousWith: [...new Set([p.j, ...rivals.map((q) => q.j)])].sort((a, b) => a - b) };
      continue;
    }
    done.add(p.i);
    taken.add(p.j);
    // The same content words (dice 1) under one of the fiche's titles: the same title for a reader.
    matches[p.i] = { fiche: p.i, row: p.j, method: p.dice === 1 ? 'title' : 'similarTitle', score: p.dice, ambiguousWith: [] };
  }
  return matches;
}
