/**
 * What a rule is: one record says everything about it (docs/annexe9.md, "Les règles"): its code
 * and priority, its title and message in each language, how its mark looks, the live condition
 * the Office adapter turns into a conditional format, and the check itself on a classified table.
 * Adding a rule is adding one file and one line of the registry (registry.ts).
 */
import { SheetGrid } from '../grid';
import { CellRef, Finding, FindingColumn, FindingOf, PartRef, RuleCode } from '../findings';
import { TableLayout } from '../layout';
import { MergeIndex } from '../merges';
import { Money } from '../money';
import { StaleCell } from '../recalc';
import { AnnexRow, ClassifiedTable, TotalGroup } from '../rows';
import { TableSums } from '../sums';
import { AmountColumn, AnnexTemplate } from '../template';
import { AmountUnit } from '../units';
import { Lang, Words } from '../words/types';

/** A cell's amount as the rules see it: whole minor units, unreadable, or blank. */
export type Value = Money | 'unreadable' | null;

/** A classified table and what the rules ask of it (built once per table, rules/context.ts). */
export interface CheckTable {
  sheet: string;
  /** Sheet coordinates of grid (0, 0). */
  origin: CellRef;
  /** The sheet as checked: stale formula results replaced by what their formula gives. */
  grid: SheetGrid;
  layout: TableLayout;
  template: AnnexTemplate;
  table: ClassifiedTable;
  merges: MergeIndex;
  unit: AmountUnit;
  /** Formula cells whose stored value is not what their formula gives. */
  stale: readonly StaleCell[];
  /** Amount columns the table has, in the template's order. */
  amountColumns: AmountColumn[];
  /** The total column (F) and those of its parts (A…E) the table has. */
  totalColumn: AmountColumn | null;
  totalParts: AmountColumn[];
  sums: TableSums;
  rowAt(gridRow: number): AnnexRow | undefined;
  value(row: AnnexRow, k: AmountColumn): Value;
  /** Sheet coordinates of a row's cell in a column of the table. */
  cell(row: AnnexRow, k: FindingColumn): CellRef;
  isHidden(row: AnnexRow): boolean;
  part(row: AnnexRow, k: AmountColumn): PartRef;
  /** Sum of the row's total parts (all but `except`), null when one cannot be read. */
  rowSum(row: AnnexRow, except?: AmountColumn): Money | null;
  /** The total group a row is a part of (the subtotal above an action…). */
  parentOf(row: AnnexRow): TotalGroup | undefined;
  /** A finding on a row, its common fields filled. */
  finding<R extends RuleCode>(rule: R, row: AnnexRow, column: FindingColumn, expected: Money | null, actual: Money | null, args: FindingOf<R>['args']): FindingOf<R>;
}

/**
 * The condition, in the sheet's own terms, under which a finding still holds: the Office adapter
 * writes it as a conditional format (office/marks.ts), so a mark goes away by itself once the
 * figure is corrected. Columns are the template's (the co-financing pair, the total and its
 * parts), never literal letters.
 */
export type LiveCheck =
  /** The row's total column differs from the sum of its parts. */
  | { kind: 'rowSum'; total: AmountColumn; parts: AmountColumn[] }
  /** The finding's cell differs from the sum of the same column on the part rows. */
  | { kind: 'columnSum'; column: AmountColumn; partRows: number[] }
  /** The partner's amount is not the State's times partner/state (50/50: not equal). */
  | { kind: 'share'; state: AmountColumn; partner: AmountColumn; shares: { state: number; partner: number } }
  /** The cell exceeds the column it is capped by. */
  | { kind: 'atMost'; column: AmountColumn; max: AmountColumn }
  /** The code cell is still empty. */
  | { kind: 'blank' }
  /** The code cell still shows this text, which is no code (« à compléter », a title merged into it). */
  | { kind: 'shows'; text: string }
  /** The cell still shows the value the file stored (null: none). */
  | { kind: 'stored'; value: Money | null }
  /** The cell is still what could not be read. */
  | { kind: 'unreadable' };

/** How a rule's findings look on the sheet and in the legend. */
export interface MarkStyle {
  /** Fill of the cell at fault, `#RRGGBB` (Okabe–Ito hues, light enough to read black text on). */
  fill: string;
  /** A short symbol, so that colour is never the only carrier of meaning (legend, notes). */
  symbol: string;
}

/**
 * A finding's message in two parts: whom it is about (the row, at times its column:
 * `« Premières Heures » (ligne 30)`) and what it says of it (`imputation Chorus manquante…`). The
 * full message joins them; the pane's card, which shows the row and its label itself, keeps
 * only what is said (words/render.ts).
 */
export interface FindingWords {
  about: string;
  says: string;
}

/**
 * `cellShown`: the cell the message's surroundings already show (the command line's first column,
 * the card's head), null when none; a message names that cell only when it is not shown.
 */
export type MessageTemplate<R extends RuleCode> = (f: FindingOf<R>, w: Words, template: AnnexTemplate, cellShown: CellRef | null) => FindingWords;

export interface Rule<R extends RuleCode = RuleCode> {
  code: R;
  /** Lower first: the order of reports, the colour of a cell with several rules, which of two findings saying one thing stays. */
  priority: number;
  /**
   * The title of its group of findings (the template names the columns and the ratio; the findings,
   * when given, what their table has: one without E adds A to D).
   */
  title: Record<Lang, (template: AnnexTemplate, findings?: ReadonlyArray<FindingOf<R>>) => string>;
  /** The whole message: what is wrong, where, and what to do (each said once). */
  message: Record<Lang, MessageTemplate<R>>;
  mark: MarkStyle;
  /** One line for the README's rule table (generated from here, test/engine/rules/registry.test.ts). */
  doc: string;
  live(f: FindingOf<R>): LiveCheck;
  check(t: CheckTable): Array<FindingOf<R>>;
}

/** A rule whose findings come from comparing the annex with its convention (domain/convention). */
export interface DocumentRule<R extends string = string> {
  code: R;
  priority: number;
  title: Record<Lang, string>;
  doc: string;
}

export type AnyFinding = Finding;
