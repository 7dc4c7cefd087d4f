/**
 * Findings: what is wrong, where, by which rule. Like a validation report, each carries a stable
 * rule code and a cell address; other tools read them (the command line's JSON is built from here).
 */
import { UnreadableReason } from './amounts';
import { Money } from './money';
import { RowKind } from './rows';
import { AmountColumn } from './template';
import { AmountUnit } from './units';

export const RULES = [
  'UNREADABLE_AMOUNT',
  'STALE_FORMULA',
  'SUBTOTAL',
  'SECTION_TOTAL',
  'GRAND_TOTAL',
  'ROW_TOTAL',
  'A_NEQ_C',
  'VALORISATION_EXCEEDS_C',
  'MISSING_IMPUTATION',
] as const;
export type RuleCode = (typeof RULES)[number];

export type FindingColumn = AmountColumn | 'imputation';

export interface PartRef {
  /** 1-based sheet row and A1 address of the part's cell in the finding's column. */
  row: number;
  cell: string;
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
  /** For `=SUM(L22:L37)` in the finding's column: its first and last rows. */
  range?: { first: number; last: number };
  /** The column it adds up, when not the finding's own. */
  otherColumn?: string;
  /** Parts typed as text inside the SUM: Excel's SUM skips them. */
  textParts: PartRef[];
  /** The formula that adds up the parts, as stored (English names). */
  suggestion?: string;
}

export type FindingContext =
  | { type: 'rowTotal'; parts: AmountColumn[]; relocatedFrom?: string }
  | {
      type: 'sum';
      parts: PartRef[];
      /** Parts that are themselves reported in this column (named in the message). */
      offParts: PartRef[];
      /** True when the total equals the sum of the action rows below it (the error is in a part). */
      equalsActionRows: boolean;
    }
  | { type: 'coFinancing'; state: Money; departement: Money }
  | { type: 'cap'; max: Money; maxColumn: AmountColumn }
  | {
      type: 'imputation';
      code: string | null;
      source: FillSource | null;
      candidates: string[];
      /** Set when a code is known but the row is not certain enough to write it. */
      doubt?: ProposalReason;
    }
  | { type: 'unreadable'; reason: UnreadableReason; shown: string }
  | { type: 'stale'; formula: string };

export type FillSource = 'block' | 'theme' | 'section';

export interface Finding {
  rule: RuleCode;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  column: FindingColumn;
  /** A1 address. */
  cell: string;
  /** Grid coordinates (adapters use them to mark the cell). */
  gridRow: number;
  gridCol: number;
  /** Whole minor units of `unit` (money.ts). */
  expected: Money | null;
  actual: Money | null;
  /** actual − expected. */
  difference: Money | null;
  rowKind: RowKind;
  rowLabel: string;
  context: FindingContext;
  /** The unit of expected, actual and difference: euros, or thousands of euros (k€). */
  unit: AmountUnit;
  /** The finding's row is hidden or filtered out. */
  hidden: boolean;
  /** Set when the finding's cell is a formula the message explains. */
  formula?: FormulaNote;
  /** Plain-language message in the analysis language. */
  message: string;
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

/** A code we think is right but cannot be sure of: shown to the user, never written. */
export interface Proposal {
  cell: string;
  gridRow: number;
  gridCol: number;
  row: number;
  candidates: string[];
  reason: ProposalReason;
  /** Why it is not written, in the analysis language (« ligne 61 : hors du tableau de l'annexe ? »). */
  why: string;
}

/**
 * Why a code is proposed, not written: the theme fits several codes or none; or the row is not
 * certainly an action of the annex (no title nor fiche number, after the table's last total, under
 * a merged code cell that also covers other rows).
 */
export type ProposalReason = 'ambiguousTheme' | 'noTheme' | 'noTitle' | 'outsideTable' | 'sharedMerge';

/** Something about the table as a whole (a missing column, a second table…), not a cell. */
export interface Notice {
  code:
    | 'MISSING_COLUMN'
    | 'NO_IMPUTATION_COLUMN'
    | 'SEVERAL_TABLES'
    | 'NO_GRAND_TOTAL'
    | 'THOUSANDS'
    | 'TABLE_ENDS'
    | 'ROW_READ_AS_TOTAL'
    | 'UNCLASSIFIED_ROW'
    | 'FORMULAS_COMPUTED';
  message: string;
}

export const RULE_PRIORITY: Record<RuleCode, number> = Object.fromEntries(RULES.map((r, i) => [r, i])) as Record<RuleCode, number>;
