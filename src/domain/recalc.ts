/**
 * The sheet as Excel shows it once recalculated. A file saved with calculation left on manual, or
 * written by a program that does not calculate, stores formula results that disagree with their
 * formulas: those cells are checked on what their formula gives, and said to be « non recalculée »
 * rather than reported as an arithmetic error the user cannot see.
 */
import Decimal from 'decimal.js';
import { Cell, SheetGrid } from './grid';
import { FormulaEvaluator, parseSimpleFormula } from './formulas';
import { decimalFromNumber } from './numberDecimal';

export interface StaleCell {
  gridRow: number;
  gridCol: number;
  /** The value the file stores; null when it stores none. */
  stored: Decimal | null;
  computed: Decimal;
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
  same: (a: Decimal, b: Decimal) => boolean;
  /** Decimals compared (2 in euros): a float sum this close to the stored value needs no exact sum. */
  places: number;
}

export function recalculate(grid: SheetGrid, areas: CellsToCheck[], evaluator = new FormulaEvaluator(grid)): Recalculation {
  const stale: StaleCell[] = [];
  const computed: StaleCell[] = [];
  const changed = new Map<number, Map<number, Decimal>>();
  for (const area of areas) {
    for (let r = area.rows.start; r < area.rows.end; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      for (const c of area.cols) {
        const cell = row[c];
        if (!cell?.formula) continue;
        // Most formulas add plain numbers and agree with their stored value: floats say so cheaply,
        // far below the precision compared; anything else gets the exact sum.
        const parsed = typeof cell.value === 'number' ? parseSimpleFormula(cell.formula, grid.name) : null;
        const quick = parsed ? evaluator.quickSum(parsed) : null;
        if (quick !== null && Math.abs(quick - (cell.value as number)) < 10 ** -(area.places + 3)) continue;
        const value = evaluator.evaluate(r, c);
        if (value === undefined) continue;
        const v = cell.value;
        const stored = typeof v === 'number' && Number.isFinite(v) ? decimalFromNumber(v) : null;
        const entry: StaleCell = { gridRow: r, gridCol: c, stored, computed: value, formula: cell.formula };
        if (v === null || v === undefined || v === '') computed.push(entry);
        else if (stored === null || !area.same(stored, value)) stale.push(entry);
        else continue;
        if (!changed.has(r)) changed.set(r, new Map());
        changed.get(r)!.set(c, value);
      }
    }
  }
  if (!changed.size) return { grid, stale, computed };
  // Copy only the rows that change: the rest of a large sheet is shared.
  const rows = grid.rows.slice();
  for (const [r, cols] of changed) {
    const copy: Array<Cell | null | undefined> = [...(grid.rows[r] ?? [])];
    for (const [c, value] of cols) copy[c] = { ...copy[c]!, value: Number(value.toString()) };
    rows[r] = copy;
  }
  return { grid: { ...grid, rows }, stale, computed };
}
