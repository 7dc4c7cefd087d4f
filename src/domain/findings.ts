/**
 * Findings as data (docs/annexe9.md, "Les règles"): which rule, which cell of the sheet, the
 * amounts and what the message needs. No text: whoever shows a finding renders it in the language
 * of the moment (words/render.ts), so the pane switches language without checking again. Other
 * tools read findings through the command line's JSON, built from here.
 */
import { UnreadableReason } from './amounts';
import { columnLetters } from './grid';
import { Money } from './money';
import { RowKind } from './rows';
import { AmountColumn, ColumnKey } from './template';
import { AmountUnit } from './units';

/** A cell of the sheet, 0-based: row 0 is the sheet's row 1, col 0 its column A. */
export interface CellRef {
  row: number;
  col: number;
}

export type RuleCode =
  | 'UNREADABLE_AMOUNT'
  | 'STALE_FORMULA'
  | 'SUBTOTAL'
  | 'SECTION_TOTAL'
  | 'GRAND_TOTAL'
  | 'ROW_TOTAL'
  | 'A_NEQ_C'
  | 'VALORISATION_EXCEEDS_C'
  | 'MISSING_IMPUTATION';

export type FindingColumn = AmountColumn | 'imputation';

/** One part of a total: its cell in the finding's column, its row's label. */
export interface PartRef {
  at: CellRef;
  label: string;
  /** The row is hidden or filtered out. */
  hidden?: boolean;
}

/** What a total's formula adds up, next to what it should (set when the total's cell is a formula). */
export interface FormulaNote {
  /** As stored, with `=`. */
  text: string;
  /** False for a formula the check does not evaluate (anything but SUM/SOMME and `+` of cells). */
  evaluated: boolean;
  /** `rows`: a column total (subtotals…); `columns`: F = A+B+C+D+E on a row. */
  axis: 'rows' | 'columns';
  /** Parts with money the formula leaves out, and cells with money it counts that are no parts. */
  missing: PartRef[];
  extra: PartRef[];
  /** For `=SUM(L22:L37)` in the finding's column: its first and last sheet rows (0-based). */
  range?: { first: number; last: number };
  /** The sheet column it adds up (0-based), when not the finding's own. */
  otherColumn?: number;
  /** Parts typed as text inside the SUM: Excel's SUM skips them. */
  textParts: PartRef[];
  /** The formula that adds up the parts, as stored (English names). */
  suggestion?: string;
}

export type FillSource = 'block' | 'theme' | 'section';

/**
 * Why a code is proposed, not written: the theme fits several codes or none; or the row is not
 * certainly an action of the annex (no title nor fiche number, after the table's last total, under
 * a merged code cell that also covers other rows); or the code cell is not empty though it shows
 * no code (merged with another column, or words such as « à compléter »).
 */
export type ProposalReason = 'ambiguousTheme' | 'noTheme' | 'noTitle' | 'outsideTable' | 'sharedMerge' | 'mergedAcross' | 'notACode';

/** What a total adds up, for its message: rows, subtotals, or the sections (their template ids). */
export type SumOf = { kind: 'rows' } | { kind: 'subtotals' } | { kind: 'sections'; sections: string[] };

export interface UnreadableArgs {
  reason: UnreadableReason;
  /** The cell as shown, for the message. */
  shown: string;
}

export interface StaleArgs {
  formula: string;
}

export interface RowTotalArgs {
  /** The total column (F) and its parts (A, B, C, D, E), from the template. */
  total: AmountColumn;
  parts: AmountColumn[];
  /** Set when the finding moved from the total's cell to the figure that is wrong. */
  relocatedFrom?: CellRef;
}

export interface SumArgs {
  parts: PartRef[];
  /** Parts that are themselves reported in this column (named in the message). */
  offParts: PartRef[];
  /** True when the total equals the sum of the action rows below it (the error is in a part). */
  equalsActionRows: boolean;
  of: SumOf;
}

export interface ShareArgs {
  /** The co-financing pair (A, C) and their shares (50/50), from the template. */
  state: AmountColumn;
  partner: AmountColumn;
  shares: { state: number; partner: number };
  /** The State's amount the partner's is expected from. */
  stateAmount: Money;
}

export interface CapArgs {
  /** The column the capped one may not exceed (C for the valued share). */
  max: AmountColumn;
}

export interface ImputationArgs {
  /** The code to write (its text with its description), when certain enough. */
  code: string | null;
  source: FillSource | null;
  /** Codes that may be right, when none is certain. */
  candidates: string[];
  /** Set when a code is known but the row is not certain enough to write it. */
  doubt?: ProposalReason;
  /** `mergedAcross`: the column the code cell is merged with (the title when it is one of them). */
  mergedWith?: ColumnKey;
  /** `notACode`, `mergedAcross`: the code cell's text as it holds it, line breaks included (words, or the title merged into it); the message shortens it. */
  shown?: string;
  /** The cell a code goes into: the row's own, or the top-left of an empty merged code cell. */
  target: CellRef;
  /**
   * `mergedAcross`, when the merge starts left of the code column (the title merged into it): the
   * merge's top left, which holds the text and shows the merged cell's colour. The mark goes there:
   * Excel shows nothing of a covered cell's own format.
   */
  shownAt?: CellRef;
}

interface FindingOfRule<R extends RuleCode, A> {
  rule: R;
  sheet: string;
  /** The cell at fault, in sheet coordinates (the report gives the grid's origin). */
  at: CellRef;
  column: FindingColumn;
  /** Whole minor units (money.ts) of `unit`; difference = actual − expected. */
  expected: Money | null;
  actual: Money | null;
  difference: Money | null;
  /** The unit the table is written in: euros, or thousands of euros (k€). */
  unit: AmountUnit;
  /** The finding's row is hidden or filtered out. */
  hidden: boolean;
  rowKind: RowKind;
  /** The action's title, or the total's label. */
  rowLabel: string;
  /** For a section total's row: the section it closes (its name comes from the template). */
  closes?: string;
  /** What the message needs beyond the amounts. */
  args: A;
  /** Set when the finding's cell is a formula the message explains. */
  formula?: FormulaNote;
}

export type Finding =
  | FindingOfRule<'UNREADABLE_AMOUNT', UnreadableArgs>
  | FindingOfRule<'STALE_FORMULA', StaleArgs>
  | FindingOfRule<'ROW_TOTAL', RowTotalArgs>
  | FindingOfRule<'SUBTOTAL', SumArgs>
  | FindingOfRule<'SECTION_TOTAL', SumArgs>
  | FindingOfRule<'GRAND_TOTAL', SumArgs>
  | FindingOfRule<'A_NEQ_C', ShareArgs>
  | FindingOfRule<'VALORISATION_EXCEEDS_C', CapArgs>
  | FindingOfRule<'MISSING_IMPUTATION', ImputationArgs>;

export type FindingOf<R extends RuleCode> = Extract<Finding, { rule: R }>;

/** A finding of a total rule (subtotal, section total, grand total). */
export type SumFinding = FindingOf<'SUBTOTAL' | 'SECTION_TOTAL' | 'GRAND_TOTAL'>;

/** The A1 address of a cell (`L50`). */
export function cellName(at: CellRef): string {
  return `${columnLetters(at.col)}${at.row + 1}`;
}

/** The 1-based sheet row people read. */
export function sheetRow(at: CellRef): number {
  return at.row + 1;
}

/** A key for maps of cells: one number per cell (a sheet has 16 384 columns, fewer than 20 000). */
export function cellKey(at: CellRef): number {
  const rowStart = at.row * 20_000;
  // Stryker disable next-line ArithmeticOperator: rowStart − col is one number per cell too, and keys are only compared for equality
  return rowStart + at.col;
}

export interface Fill {
  cell: string;
  gridRow: number;
  gridCol: number;
  /** 1-based sheet row of the action the code is for. */
  row: number;
  /** Text to write: the code and its description. */
  code: string;
  source: FillSource;
}

/** A code we think is right but cannot be sure of: shown to the user (with why), never written. */
export interface Proposal {
  cell: string;
  gridRow: number;
  gridCol: number;
  /** 1-based sheet row of the action. */
  row: number;
  candidates: string[];
  reason: ProposalReason;
}

/** Something about the table as a whole (a missing column, a second table…), not a cell. */
export type Notice =
  | { code: 'MISSING_COLUMN'; table: CellRef; column: ColumnKey }
  | { code: 'NO_IMPUTATION_COLUMN'; table: CellRef }
  | { code: 'SEVERAL_TABLES'; sheet: string; count: number }
  | { code: 'NO_GRAND_TOTAL'; table: CellRef }
  /** `said`: the words that said so and their sheet row (0-based). */
  | { code: 'THOUSANDS'; table: CellRef; said: string | null; row: number | null }
  /** The table's last row and the row where the block that ends it starts (0-based sheet rows). */
  | { code: 'TABLE_ENDS'; table: CellRef; lastRow: number | null; blockRow: number; label: string }
  | { code: 'ROW_READ_AS_TOTAL'; row: number; label: string; as: 'subtotal' | 'grandTotal'; sumOf: number[] }
  | { code: 'UNCLASSIFIED_ROW'; row: number; label: string; totals: number[]; /** The row its label is typed on, when merged down over it. */ labelRow?: number }
  | { code: 'FORMULAS_COMPUTED'; table: CellRef; cells: CellRef[] };

export type NoticeCode = Notice['code'];

/** Why nothing could be checked, as data: the message is rendered where it is shown. */
export type CheckProblem =
  | { kind: 'notAnnex'; sheet: string }
  | { kind: 'summarySheet'; sheet: string }
  | { kind: 'noSuchSheet'; sheet: string; sheets: string[] }
  | { kind: 'noAnnexInWorkbook'; sheets: string[] };
