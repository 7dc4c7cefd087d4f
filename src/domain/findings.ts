/**
 * Findings: what is wrong, where, by which rule. Like a validation report, each carries a stable
 * rule code and a cell address; other tools read them (the command line's JSON is built from here).
 */
import Decimal from 'decimal.js';
import { UnreadableReason } from './amounts';
import { RowKind } from './rows';
import { AmountColumn } from './template';

export const RULES = [
  'UNREADABLE_AMOUNT',
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
  | { type: 'coFinancing'; state: Decimal; departement: Decimal }
  | { type: 'cap'; max: Decimal; maxColumn: AmountColumn }
  | { type: 'imputation'; code: string | null; source: FillSource | null; candidates: string[] }
  | { type: 'unreadable'; reason: UnreadableReason; shown: string };

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
  expected: Decimal | null;
  actual: Decimal | null;
  /** actual − expected. */
  difference: Decimal | null;
  rowKind: RowKind;
  rowLabel: string;
  context: FindingContext;
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
  reason: 'ambiguousTheme' | 'noTheme';
}

/** Something about the table as a whole (a missing column, a second table…), not a cell. */
export interface Notice {
  code: 'MISSING_COLUMN' | 'NO_IMPUTATION_COLUMN' | 'SEVERAL_TABLES' | 'NO_GRAND_TOTAL';
  message: string;
}

export const RULE_PRIORITY: Record<RuleCode, number> = Object.fromEntries(RULES.map((r, i) => [r, i])) as Record<RuleCode, number>;
