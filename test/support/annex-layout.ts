/**
 * Lays an annex 9 description (blocks of actions, subtotals, totals) out as a sheet grid, the way
 * people lay it out in Excel. Used to build the sample workbook and every crafted variant in tests,
 * so that a variant is a few options, not a hand-made spreadsheet.
 */
import { Cell, CellValue, MergedArea, SheetGrid } from '../../src/domain/grid';

export type AmountKey = 'A' | 'B' | 'C' | 'valorisation' | 'D' | 'E' | 'F';
export const AMOUNT_KEYS: AmountKey[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];

/**
 * An amount as written in a cell:
 * - a decimal string or a number: a number cell;
 * - `{ text }`: typed as text (`"1 362 035,00 €"`);
 * - `{ error }`: an error value (`#REF!`);
 * - `{ formula, result }`: a formula, with its cached result when known;
 * - `{ date }`: a date typed in an amount column (ISO string);
 * - null: an empty cell.
 */
export type SpecAmount =
  | string
  | number
  | null
  | { text: string }
  | { error: string }
  | { formula: string; result?: number | string }
  | { date: string };

export type SpecAmounts = Partial<Record<AmountKey, SpecAmount>>;

export interface SpecAction {
  fiche?: string | null;
  title: string;
  amounts: SpecAmounts;
  /** Per-row imputation text; when absent the block's code applies (merged, first row only, … per layout). */
  imputation?: string | null;
  /** Number format for this row's amount cells, e.g. the accounting format that shows 0 as `-  €`. */
  numFmt?: Partial<Record<AmountKey, string>>;
}

export interface SpecBlock {
  kind: 'block';
  theme: string;
  imputation: string | null;
  actions: SpecAction[];
}

export type TotalKind = 'subtotal' | 'socleSubtotal' | 'initiativeSubtotal' | 'grandTotal' | 'control';

export interface SpecTotal {
  kind: TotalKind;
  label: string;
  amounts: SpecAmounts | null;
}

export interface AnnexSpec {
  sheetName: string;
  /** Lines above the header (annex title, convention, year). */
  titleRows: string[];
  /** Convention year, used in header labels ("convention 2023", "Crédits Etat 2022 reportés"). */
  year: number;
  body: Array<SpecBlock | SpecTotal>;
}

export interface LayoutOptions {
  /** 0-based sheet position of the top-left cell of the first title row. */
  origin: { row: number; col: number };
  /** Letters A–F in their own row above the labels, at the start of the label cell, or absent. */
  letters: 'row' | 'inline' | 'none';
  /** Theme and code cells: merged vertically over the block, written on the first row only, or repeated. */
  themeCells: 'merged' | 'firstRow' | 'everyRow';
  /** Merge the label of total rows across the four text columns. */
  mergeTotalLabels: boolean;
  /** Number format of amount cells. */
  numFmt: string;
  /** Column order of the table, by role. Default: the national template's. */
  columns: ColumnRole[];
  /** Empty rows between the title rows and the header. */
  gapAfterTitle: number;
  /**
   * Rows the column labels are written over (1: one cell each). With more, each label is cut into
   * parts by `splitLabel` (default: its lines, then its words, shared evenly), one part a row.
   */
  headerRows: number;
  splitLabel?: (role: ColumnRole, label: string, rows: number) => string[];
  /** With `headerRows` > 1: a label with fewer parts than rows is merged down over the rest. */
  mergeShortLabels: boolean;
}

export type ColumnRole = 'theme' | 'imputation' | 'fiche' | 'title' | AmountKey;

export const TEMPLATE_COLUMNS: ColumnRole[] = [
  'theme', 'imputation', 'fiche', 'title', 'A', 'B', 'C', 'valorisation', 'D', 'E', 'F',
];

/** French accounting format as Excel writes it: zero shows as `-  €`. */
export const ACCOUNTING_EUR = '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-';
/** Plain currency format: `1 362 035,00 €` in a French Excel. */
export const CURRENCY_EUR = '#,##0.00\\ "€"';

export const DEFAULT_LAYOUT: LayoutOptions = {
  origin: { row: 0, col: 1 },
  letters: 'row',
  themeCells: 'merged',
  mergeTotalLabels: true,
  numFmt: CURRENCY_EUR,
  columns: TEMPLATE_COLUMNS,
  gapAfterTitle: 1,
  headerRows: 1,
  mergeShortLabels: false,
};

/** A label cut at its line breaks into at most `rows` parts (« Crédits Etat 2022 » / « reportés sur 2023 … »). */
export function splitLines(label: string, rows: number): string[] {
  const lines = label.split('\n').map((l) => l.trim()).filter(Boolean);
  const n = Math.min(rows, lines.length);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const take = Math.ceil((lines.length - at) / (n - i));
    parts.push(lines.slice(at, at + take).join('\n'));
    at += take;
  }
  return parts;
}

/** A label cut into at most `rows` parts at word boundaries, as evenly as its words allow. */
export function splitEvenly(label: string, rows: number): string[] {
  const words = label.replace(/\s+/g, ' ').trim().split(' ');
  const n = Math.min(rows, words.length);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const take = Math.ceil((words.length - at) / (n - i));
    parts.push(words.slice(at, at + take).join(' '));
    at += take;
  }
  return parts;
}

/** Header labels of the national template (line breaks as in the file). */
export function headerLabel(role: ColumnRole, year: number): string {
  const prev = year - 1;
  switch (role) {
    case 'theme': return 'Thème de la contractualisation';
    case 'imputation': return 'Imputation chorus\n(code chorus - description longue)';
    case 'fiche': return 'Fiche action\nN°';
    case 'title': return "Intitulé de l'action";
    case 'A': return `Participation État\nnotifiée pour la\nconvention ${year}\n(nouveaux crédits Etat\n${year})`;
    case 'B': return `Crédits Etat ${prev}\nreportés sur ${year}\n(le cas échéant)`;
    case 'C': return `Crédits CD\naffectés pour la\nconvention ${year}`;
    case 'valorisation': return 'Dont valorisation\nCD';
    case 'D': return `Crédits CD ${prev}\nreportés sur ${year}\n(le cas échéant)`;
    case 'E': return "Participation\nd'autres\nfinanceurs le cas\néchéant";
    case 'F': return `Budget global de\nl'action prévu en ${year}\n(A+B+C+D+E)`;
  }
}

const LETTERS: Partial<Record<ColumnRole, string>> = { A: 'A', B: 'B', C: 'C', D: 'D', E: 'E', F: 'F' };

function amountCell(a: SpecAmount | undefined, numFmt: string): Cell | null {
  if (a === undefined || a === null) return null;
  if (typeof a === 'number') return { value: a, numFmt };
  if (typeof a === 'string') return { value: Number(a), numFmt };
  if ('text' in a) return { value: a.text, numFmt: '@' };
  if ('error' in a) return { value: { error: a.error }, numFmt };
  if ('date' in a) return { value: new Date(a.date), numFmt: 'dd/mm/yyyy' };
  const result: CellValue = a.result === undefined ? null : typeof a.result === 'number' ? a.result : a.result;
  return { value: result, formula: a.formula, numFmt };
}

export interface LaidOutAnnex {
  grid: SheetGrid;
  /** 0-based sheet row of each body entry's first row, for tests that point at a cell. */
  rowOf: Array<number[]>;
  /** 0-based sheet column of each role. */
  colOf: Partial<Record<ColumnRole, number>>;
  headerRow: number;
}

/** Lays the spec out; the grid's origin is A1 so grid coordinates are sheet coordinates. */
export function layoutAnnex(spec: AnnexSpec, options: Partial<LayoutOptions> = {}): LaidOutAnnex {
  const o: LayoutOptions = { ...DEFAULT_LAYOUT, ...options };
  const rows: Cell[][] = [];
  const merges: MergedArea[] = [];
  const set = (r: number, c: number, cell: Cell | null) => {
    if (!cell) return;
    while (rows.length <= r) rows.push([]);
    rows[r][c] = cell;
  };
  const colOf: Partial<Record<ColumnRole, number>> = {};
  o.columns.forEach((role, i) => (colOf[role] = o.origin.col + i));
  let r = o.origin.row;
  for (const line of spec.titleRows) set(r++, o.origin.col, { value: line });
  r += o.gapAfterTitle;

  // Header.
  if (o.headerRows > 1) {
    // A band of rows: letters (if any) first, then each label cut into parts, one part a row.
    if (o.letters === 'row') {
      for (const role of o.columns) {
        const letter = LETTERS[role];
        if (letter) set(r, colOf[role]!, { value: letter });
      }
      r++;
    }
    const split = o.splitLabel ?? ((_role: ColumnRole, label: string, rows: number) => splitEvenly(label, rows));
    for (const role of o.columns) {
      const letter = LETTERS[role];
      const label = headerLabel(role, spec.year);
      const parts = split(role, label, o.headerRows).slice(0, o.headerRows);
      parts.forEach((part, i) => {
        const text = i === 0 && o.letters === 'inline' && letter ? `${letter}\n${part}` : part;
        set(r + i, colOf[role]!, { value: text });
      });
      if (o.mergeShortLabels && parts.length < o.headerRows) {
        merges.push({ top: r + parts.length - 1, bottom: r + o.headerRows - 1, left: colOf[role]!, right: colOf[role]! });
      }
    }
    r += o.headerRows - 1;
  } else if (o.letters === 'row') {
    for (const role of o.columns) {
      const letter = LETTERS[role];
      if (letter) set(r, colOf[role]!, { value: letter });
    }
    // The four text headers span the letters row and the labels row; valorisation (no letter)
    // sits in the labels row only, so it is not also written inside a merge.
    for (const role of o.columns) {
      if (!LETTERS[role] && role !== 'valorisation') {
        set(r, colOf[role]!, { value: headerLabel(role, spec.year) });
        merges.push({ top: r, bottom: r + 1, left: colOf[role]!, right: colOf[role]! });
      }
    }
    r++;
    for (const role of o.columns) if (LETTERS[role]) set(r, colOf[role]!, { value: headerLabel(role, spec.year) });
    if (colOf.valorisation !== undefined) set(r, colOf.valorisation, { value: headerLabel('valorisation', spec.year) });
  } else {
    for (const role of o.columns) {
      const letter = LETTERS[role];
      const label = headerLabel(role, spec.year);
      set(r, colOf[role]!, { value: o.letters === 'inline' && letter ? `${letter}\n${label}` : label });
    }
  }
  const headerRow = r;
  r++;

  const textCols: ColumnRole[] = ['theme', 'imputation', 'fiche', 'title'];
  const firstText = Math.min(...textCols.filter((t) => colOf[t] !== undefined).map((t) => colOf[t]!));
  const lastText = Math.max(...textCols.filter((t) => colOf[t] !== undefined).map((t) => colOf[t]!));
  const rowOf: number[][] = [];

  const writeAmounts = (row: number, amounts: SpecAmounts | null, fmt?: Partial<Record<AmountKey, string>>) => {
    if (!amounts) return;
    for (const key of Object.keys(amounts) as AmountKey[]) {
      if (colOf[key] === undefined) continue;
      set(row, colOf[key]!, amountCell(amounts[key], fmt?.[key] ?? o.numFmt));
    }
  };

  for (const entry of spec.body) {
    if (entry.kind === 'block') {
      const start = r;
      const mine: number[] = [];
      entry.actions.forEach((action, i) => {
        mine.push(r);
        const showBlockCells = o.themeCells === 'everyRow' || i === 0;
        if (showBlockCells && colOf.theme !== undefined) set(r, colOf.theme, { value: entry.theme });
        const code = action.imputation !== undefined ? action.imputation : showBlockCells ? entry.imputation : null;
        if (code && colOf.imputation !== undefined) set(r, colOf.imputation, { value: code });
        if (action.fiche && colOf.fiche !== undefined) set(r, colOf.fiche, { value: action.fiche });
        if (action.title && colOf.title !== undefined) set(r, colOf.title, { value: action.title });
        writeAmounts(r, action.amounts, action.numFmt);
        r++;
      });
      if (o.themeCells === 'merged' && entry.actions.length > 1) {
        for (const role of ['theme', 'imputation'] as ColumnRole[]) {
          if (colOf[role] === undefined) continue;
          // A per-row code breaks the merge for the code column: keep it unmerged then.
          if (role === 'imputation' && entry.actions.some((a, i) => i > 0 && a.imputation !== undefined)) continue;
          merges.push({ top: start, bottom: r - 1, left: colOf[role]!, right: colOf[role]! });
        }
      }
      rowOf.push(mine);
    } else {
      set(r, firstText, { value: entry.label });
      if (o.mergeTotalLabels && lastText > firstText) merges.push({ top: r, bottom: r, left: firstText, right: lastText });
      writeAmounts(r, entry.amounts);
      rowOf.push([r]);
      r++;
    }
  }
  return {
    grid: { name: spec.sheetName, origin: { row: 0, col: 0 }, rows, merges },
    rowOf,
    colOf,
    headerRow,
  };
}
