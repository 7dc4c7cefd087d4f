/**
 * The sheet as Excel shows it once recalculated. A file saved with calculation left on manual, or
 * written by a program that does not calculate, stores formula results that disagree with their
 * formulas: those cells are checked on what their formula gives, and said to be « non recalculée »
 * rather than reported as an arithmetic error the user cannot see.
 */
import { Cell, SheetGrid } from './grid';
import { FormulaEvaluator } from './formulas';
import { Decimals, Money, moneyNumber, moneyOfNumber } from './money';

export interface StaleCell {
  gridRow: number;
  gridCol: number;
  /** The value the file stores, in minor units; null when it stores none. */
  stored: Money | null;
  computed: Money;
  formula: string;
}

export interface Recalculation {
  /** The grid with recomputed values in place of stale ones (the same grid when none is). */
  grid: SheetGrid;
  /** Formula cells whose stored value differs from what their formula gives. */
  stale: StaleCell[];
  /** Formula cells with no stored value, whose value was computed. */
  computed: StaleCell[];
}

export interface CellsToCheck {
  rows: { start: number; end: number };
  cols: number[];
  /** The table's minor unit: values are compared in it, as the checks compare them. */
  decimals: Decimals;
}

export function recalculate(grid: SheetGrid, areas: CellsToCheck[]): Recalculation {
  const stale: StaleCell[] = [];
  const computed: StaleCell[] = [];
  const changed = new Map<number, Map<number, number>>();
  const evaluators = new Map<Decimals, FormulaEvaluator>();
  for (const area of areas) {
    let evaluator = evaluators.get(area.decimals);
    // Stryker disable next-line ConditionalExpression: a cache: a new evaluator computes the same values
    if (!evaluator) evaluators.set(area.decimals, (evaluator = new FormulaEvaluator(grid, area.decimals)));
    for (let r = area.rows.start; r < area.rows.end; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      for (const c of area.cols) {
        const cell = row[c];
        // Stryker disable next-line ConditionalExpression: evaluate() gives undefined for a cell with no formula; this skips it sooner
        if (!cell?.formula) continue;
        const value = evaluator.evaluate(r, c);
        if (value === undefined) continue;
        const v = cell.value;
        const stored = typeof v === 'number' ? moneyOfNumber(v, area.decimals) : null;
        const entry: StaleCell = { gridRow: r, gridCol: c, stored, computed: value, formula: cell.formula };
        if (v === null || v === undefined || v === '') computed.push(entry);
        else if (stored !== value) stale.push(entry);
        else continue;
        if (!changed.has(r)) changed.set(r, new Map());
        changed.get(r)!.set(c, moneyNumber(value, area.decimals));
      }
    }
  }
  if (!changed.size) return { grid, stale, computed };
  // Copy only the rows that change: the rest of a large sheet is shared.
  const rows = grid.rows.slice();
  for (const [r, cols] of changed) {
    // The changed cells were read from this row: it is there.
    const copy: Array<Cell | null | undefined> = [...grid.rows[r]!];
    for (const [c, value] of cols) copy[c] = { ...copy[c]!, value };
    rows[r] = copy;
  }
  return { grid: { ...grid, rows }, stale, computed };
}
