/**
 * Reading a header band: people write a column's header over one, two or three rows (« Crédits
 * Etat 2022 » above « reportés sur 2023 », merged or not, with or without a row of letters), so
 * each column's cells are joined top to bottom before its label is matched. A cell merged across
 * several columns (« Crédits du département » over C and D) counts for each column it covers.
 */
import { SheetGrid } from './grid';
import { MergeIndex } from './merges';
import { AmountColumn, AnnexTemplate, ColumnKey } from './template';
import { normalizeLabel } from './text';

/** A header cell as read: its normalised words (letters taken out) and the columns it covers. */
export interface HeaderCell {
  col: number;
  left: number;
  right: number;
  words: string;
  letter?: AmountColumn;
  /** The cell's own text, for unit words (« en K€ ») that normalisation drops. */
  raw: string;
}

/** What one column of a band says. */
export interface BandColumn {
  col: number;
  key?: ColumnKey;
  labelLength: number;
  letter?: AmountColumn;
  /** The letter was written at the start of a label (« A Participation État »), not alone. */
  inlineLetter: boolean;
}

export interface BandMatch {
  columns: BandColumn[];
  /** Columns with any header text (joined words or a letter). */
  present: Set<number>;
}

const MAX_CELL_LENGTH = 300;

/** The header cells written on one row (covered cells of merges are not written). */
export function headerCells(grid: SheetGrid, merges: MergeIndex, template: AnnexTemplate, r: number): HeaderCell[] {
  const row = grid.rows[r];
  if (!row) return [];
  const out: HeaderCell[] = [];
  for (const [c, cell] of row.entries()) {
    if (!cell || typeof cell.value !== 'string' || cell.value.length > MAX_CELL_LENGTH) continue;
    if (merges.isCovered(r, c)) continue;
    const norm = normalizeLabel(cell.value);
    if (!norm) continue;
    const area = merges.areaAt(r, c);
    const left = area ? area.left : c;
    const right = area ? area.right : c;
    if (norm.length === 1) {
      const letter = template.letters.get(norm);
      out.push({ col: c, left, right, words: letter ? '' : norm, letter, raw: cell.value });
      continue;
    }
    // « A Participation État … » or « A - … »: a letter at the start of the label. « A+B+C+D+E »
    // (all single letters) is the total's formula, not a letter.
    // A letter the template prints above a column; `norm` is words and spaces only, so (.+) runs to its end.
    const inline = /^([a-z]) (.+)/.exec(norm);
    if (inline && template.letters.has(inline[1]) && !/^([a-z] )*[a-z]$/.test(inline[2])) {
      out.push({ col: c, left, right, words: inline[2], letter: template.letters.get(inline[1]), raw: cell.value });
    } else {
      out.push({ col: c, left, right, words: norm, raw: cell.value });
    }
  }
  return out;
}

/** The label a column's words (its cells top to bottom) name: the longest label they contain. */
function labelOf(template: AnnexTemplate, words: string[] | undefined): { key: ColumnKey; length: number } | null {
  if (!words) return null;
  const padded = ` ${words.join(' ')} `;
  for (const { key, label } of template.headerLabels) {
    if (padded.includes(` ${label} `)) return { key, length: label.length };
  }
  return null;
}

/** Join the band's cells column by column and match each column. */
export function matchBand(template: AnnexTemplate, rows: HeaderCell[][]): BandMatch {
  const words = new Map<number, string[]>();
  const letters = new Map<number, AmountColumn>();
  const inline = new Set<number>();
  for (const cells of rows) {
    for (const cell of cells) {
      if (cell.letter && !letters.has(cell.col)) {
        letters.set(cell.col, cell.letter);
        if (cell.words) inline.add(cell.col);
      }
      if (!cell.words) continue;
      // A group header merged over several columns is part of each column's header.
      const span = cell.right - cell.left + 1 <= 12 ? [cell.left, cell.right] : [cell.col, cell.col];
      for (let c = span[0]; c <= span[1]; c++) {
        const list = words.get(c);
        if (list) list.push(cell.words);
        else words.set(c, [cell.words]);
      }
    }
  }
  const cols = new Set<number>([...words.keys(), ...letters.keys()]);
  const columns: BandColumn[] = [];
  for (const col of [...cols].sort((a, b) => a - b)) {
    const hit = labelOf(template, words.get(col));
    // Letters name amount columns: under a text column's label, « A compléter » (a first data row's
    // code cell) is words, no letter A that would make the row part of the header.
    const letter = hit && !template.amountColumns.includes(hit.key as AmountColumn) ? undefined : letters.get(col);
    columns.push({ col, key: hit?.key, labelLength: hit?.length ?? 0, letter, inlineLetter: inline.has(col) });
  }
  return { columns, present: cols };
}

export function amountKeys(template: AnnexTemplate, columns: BandColumn[]): Set<ColumnKey> {
  const keys = new Set<ColumnKey>();
  for (const c of columns) if (c.key && template.amountColumns.includes(c.key as AmountColumn)) keys.add(c.key);
  return keys;
}

export function letterSet(columns: BandColumn[]): Set<AmountColumn> {
  const s = new Set<AmountColumn>();
  for (const c of columns) if (c.letter) s.add(c.letter);
  return s;
}

/** A header names at least three amount columns, or shows at least five of the letters A–F (each in a column of its own). */
export function isHeader(template: AnnexTemplate, m: BandMatch): boolean {
  return amountKeys(template, m.columns).size >= 3 || letterSet(m.columns).size >= 5;
}

/** What a band tells, as one number: distinct columns named and letters seen, then label lengths. */
export function bandScore(m: BandMatch): { keys: number; length: number } {
  const keys = new Set(m.columns.filter((c) => c.key).map((c) => c.key));
  const letters = new Set(m.columns.filter((c) => c.letter).map((c) => c.letter));
  return { keys: keys.size + letters.size, length: m.columns.reduce((n, c) => n + c.labelLength + (c.letter ? 1 : 0), 0) };
}

/**
 * The tables side by side in a band. Columns with header text make islands; an island joins the
 * one on its left across a single empty column, unless it names an amount column again (a recap
 * to the right repeats « Participation État »); two empty columns always part tables. Inside an
 * island, a repeated amount column starts a new table too.
 */
export function segments(template: AnnexTemplate, m: BandMatch): BandColumn[][] {
  const keyOf = (c: BandColumn): string[] => {
    const out: string[] = [];
    if (c.key && template.amountColumns.includes(c.key as AmountColumn)) out.push(`k:${c.key}`);
    else if (c.letter) out.push(`l:${c.letter}`);
    return out;
  };
  // Islands, each cut where it repeats an amount column.
  const islands: BandColumn[][] = [];
  let current: BandColumn[] = [];
  let seen = new Set<string>();
  for (const c of m.columns) {
    const keys = keyOf(c);
    const last = current[current.length - 1];
    if (current.length && (c.col - last.col > 1 || keys.some((k) => seen.has(k)))) {
      islands.push(current);
      current = [];
      seen = new Set();
    }
    current.push(c);
    for (const k of keys) seen.add(k);
  }
  if (current.length) islands.push(current);
  // Join islands across one empty column when they repeat nothing.
  const out: BandColumn[][] = [];
  for (const island of islands) {
    const prev = out[out.length - 1];
    if (prev) {
      const gap = island[0].col - prev[prev.length - 1].col - 1;
      const prevKeys = new Set(prev.flatMap(keyOf));
      if (gap === 1 && !island.some((c) => keyOf(c).some((k) => prevKeys.has(k)))) {
        prev.push(...island);
        continue;
      }
    }
    out.push([...island]);
  }
  return out;
}
