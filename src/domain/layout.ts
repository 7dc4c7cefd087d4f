/**
 * Finding the annex tables of a sheet: each header band (one to six rows, labels joined column by
 * column, letters A–F in their own row or at the start of a label), the column of each role, and
 * where each table's data starts and ends. A sheet may hold several tables, below one another or
 * side by side; a block that reads like a header but is no annex (a recap by Chorus code) ends the
 * table above it without being checked.
 */
import { parseAmountText } from './amounts';
import { SheetGrid, getCell, gridWidth } from './grid';
import { BandColumn, BandMatch, HeaderCell, amountKeys, bandScore, headerCells, isHeader, matchBand, segments } from './headerBand';
import { MergeIndex } from './merges';
import { AnnexTemplate, ColumnKey, TextColumn } from './template';
import { startsWithWords } from './text';

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
  /** Grid columns the table's header spans, inclusive. */
  span: { left: number; right: number };
  /** What ends the table before the next table or the sheet's end: another block's header. */
  endedBy?: { row: number; label: string };
  /** Header cells as written (their raw text), for the unit (« en K€ »). */
  headerTexts: string[];
}

const MAX_BAND = 6;

/** A year alone (« 2023 », « (2023) ») ends a label cut in two; it is no amount. */
const YEAR = /^\(?(19|20)\d\d\)?$/;

/** True when a text reads as an amount (« 1 000,00 € », « -  € »), as in a data row typed as text. */
function isAmountText(text: string): boolean {
  if (text.length > 40) return false;
  const t = text.trim();
  return t !== '' && !YEAR.test(t) && parseAmountText(t) !== null;
}

/** A data row: a number, or an amount typed as text. Header rows hold neither. */
function rowHasNumber(grid: SheetGrid, r: number): boolean {
  const row = grid.rows[r];
  if (!row) return false;
  // From the right: amounts sit right of the labels, so a data row answers at its first cell read.
  for (let c = row.length - 1; c >= 0; c--) {
    const cell = row[c];
    if (!cell) continue;
    if (typeof cell.value === 'number') return true;
    if (typeof cell.value === 'string' && isAmountText(cell.value)) return true;
  }
  return false;
}

/** The roles of a segment's columns: labels first, most specific first; letters fill the rest. */
function assign(template: AnnexTemplate, cols: BandColumn[]): { columns: Partial<Record<ColumnKey, number>>; labelledTitle: boolean; lettersSeen: boolean; inline: boolean } {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const taken = new Set<number>();
  // The band's columns come left to right and the sort is stable: of two equal labels, the leftmost.
  for (const m of cols.filter((x) => x.key).sort((a, b) => b.labelLength - a.labelLength)) {
    if (columns[m.key!] === undefined) {
      columns[m.key!] = m.col;
      taken.add(m.col);
    }
  }
  let lettersSeen = false;
  let inline = false;
  for (const m of cols) {
    if (!m.letter) continue;
    lettersSeen = true;
    if (m.inlineLetter) inline = true;
    if (columns[m.letter] === undefined && !taken.has(m.col)) {
      columns[m.letter] = m.col;
      taken.add(m.col);
    }
  }
  const labelledTitle = columns.title !== undefined || columns.fiche !== undefined;
  if (columns.title === undefined) {
    // No title header: the text column just left of the first amount column holds the titles.
    // (A segment with no amount column gets no table, so the title it would get is never read.)
    const firstAmount = Math.min(...template.amountColumns.map((k) => columns[k] ?? Infinity));
    const left = cols[0].col;
    for (let c = firstAmount - 1; c >= left; c--) {
      if (!taken.has(c)) {
        columns.title = c;
        taken.add(c);
        break;
      }
    }
  }
  return { columns, labelledTitle, lettersSeen, inline };
}

/** Find every annex table of the sheet, top to bottom, left to right. */
export function locateTables(grid: SheetGrid, template: AnnexTemplate, merges = new MergeIndex(grid)): TableLayout[] {
  const tables: TableLayout[] = [];
  const height = grid.rows.length;
  const cellsOf: Array<HeaderCell[] | undefined> = new Array(height);
  const NONE: HeaderCell[] = [];
  // A header row holds text and no number; data rows (most of a sheet) answer NONE at little cost.
  const cells = (r: number): HeaderCell[] => {
    let c = cellsOf[r];
    if (!c) {
      c = rowHasNumber(grid, r) ? NONE : headerCells(grid, merges, template, r);
      if (!c.length) c = NONE;
      cellsOf[r] = c;
    }
    return c;
  };
  const band = (top: number, bottom: number): BandMatch => {
    const rows: HeaderCell[][] = [];
    for (let r = top; r <= bottom; r++) rows.push(cells(r));
    return matchBand(template, rows);
  };
  const textCols = new Set<ColumnKey>(template.textColumns);
  const amountCols = new Set<ColumnKey>(template.amountColumns);
  // A row under the header that is data even without amounts: a Chorus code, a template title.
  const looksLikeData = (r: number, m: BandMatch): boolean => {
    const roleOf = new Map(m.columns.map((c) => [c.col, c.key]));
    return cells(r).some((cell) => {
      const role = roleOf.get(cell.col);
      if (!role || !textCols.has(role)) return false;
      if (template.chorusPattern.test(cell.raw) || template.chorusCompactPattern.test(cell.raw.replace(/\s+/g, ''))) return true;
      return template.placeholderPrefixes.some((p) => startsWithWords(cell.words, p));
    });
  };
  // A row continues the header below it: letters or words that name a column better, or the
  // rest of the amount columns' labels (« reportés sur 2023 », « (le cas échéant) »). Amounts
  // typed as text (« -  € ») make a data row: cells() gives NONE for it.
  const continues = (top: number, bottom: number, m: BandMatch): boolean => {
    const next = bottom + 1;
    const row = cells(next);
    if (row === NONE || looksLikeData(next, m)) return false;
    const before = bandScore(m);
    const after = bandScore(band(top, next));
    if (after.keys > before.keys || (after.keys === before.keys && after.length > before.length)) return true;
    const roleOf = new Map(m.columns.map((c) => [c.col, c]));
    const underAmounts = row.filter((cell) => {
      const c = roleOf.get(cell.col);
      return !!c && ((c.key !== undefined && amountCols.has(c.key)) || (c.key === undefined && c.letter !== undefined));
    });
    return underAmounts.length > 0;
  };

  for (let r = 0; r < height; r++) {
    if (cells(r) === NONE) continue;
    // Grow a band from r until it reads as a header.
    let bottom = -1;
    let m: BandMatch | null = null;
    for (let b = r; b < height && b < r + MAX_BAND; b++) {
      if (cells(b) === NONE) break;
      const candidate = band(r, b);
      if (isHeader(template, candidate)) {
        bottom = b;
        m = candidate;
        break;
      }
    }
    if (!m) {
      endTablesAtBlock(r);
      continue;
    }
    let top = r;
    while (bottom + 1 < height && bottom + 1 - top < MAX_BAND && continues(top, bottom, m)) {
      bottom++;
      m = band(top, bottom);
    }
    // Header cells merged down past the band's last row: the rows they cover are header too.
    for (let grown = true; grown; ) {
      grown = false;
      for (const a of grid.merges) {
        if (a.top >= top && a.top <= bottom && a.bottom > bottom && a.bottom - top < MAX_BAND + 2 && !rowHasNumber(grid, bottom + 1)) {
          bottom++;
          grown = true;
          break;
        }
      }
    }
    // Title rows above the header add nothing: leave them out.
    while (top < bottom) {
      const shorter = band(top + 1, bottom);
      const a = bandScore(shorter);
      const b = bandScore(m);
      if (!isHeader(template, shorter) || a.keys < b.keys) break;
      top++;
      m = shorter;
    }
    const headerTexts: string[] = [];
    for (let hr = top; hr <= bottom; hr++) for (const c of cells(hr)) headerTexts.push(c.raw);
    let placed = 0;
    for (const seg of segments(template, m)) {
      const { columns, labelledTitle, lettersSeen, inline } = assign(template, seg);
      const found = template.amountColumns.filter((k) => columns[k] !== undefined).length;
      const qualifies = found >= 3 && columns[template.coFinancing.state] !== undefined && columns[template.coFinancing.departement] !== undefined;
      // A second table must be recognisably an annex of its own: its titles are labelled.
      if (!qualifies || ((tables.length > 0 || placed > 0) && !labelledTitle)) {
        if (amountKeys(template, seg).size >= 2) endTables(top, seg[0].col, seg[seg.length - 1].col, labelOf(seg, top));
        continue;
      }
      const span = { left: seg[0].col, right: seg[seg.length - 1].col };
      endTables(top, span.left, span.right, null);
      tables.push({
        headerTop: top,
        headerBottom: bottom,
        dataStart: bottom + 1,
        dataEnd: height,
        columns,
        letters: lettersSeen ? (inline ? 'inline' : 'row') : 'none',
        missingColumns: template.amountColumns.filter((k) => columns[k] === undefined),
        labelledAmountColumns: amountKeys(template, seg.filter((c) => c.labelLength > 0)).size,
        span,
        headerTexts,
      });
      placed++;
    }
    r = bottom;
  }
  return tables;

  /** Tables above whose columns overlap [left, right] end at `row`. */
  function endTables(row: number, left: number, right: number, label: string | null): void {
    for (const t of tables) {
      if (t.dataEnd <= row || t.dataStart > row) continue;
      if (t.span.right < left || t.span.left > right) continue;
      t.dataEnd = row;
      if (label !== null) t.endedBy = { row, label };
    }
  }

  /** A block that reads like a header without being an annex's (a recap's) ends the table above. */
  function endTablesAtBlock(r: number): void {
    for (const owner of tables) {
      if (owner.dataStart > r || r >= owner.dataEnd) continue;
      const inSpan = (c: BandColumn) => c.col >= owner.span.left && c.col <= owner.span.right;
      const ownerText = new Set(template.textColumns.map((k: TextColumn) => owner.columns[k]).filter((c) => c !== undefined));
      for (let b = r; b < height && b < r + 3; b++) {
        if (cells(b) === NONE) break;
        const cols = band(r, b).columns.filter(inSpan);
        const amounts = cols.filter((c) => c.key && amountCols.has(c.key));
        if (amountKeys(template, cols).size < 2 || cols.filter((c) => c.key || c.letter).length < 3) continue;
        // Words that name amount columns, written under the table's text columns, are data.
        if (amounts.some((c) => ownerText.has(c.col))) continue;
        owner.dataEnd = r;
        owner.endedBy = { row: r, label: labelOf(cols, r) };
        break;
      }
    }
  }

  /** The first words of a block's header, to name it in a notice. */
  function labelOf(seg: BandColumn[], r: number): string {
    const cols = new Set(seg.map((c) => c.col));
    const first = cells(r).find((c) => cols.has(c.col));
    return first ? first.raw.replace(/\s+/g, ' ').trim().slice(0, 60) : '';
  }
}

/** Width used by a table: the rightmost column it reads, plus one. */
export function tableWidth(layout: TableLayout): number {
  return Math.max(...Object.values(layout.columns).map((c) => (c ?? 0) + 1));
}

export { gridWidth, getCell };
