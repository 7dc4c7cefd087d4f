/**
 * Classifying the rows of a located table: actions, placeholders, subtotals, section totals,
 * grand total, control; and carrying each action's theme and Chorus code down through merged or
 * blank cells within its block.
 */
import { AmountReading, EURO_DECIMALS, readAmount } from './amounts';
import { Decimals } from './money';
import { SheetGrid, getCell } from './grid';
import { TableLayout } from './layout';
import { MergeIndex } from './merges';
import { AmountColumn, AnnexTemplate, TextColumn, TotalKind, TotalRef, parseChorusCode } from './template';
import { displayText, normalizeLabel, startsWithWords } from './text';
import { TotalLabel, TotalLabelReader } from './totalLabels';
import { ColumnSums, addUp, sumRows } from './sums';
import { totalGroups } from './totalGroups';

/** `unclassified`: a row that reads like a total the template does not name, whose amounts say nothing certain. */
export type RowKind = 'action' | 'placeholder' | TotalKind | 'themeHeader' | 'unclassified';
/** A section's id in the template (« socle », « initiative »…). */
export type Section = string;

/** How a row carries its Chorus code. */
export type ImputationState =
  | 'written' // typed on this row (code null: the text is no Chorus code, « à compléter »)
  | 'merged' // inside a merged code cell that shows text (down a block, or across into the column)
  | 'missing' // blank, unmerged (or a merge with nothing in it)
  | 'noColumn'; // the table has no code column

export interface Imputation {
  state: ImputationState;
  /** The text shown for this row (merged cells: the merge's text). */
  text: string | null;
  /** Canonical code parsed from the text. */
  code: string | null;
  /** Grid cell to write a missing code into: the row's own cell, or the top-left of an empty merge. */
  target?: { row: number; col: number };
}

export interface AnnexRow {
  /** Grid row. */
  index: number;
  kind: RowKind;
  /** The section the row is in (a section total: the one it is read in). */
  section: Section;
  /** For a section total: the section it closes. */
  closes?: Section;
  /** What the row is called: the action's title, or the total's label. */
  label: string;
  fiche: string | null;
  /** Theme block id, for action rows and theme headers. */
  block: number | null;
  imputation: Imputation;
  /** Readings of the amount columns present in the table. */
  amounts: Partial<Record<AmountColumn, AmountReading>>;
}

export interface ThemeBlock {
  id: number;
  /** Theme as shown (null when no theme cell covers the block). */
  theme: string | null;
  themeNormalized: string;
  section: Section;
  rows: number[];
  /** The code written or merged somewhere in the block: its text and canonical code. */
  codeText: string | null;
  code: string | null;
}

export interface TotalGroup {
  /** Grid row of the total. */
  total: number;
  kind: TotalKind;
  /** For a section total: the section it closes. */
  section?: Section;
  /** Grid rows whose figures the total adds up, as printed. */
  parts: number[];
  /** The action rows below it, however deep (for messages and the summary). */
  actionRows: number[];
  /** An unclassified row inside what it adds up: the total is not checked (grid row of that row). */
  unchecked?: number;
}

/** A row whose kind was not written plainly: read from its amounts, or left unclassified. */
export interface RowReading {
  /** Grid row. */
  row: number;
  label: string;
  as: 'subtotal' | 'grandTotal' | 'unclassified';
  /** For a total read from its amounts: the grid rows it equals the sum of. */
  sumOf: number[];
  /** When its label is a total's label merged down over it, nothing written on it: the grid row that label is typed on. */
  labelFrom?: number;
}

export interface ClassifiedTable {
  rows: AnnexRow[];
  blocks: ThemeBlock[];
  groups: TotalGroup[];
  /** Grid row after the last row of the table (a note below the grand total is not the table). */
  end: number;
  /** Grid row of the last total row, null when the table has none. */
  lastTotal: number | null;
  hasGrandTotal: boolean;
  /** Rows whose kind came from their amounts, or stayed unknown (said in notices). */
  readings: RowReading[];
}

export interface ClassifyOptions {
  /** Decimals of a written amount one minor unit is (2 in euros, 5 in k€). */
  decimals?: Decimals;
}

function textAt(grid: SheetGrid, r: number, c: number | undefined): string {
  if (c === undefined) return '';
  const v = getCell(grid, r, c)?.value;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function classifyRows(
  grid: SheetGrid,
  layout: TableLayout,
  template: AnnexTemplate,
  merges: MergeIndex,
  options: ClassifyOptions = {},
): ClassifiedTable {
  const decimals = options.decimals ?? EURO_DECIMALS;
  const rows: AnnexRow[] = [];
  const readings: RowReading[] = [];
  const blocks: ThemeBlock[] = [];
  const cols = layout.columns;
  const textCols = template.textColumns
    .filter((k) => cols[k] !== undefined)
    .sort((a, b) => cols[a]! - cols[b]!);
  const amountCols = template.amountColumns.filter((k) => cols[k] !== undefined);

  let section: Section = template.sections[0].id;
  let current: ThemeBlock | null = null;
  let afterGrandTotal = false;
  let end = layout.dataEnd;
  let lastTotal: number | null = null;

  // Text written on this row (not carried from a merge above).
  const ownText = (r: number, key: TextColumn): string => {
    const c = cols[key];
    if (c === undefined || merges.isCovered(r, c)) return '';
    return displayText(textAt(grid, r, c));
  };
  // A merged cell shows one text on every row it covers: the last one shown per column is kept.
  const lastCell: Array<unknown> = [];
  const lastText: string[] = [];
  const shownText = (r: number, key: TextColumn): string => {
    const c = cols[key];
    if (c === undefined) return '';
    const cell = merges.shownCell(r, c);
    if (cell && lastCell[c] === cell) return lastText[c];
    const v = cell?.value;
    const text = displayText(typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
    lastCell[c] = cell;
    lastText[c] = text;
    return text;
  };

  const labels = new TotalLabelReader(template);
  // Themes of the blocks since the last total: « TOTAL Maraudes mixtes » names one of them.
  let themesSinceTotal: string[] = [];
  // Running sums, for a total read from its amounts: the action rows since the last total, and all.
  let pendingStart = 0;
  const isPart = (x: AnnexRow) => x.kind === 'action' || x.kind === 'placeholder';
  interface Running { from: number; upTo: number; sums: ColumnSums }
  const fresh = (): Running => ({ from: 0, upTo: 0, sums: sumRows([], amountCols) });
  const running = { pending: fresh(), all: fresh() };
  // Sums kept up to date only when asked, from where they stopped: linear over the table.
  const sumSince = (acc: Running, from: number): Running => {
    if (acc.from !== from) Object.assign(acc, fresh(), { from, upTo: from });
    acc.sums = addUp([acc.sums, sumRows(rows.slice(acc.upTo).filter(isPart), amountCols)], amountCols);
    acc.upTo = rows.length;
    return acc;
  };
  const partsSince = (from: number) => rows.slice(from).filter(isPart).map((x) => x.index);
  /** True when every amount column equals the sums (and one of them is not zero). */
  const equalsSums = (amounts: Partial<Record<AmountColumn, AmountReading>>, sums: ColumnSums): boolean => {
    let money = false;
    for (const k of amountCols) {
      // Every column of the table has a reading; a column with an unreadable cell sums to null, which no amount equals.
      const a = amounts[k]!;
      if (a.kind === 'unreadable' || a.value !== sums[k]) return false;
      if (a.value !== 0) money = true;
    }
    return money;
  };
  const totalFromAmounts = (amounts: Partial<Record<AmountColumn, AmountReading>>): { as: 'subtotal' | 'grandTotal'; sumOf: number[] } | null => {
    // No rows sum to zero, which no total with money equals; all the rows are the pending ones
    // when no total came before, and they were just compared.
    if (equalsSums(amounts, sumSince(running.pending, pendingStart).sums)) return { as: 'subtotal', sumOf: partsSince(pendingStart) };
    if (equalsSums(amounts, sumSince(running.all, 0).sums)) return { as: 'grandTotal', sumOf: partsSince(0) };
    return null;
  };
  // Shared by every row that has no code of its own to show (nothing writes to an imputation).
  const noImputation: Imputation = { state: cols.imputation === undefined ? 'noColumn' : 'missing', text: null, code: null };
  // Texts written on the current row: a fixed array and a count (emptying an array frees its store).
  const written: string[] = new Array(textCols.length).fill('');
  let writtenCount = 0;
  const noAmounts: Partial<Record<AmountColumn, AmountReading>> = {};
  for (const k of amountCols) noAmounts[k] = undefined;
  const looksPlaceholder = (title: string): boolean => {
    const normTitle = normalizeLabel(title);
    return template.placeholderExact.has(normTitle) || template.placeholderPrefixes.some((p) => startsWithWords(normTitle, p));
  };
  let lastMerged: Imputation | null = null;
  // A merged code cell shows the same text on every row of its block: parse each text once.
  const codes = new Map<string, string | null>();
  const codeOf = (text: string): string | null => {
    let code = codes.get(text);
    if (code === undefined) {
      code = parseChorusCode(template, text);
      codes.set(text, code);
    }
    return code;
  };

  for (let r = layout.dataStart; r < layout.dataEnd; r++) {
    writtenCount = 0;
    for (const k of textCols) {
      const t = ownText(r, k);
      if (t) written[writtenCount++] = t;
    }
    let label: TotalLabel | null = null;
    let totalLabel = '';
    for (let w = 0; w < writtenCount; w++) {
      const hit = labels.read(written[w]);
      if (hit && labels.best(label, hit) === hit) {
        label = hit;
        totalLabel = written[w];
      }
    }
    let total: TotalRef | null = null;
    let uncertain = false;
    if (label?.kind === 'uncertain') uncertain = true;
    else if (label?.kind === 'themeTotal') {
      if (labels.namesTheme(label.rest, themesSinceTotal)) total = { kind: 'subtotal' };
      else uncertain = true;
    } else if (label) total = label.total;
    let totalKind: TotalKind | null = total ? total.kind : null;
    // A copy of a template with every column of the table: no shape change as readings go in.
    const amounts: Partial<Record<AmountColumn, AmountReading>> = { ...noAmounts };
    let hasAmount = false;
    let hasMoney = false;
    for (const k of amountCols) {
      const c = cols[k]!;
      const reading = merges.isCovered(r, c) ? readAmount(null) : readAmount(getCell(grid, r, c), decimals);
      amounts[k] = reading;
      if (reading.kind === 'empty') continue;
      hasAmount = true;
      if (reading.kind === 'unreadable' || reading.value !== 0) hasMoney = true;
    }

    if (afterGrandTotal && totalKind !== 'control') {
      if (writtenCount === 0 && !hasAmount) continue;
      end = r;
      break;
    }

    const title = totalKind || uncertain ? '' : shownText(r, 'title');
    // A total's label merged down over this row, nothing written here: the row is part of that
    // total, never an action (a code would be filled on it). Blank, it is skipped; with amounts,
    // they decide as for any row that reads like a total. (Nothing written: no total read yet.)
    let labelFrom: number | undefined;
    if (writtenCount === 0 && labels.read(title)) {
      if (!hasAmount) continue;
      uncertain = true;
      totalLabel = title;
      labelFrom = merges.areaAt(r, cols.title!)?.top;
    }
    const fiche = totalKind || uncertain ? null : ownText(r, 'fiche') || null;
    // A row that reads like a total without saying which, or money with no words at all: its
    // amounts decide (the sum of the rows above it is a total); never an action that gets a code.
    // (A fiche number is written text, counted in writtenCount; a row without money equals no sums.)
    if (uncertain || (!totalKind && writtenCount === 0 && !title)) {
      const read = totalFromAmounts(amounts);
      if (read) {
        totalKind = read.as;
        total = { kind: read.as };
        readings.push({ row: r, label: totalLabel, as: read.as, sumOf: read.sumOf });
      } else if (uncertain) {
        rows.push({ index: r, kind: 'unclassified', section, label: totalLabel, fiche: null, block: null, imputation: noImputation, amounts });
        readings.push({ row: r, label: totalLabel, as: 'unclassified', sumOf: [], ...(labelFrom !== undefined ? { labelFrom } : {}) });
        current = null;
        continue;
      }
    }

    if (totalKind) {
      const closes = total?.section;
      rows.push({ index: r, kind: totalKind, section, ...(closes ? { closes } : {}), label: totalLabel, fiche: null, block: null, imputation: noImputation, amounts });
      current = null; // a total closes the block above it
      themesSinceTotal = [];
      pendingStart = rows.length;
      lastTotal = r;
      // A section's total opens the next section.
      const closed = closes ? template.sections.findIndex((x) => x.id === closes) : -1;
      if (closed >= 0 && closed + 1 < template.sections.length) section = template.sections[closed + 1].id;
      if (totalKind === 'grandTotal') afterGrandTotal = true;
      continue;
    }

    const themeCol = cols.theme;
    const themeOwn = ownText(r, 'theme');
    const imputationOwn = ownText(r, 'imputation');
    if (!themeOwn && !title && !fiche && !imputationOwn && !hasAmount && !(themeCol !== undefined && merges.inVerticalMerge(r, themeCol) && current)) {
      continue; // blank row
    }

    // Theme block: a theme written here starts a block, unless it repeats the current one.
    if (themeOwn) {
      const norm = normalizeLabel(themeOwn);
      // A theme the template names as a section's start opens that section.
      const opened = template.sections.find((x) => x.starts.some((l) => norm.includes(l)));
      if (opened) section = opened.id;
      if (!current || current.themeNormalized !== norm) {
        current = { id: blocks.length, theme: themeOwn, themeNormalized: norm, section, rows: [], codeText: null, code: null };
        blocks.push(current);
        themesSinceTotal.push(norm);
      }
    } else if (!current) {
      const carried = themeCol !== undefined && merges.inVerticalMerge(r, themeCol) ? shownText(r, 'theme') : '';
      current = { id: blocks.length, theme: carried || null, themeNormalized: normalizeLabel(carried), section, rows: [], codeText: null, code: null };
      blocks.push(current);
      themesSinceTotal.push(current.themeNormalized);
    }

    // Chorus code of this row.
    let imputation: Imputation = noImputation;
    const codeCol = cols.imputation;
    if (codeCol !== undefined) {
      const area = merges.areaAt(r, codeCol);
      const shown = shownText(r, 'imputation');
      if (imputationOwn) {
        imputation = { state: 'written', text: imputationOwn, code: codeOf(imputationOwn) };
      } else if (area && shown) {
        // Every row of the merge carries the same imputation: one object for them all. A merge
        // across from the column on the left shows its code here too: that cell is not empty.
        const shared: Imputation | null = lastMerged;
        imputation = shared && shared.text === shown ? shared : { state: 'merged', text: shown, code: codeOf(shown) };
        lastMerged = imputation;
      } else {
        imputation = { state: 'missing', text: null, code: null, target: area ? { row: area.top, col: area.left } : { row: r, col: codeCol } };
      }
      // Only a code names the block's code: words (« à compléter », a title merged across) would be filled below.
      if (imputation.code && !current.codeText) {
        current.codeText = imputation.text;
        current.code = imputation.code;
      }
    }

    // A template row ("intitulé de l'action n°1", "…") only counts as such while it has no money.
    let kind: RowKind;
    if (!title && !fiche && !hasAmount) kind = 'themeHeader';
    else kind = !hasMoney && looksPlaceholder(title) ? 'placeholder' : 'action';

    current.rows.push(r);
    rows.push({
      index: r,
      kind,
      section: current.section,
      label: title || fiche || '',
      fiche,
      block: current.id,
      imputation,
      amounts,
    });
  }

  // A table with no grand total ends at its last total, but for rows with amounts: what follows
  // with only words (a signature block, « Le Préfet » under D) is not the table.
  if (!afterGrandTotal && lastTotal !== null) {
    const words = (x: AnnexRow) => x.index > lastTotal! && !amountCols.some((k) => x.amounts[k]?.kind === 'amount');
    const trailing = rows.filter(words);
    if (trailing.length) {
      const gone = new Set(trailing.map((x) => x.index));
      const kept = rows.filter((x) => !gone.has(x.index));
      rows.length = 0;
      for (const x of kept) rows.push(x);
      for (const b of blocks) b.rows = b.rows.filter((r) => !gone.has(r));
      // The last total is kept (it is no trailing row), so the last row kept is it or below it.
      end = rows[rows.length - 1].index + 1;
    }
  }

  const groups = totalGroups(rows);
  return { rows, blocks, groups, end, lastTotal, hasGrandTotal: rows.some((x) => x.kind === 'grandTotal'), readings };
}
