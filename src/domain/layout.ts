/**
 * Finding the annex table in a sheet: its header band (labels, and the letters A–F in their own
 * row or at the start of a label), the column of each role, and where its data starts and ends.
 * The table may sit anywhere; a sheet may hold several.
 */
import { SheetGrid, getCell, gridWidth } from './grid';
import { MergeIndex } from './merges';
import { AmountColumn, AnnexTemplate, ColumnKey } from './template';
import { normalizeLabel } from './text';

export interface TableLayout {
  /** Grid rows of the header band, inclusive. */
  headerTop: number;
  headerBottom: number;
  /** First grid row of data, and the row after the last one the table may use. */
  dataStart: number;
  dataEnd: number;
  /** Grid column of each role found. */
  columns: Partial<Record<ColumnKey, number>>;
  /** How the letters were found: their own row, at the start of labels, or not at all. */
  letters: 'row' | 'inline' | 'none';
  /** Amount columns the template knows but the table lacks. */
  missingColumns: ColumnKey[];
  /** How many amount columns the labels named (the rest came from letters). */
  labelledAmountColumns: number;
}

interface CellMatch {
  col: number;
  key?: ColumnKey;
  labelLength: number;
  letter?: AmountColumn;
}

const MAX_LABEL_LENGTH = 300;

/** What a header cell says: the column its label names (longest label wins), and a letter. */
function matchHeaderCell(template: AnnexTemplate, text: string, col: number): CellMatch | null {
  if (text.length > MAX_LABEL_LENGTH) return null;
  const norm = normalizeLabel(text);
  if (!norm) return null;
  if (norm.length === 1) {
    const letter = template.letters.get(norm);
    return letter ? { col, letter, labelLength: 0 } : null;
  }
  let letter: AmountColumn | undefined;
  let body = norm;
  const inline = /^([a-f]) (.+)$/.exec(norm);
  if (inline && template.letters.has(inline[1])) {
    letter = template.letters.get(inline[1]);
    body = inline[2];
  }
  const padded = ` ${body} `;
  for (const { key, label } of template.headerLabels) {
    if (padded.includes(` ${label} `)) return { col, key, labelLength: label.length, letter };
  }
  return letter ? { col, letter, labelLength: 0 } : null;
}

function rowHasNumber(grid: SheetGrid, r: number): boolean {
  const row = grid.rows[r];
  if (!row) return false;
  // From the right: amounts sit right of the labels, so a data row answers at its first cell read.
  for (let c = row.length - 1; c >= 0; c--) {
    const cell = row[c];
    if (cell && typeof cell.value === 'number') return true;
  }
  return false;
}

function matchRow(grid: SheetGrid, merges: MergeIndex, template: AnnexTemplate, r: number): CellMatch[] {
  const row = grid.rows[r];
  if (!row) return [];
  const out: CellMatch[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || typeof cell.value !== 'string') continue;
    if (merges.isCovered(r, c)) continue;
    const m = matchHeaderCell(template, cell.value, c);
    if (m) out.push(m);
  }
  return out;
}

function amountLabelCount(matches: CellMatch[], template: AnnexTemplate): number {
  const keys = new Set<ColumnKey>();
  for (const m of matches) if (m.key && template.amountColumns.includes(m.key as AmountColumn)) keys.add(m.key);
  return keys.size;
}

function letterCount(matches: CellMatch[]): number {
  return new Set(matches.filter((m) => m.letter).map((m) => m.letter)).size;
}

const NO_MATCH: CellMatch[] = [];

/** Find every annex table of the sheet, top to bottom. */
export function locateTables(grid: SheetGrid, template: AnnexTemplate, merges = new MergeIndex(grid)): TableLayout[] {
  const tables: TableLayout[] = [];
  const height = grid.rows.length;
  // Grid row → its matches; data rows (most of a sheet) all share one empty list.
  const rowMatches: Array<CellMatch[] | undefined> = new Array(height);
  const matchesOf = (r: number): CellMatch[] => {
    if (r < 0 || r >= height) return NO_MATCH;
    let m = rowMatches[r];
    if (!m) {
      m = rowHasNumber(grid, r) ? NO_MATCH : matchRow(grid, merges, template, r);
      if (!m.length) m = NO_MATCH;
      rowMatches[r] = m;
    }
    return m;
  };

  // A header row names at least three amount columns, or shows at least five of the letters A–F.
  const isHeaderRow = (m: CellMatch[]) => m.length >= 3 && (amountLabelCount(m, template) >= 3 || letterCount(m) >= 5);
  // A neighbouring row belongs to the header when it reads like one: amount labels, letters, or
  // several column labels (a first data row matches one label now and then, rarely two).
  const continuesHeader = (m: CellMatch[]) =>
    m.length > 0 && (amountLabelCount(m, template) > 0 || letterCount(m) >= 3 || new Set(m.filter((x) => x.key).map((x) => x.key)).size >= 2);

  for (let r = 0; r < height; r++) {
    // Header rows hold no numbers: data rows are skipped at the cost of one pass over their cells.
    if (!isHeaderRow(matchesOf(r))) continue;
    let top = r;
    while (top - 1 >= 0 && r - (top - 1) <= 3 && continuesHeader(matchesOf(top - 1))) top--;
    let bottom = r;
    while (bottom + 1 < height && bottom + 1 - r <= 2 && continuesHeader(matchesOf(bottom + 1))) bottom++;
    // Don't swallow the previous table.
    const prev = tables[tables.length - 1];
    if (prev && top <= prev.headerBottom) top = prev.headerBottom + 1;

    const band: CellMatch[] = [];
    for (let br = top; br <= bottom; br++) band.push(...matchesOf(br));
    const columns: Partial<Record<ColumnKey, number>> = {};
    const taken = new Set<number>();
    // Labels first, most specific first; letters then fill what labels left open.
    for (const m of [...band].filter((x) => x.key).sort((a, b) => b.labelLength - a.labelLength)) {
      if (columns[m.key!] === undefined && !taken.has(m.col)) {
        columns[m.key!] = m.col;
        taken.add(m.col);
      }
    }
    let lettersSeen = false;
    let inline = false;
    for (const m of band) {
      if (!m.letter) continue;
      lettersSeen = true;
      if (m.key) inline = true;
      if (columns[m.letter] === undefined && !taken.has(m.col)) {
        columns[m.letter] = m.col;
        taken.add(m.col);
      }
    }
    if (columns.title === undefined) {
      // No title header: the text column just left of the first amount column holds the titles.
      const firstAmount = Math.min(...template.amountColumns.map((k) => columns[k] ?? Infinity));
      for (let c = firstAmount - 1; c >= 0 && Number.isFinite(firstAmount); c--) {
        if (!taken.has(c)) {
          columns.title = c;
          taken.add(c);
          break;
        }
      }
    }
    const found = template.amountColumns.filter((k) => columns[k] !== undefined).length;
    if (found < 3 || columns[template.coFinancing.state] === undefined || columns[template.coFinancing.departement] === undefined) {
      continue;
    }
    if (prev) prev.dataEnd = top;
    tables.push({
      headerTop: top,
      headerBottom: bottom,
      dataStart: bottom + 1,
      dataEnd: height,
      columns,
      letters: lettersSeen ? (inline ? 'inline' : 'row') : 'none',
      missingColumns: template.amountColumns.filter((k) => columns[k] === undefined),
      labelledAmountColumns: amountLabelCount(band, template),
    });
    r = bottom;
  }
  return tables;
}

/** Width used by a table: the rightmost column it reads, plus one. */
export function tableWidth(layout: TableLayout): number {
  return Math.max(...Object.values(layout.columns).map((c) => (c ?? 0) + 1));
}

export { gridWidth, getCell };
