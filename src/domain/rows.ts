/**
 * Classifying the rows of a located table: actions, placeholders, subtotals, section totals,
 * grand total, control; and carrying each action's theme and Chorus code down through merged or
 * blank cells within its block.
 */
import { AmountReading, ZERO, readAmount } from './amounts';
import { SheetGrid, getCell } from './grid';
import { TableLayout } from './layout';
import { MergeIndex } from './merges';
import { AmountColumn, AnnexTemplate, TextColumn, TotalKind, parseChorusCode } from './template';
import { displayText, leadingCharacter, normalizeLabel, startsWithWords } from './text';

export type RowKind = 'action' | 'placeholder' | TotalKind | 'themeHeader';
export type Section = 'socle' | 'initiative';

/** How a row carries its Chorus code. */
export type ImputationState =
  | 'written' // typed on this row
  | 'merged' // inside a vertically merged code cell that shows a code
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
  section: Section;
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
  /** Grid rows whose figures the total adds up, as printed. */
  parts: number[];
  /** The action rows below it, however deep (for messages and the summary). */
  actionRows: number[];
}

export interface ClassifiedTable {
  rows: AnnexRow[];
  blocks: ThemeBlock[];
  groups: TotalGroup[];
  /** Grid row after the last row of the table (a note below the grand total is not the table). */
  end: number;
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
): ClassifiedTable {
  const rows: AnnexRow[] = [];
  const blocks: ThemeBlock[] = [];
  const groups: TotalGroup[] = [];
  const cols = layout.columns;
  const textCols = template.textColumns
    .filter((k) => cols[k] !== undefined)
    .sort((a, b) => cols[a]! - cols[b]!);
  const amountCols = template.amountColumns.filter((k) => cols[k] !== undefined);

  let section: Section = 'socle';
  let current: ThemeBlock | null = null;
  let afterGrandTotal = false;
  let end = layout.dataEnd;

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

  // Total labels start with one of a few words: only texts starting so are normalised in full.
  const firstWords = new Set(template.rowLabels.map((l) => l.label.split(' ')[0]));
  const firstLetters = new Set(template.rowLabels.map((l) => l.label[0]));
  // A text starting with a digit normalises to a digit, or to "yyyy" for a year.
  const digitLeads = [...firstLetters].some((c) => (c >= '0' && c <= '9') || c === 'y');
  const kindRank = (k: TotalKind) => template.rowLabels.findIndex((l) => l.kind === k);
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
    let totalKind: TotalKind | null = null;
    let totalLabel = '';
    for (let w = 0; w < writtenCount; w++) {
      const t = written[w];
      const lead = leadingCharacter(t);
      if (lead === '' || (lead >= '0' && lead <= '9' ? !digitLeads : !firstLetters.has(lead))) continue;
      if (!firstWords.has(normalizeLabel(t.slice(0, 16)).split(' ')[0])) continue;
      const norm = normalizeLabel(t);
      const hit = template.rowLabels.find((l) => startsWithWords(norm, l.label));
      if (hit && (!totalKind || kindRank(hit.kind) < kindRank(totalKind))) {
        totalKind = hit.kind;
        totalLabel = t;
      }
    }
    // A copy of a template with every column of the table: no shape change as readings go in.
    const amounts: Partial<Record<AmountColumn, AmountReading>> = { ...noAmounts };
    let hasAmount = false;
    let hasMoney = false;
    for (const k of amountCols) {
      const c = cols[k]!;
      const reading = merges.isCovered(r, c) ? readAmount(null) : readAmount(getCell(grid, r, c));
      amounts[k] = reading;
      if (reading.kind === 'empty') continue;
      hasAmount = true;
      // A number read is zero only as the shared ZERO; amounts typed as text may be "0,00".
      if (reading.kind === 'unreadable' || (reading.value !== ZERO && (!reading.fromText || !reading.value.isZero()))) hasMoney = true;
    }

    if (afterGrandTotal && totalKind !== 'control') {
      if (writtenCount === 0 && !hasAmount) continue;
      end = r;
      break;
    }

    if (totalKind) {
      rows.push({ index: r, kind: totalKind, section, label: totalLabel, fiche: null, block: null, imputation: noImputation, amounts });
      current = null; // a total closes the block above it
      if (totalKind === 'socleSubtotal') section = 'initiative';
      if (totalKind === 'grandTotal') afterGrandTotal = true;
      continue;
    }

    const themeCol = cols.theme;
    const themeOwn = ownText(r, 'theme');
    const title = shownText(r, 'title');
    const fiche = ownText(r, 'fiche') || null;
    const imputationOwn = ownText(r, 'imputation');
    if (!themeOwn && !title && !fiche && !imputationOwn && !hasAmount && !(themeCol !== undefined && merges.inVerticalMerge(r, themeCol) && current)) {
      continue; // blank row
    }

    // Theme block: a theme written here starts a block, unless it repeats the current one.
    if (themeOwn) {
      const norm = normalizeLabel(themeOwn);
      if (template.initiativeSection.some((l) => norm.includes(l))) section = 'initiative';
      if (!current || current.themeNormalized !== norm) {
        current = { id: blocks.length, theme: themeOwn, themeNormalized: norm, section, rows: [], codeText: null, code: null };
        blocks.push(current);
      }
    } else if (!current) {
      const carried = themeCol !== undefined && merges.inVerticalMerge(r, themeCol) ? shownText(r, 'theme') : '';
      current = { id: blocks.length, theme: carried || null, themeNormalized: normalizeLabel(carried), section, rows: [], codeText: null, code: null };
      blocks.push(current);
    }

    // Chorus code of this row.
    let imputation: Imputation = noImputation;
    const codeCol = cols.imputation;
    if (codeCol !== undefined) {
      const area = merges.areaAt(r, codeCol);
      const shown = shownText(r, 'imputation');
      if (imputationOwn) {
        imputation = { state: 'written', text: imputationOwn, code: codeOf(imputationOwn) };
      } else if (area && area.bottom > area.top && shown) {
        // Every row of the merge carries the same imputation: one object for them all.
        const shared: Imputation | null = lastMerged;
        imputation = shared && shared.text === shown ? shared : { state: 'merged', text: shown, code: codeOf(shown) };
        lastMerged = imputation;
      } else {
        imputation = { state: 'missing', text: null, code: null, target: area ? { row: area.top, col: area.left } : { row: r, col: codeCol } };
      }
      if (imputation.text && !current.codeText) {
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

  // Groups: each total adds up the rows below it since the previous total of its level.
  let pendingActions: number[] = [];
  const sectionParts: Record<Section, number[]> = { socle: [], initiative: [] };
  const sectionActions: Record<Section, number[]> = { socle: [], initiative: [] };
  const sectionTotals: number[] = [];
  const allActions: number[] = [];
  const sectionOf: Section[] = []; // grid row → section
  for (const x of rows) sectionOf[x.index] = x.section;
  for (const row of rows) {
    if (row.kind === 'action' || row.kind === 'placeholder') {
      pendingActions.push(row.index);
      sectionActions[row.section].push(row.index);
      allActions.push(row.index);
    } else if (row.kind === 'subtotal') {
      groups.push({ total: row.index, kind: 'subtotal', parts: pendingActions, actionRows: pendingActions });
      sectionParts[row.section].push(row.index);
      pendingActions = [];
    } else if (row.kind === 'socleSubtotal' || row.kind === 'initiativeSubtotal') {
      const s: Section = row.kind === 'socleSubtotal' ? 'socle' : 'initiative';
      // Action rows not closed by a subtotal count directly.
      const parts = [...sectionParts[s], ...pendingActions.filter((a) => sectionOf[a] === s)];
      groups.push({ total: row.index, kind: row.kind, parts: parts.sort((a, b) => a - b), actionRows: [...sectionActions[s]] });
      sectionTotals.push(row.index);
      const used = new Set(parts);
      pendingActions = pendingActions.filter((a) => !used.has(a));
      sectionParts[s] = [];
    } else if (row.kind === 'grandTotal') {
      const parts = [...sectionTotals, ...sectionParts.socle, ...sectionParts.initiative, ...pendingActions].sort((a, b) => a - b);
      groups.push({ total: row.index, kind: 'grandTotal', parts, actionRows: [...allActions] });
      pendingActions = [];
    }
  }
  return { rows, blocks, groups, end };
}
