/** The summary sheet's data (docs: the summary): lines by measure, by initiative, by Chorus code, totals and their reconciliation. */
import Decimal from 'decimal.js';
import { RuleCode } from '../findings';
import { Lang } from '../words/types';
import { AmountColumn, AnnexTemplate } from '../template';
import { Money } from '../money';
import { AmountUnit } from '../units';

/** A column total in whole cents (money.ts): null when a cell it adds up cannot be read as an amount (rule 8). */
export type Amount = Money | null;

export const SUMMARY_COLUMNS: AmountColumn[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];

export interface Figures {
  /** Column totals; a column the annex lacks is left out. */
  amounts: Partial<Record<AmountColumn, Amount>>;
  /** A − C (the 50/50 co-financing gap). */
  gapAC: Amount;
  /** State share (A+B)/F as a ratio (0.5 for 50 %); null when F is zero or unknown. */
  stateShare: Decimal | null;
}

/** Where a line comes from in the annex, for a link: a range of the annex sheet. */
export interface AnnexRef {
  sheet: string;
  /** `B22:L38` or `L50`. */
  range: string;
  /** 1-based sheet rows, first and last. */
  firstRow: number;
  lastRow: number;
}

export interface SummaryLine {
  label: string;
  /** Canonical Chorus codes of its rows (`0304 50 19 19 07`), in order of appearance. */
  codes: string[];
  /** Action rows, placeholders with no amount not counted. */
  actions: number;
  figures: Figures;
  /** Findings on its rows (for a measure: its action rows and its subtotal). */
  findings: number;
  ref: AnnexRef | null;
}

/**
 * A measure: the action rows closed by one theme subtotal. One subtotal may close several theme
 * blocks (in the seed "Garantie d'activité" and "Développer la mobilité des demandeurs d'emploi"
 * share one subtotal of 5 677 535 € over 17 actions): the measure is named after its first block,
 * and its blocks are kept as detail lines so that none disappears from the summary.
 */
export interface MeasureLine extends SummaryLine {
  /** The theme blocks it holds, when more than one. */
  blocks: SummaryLine[];
  /** 1-based sheet row of the subtotal that closes it; null when no subtotal does. */
  subtotalRow: number | null;
}

export interface CodeLine extends SummaryLine {
  /** null: rows whose code is missing and cannot be inferred with certainty. */
  code: string | null;
  /** Amount the State notified for the code (convention article 3.1), in cents, when given. */
  notified: Money | null;
  /** A − notified, when both are known. */
  gapNotified: Amount;
}

export type ReconciliationLevel = 'socle' | 'initiative' | 'grand';

export interface ReconciliationLine {
  level: ReconciliationLevel;
  /** The total printed in the annex; null when the annex has no such row. */
  printed: Partial<Record<AmountColumn, Amount>> | null;
  printedRef: AnnexRef | null;
  /** The same total recomputed from the action rows. */
  recomputed: Figures;
  /** printed − recomputed per column (the engine's sign: shown − expected). */
  gap: Partial<Record<AmountColumn, Amount>> | null;
}

export interface RuleCount {
  rule: RuleCode;
  title: string;
  count: number;
  /** Cells where it was found, in sheet order; the first one is linked. */
  cells: string[];
}

export interface TableSummary {
  headerCell: string;
  /** The unit the table's amounts are written in (they are held in cents either way). */
  unit: AmountUnit;
  /** Amount columns the table has. */
  columns: AmountColumn[];
  measures: MeasureLine[];
  initiatives: SummaryLine[];
  codes: CodeLine[];
  /** Recomputed from the action rows; findings counted on the section's rows and its totals. */
  totals: Record<ReconciliationLevel, SummaryLine>;
  reconciliation: ReconciliationLine[];
}

export interface NotifiedAmount {
  /** Canonical code, `0304 50 19 19 07`. */
  code: string;
  amount: Decimal;
  /** Where it was read, as shown (« convention.pdf, page 9 »); absent when typed by hand. */
  source?: string;
}

/** The State's total support for the year (convention article 2), with where it was read. */
export interface NotifiedTotal {
  amount: Decimal;
  /** As shown: « convention.pdf, page 8 », or « saisi à la main ». */
  source: string;
}

/** What the summary sheet calls its levels and derived columns, from the template, in its language. */
export interface SummaryNames {
  /** Titles of the socle's and the initiatives' parts of the sheet. */
  title: Record<'socle' | 'initiative', string>;
  /** The printed totals, as the reconciliation names them. */
  printed: Record<ReconciliationLevel, string>;
  /** The derived columns' headers (« Écart A − C », « Part État (A+B)/F »). */
  gap: string;
  share: string;
}

export interface AnnexSummary {
  lang: Lang;
  names: SummaryNames;
  source: { workbook: string; sheet: string };
  generatedAt: Date;
  findingsTotal: number;
  findingsByRule: RuleCount[];
  tables: TableSummary[];
  /** The notified amounts given, or null when none were. */
  notified: NotifiedAmount[] | null;
  /** Article 2's total, when known. */
  notifiedTotal: NotifiedTotal | null;
}

export interface SummaryOptions {
  lang?: Lang;
  /** Name of the workbook (file name) the annex comes from. */
  workbook: string;
  /** When the summary is made: passed in, the engine never reads the clock. */
  generatedAt: Date;
  notified?: NotifiedAmount[];
  /** Article 2's total: a line of its own under the codes. */
  notifiedTotal?: NotifiedTotal;
  template?: AnnexTemplate;
}
