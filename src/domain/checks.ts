/**
 * The rules of the sheet (ANNEX9.md "Rules the sheet must obey"). Each level is checked against
 * its own parts as printed; then findings that one wrong figure raises twice on the same row are
 * folded into one, placed at the figure that is wrong.
 */
import { AmountReading } from './amounts';
import { Money, isExact } from './money';
import { StaleCell } from './recalc';
import { AmountUnit } from './units';
import { SheetGrid, cellAddress } from './grid';
import { Finding, FindingColumn, FindingContext, PartRef, RULE_PRIORITY, RuleCode } from './findings';
import { TableLayout } from './layout';
import { AnnexRow, ClassifiedTable, TotalGroup } from './rows';
import { AmountColumn, AnnexTemplate } from './template';
import { tableSums } from './sums';

/** A finding before its message is written. */
export type RawFinding = Omit<Finding, 'message'>;

type Value = Money | 'unreadable' | null;

function valueOf(reading: AmountReading | undefined): Value {
  if (!reading) return null;
  if (reading.kind === 'unreadable') return 'unreadable';
  return reading.value;
}

export interface CheckInput {
  grid: SheetGrid;
  layout: TableLayout;
  template: AnnexTemplate;
  table: ClassifiedTable;
  /** The table's unit (its amounts are whole minor units of it). */
  unit?: AmountUnit;
  /** Grid rows hidden or filtered out. */
  hidden?: ReadonlySet<number>;
  /** Formula cells whose stored value is not what their formula gives. */
  stale?: readonly StaleCell[];
}

export function checkTable({ grid, layout, template, table, unit = '€', hidden, stale = [] }: CheckInput): RawFinding[] {
  // Grid row → row, as an array: looked up for every part of every total.
  const rowByIndex: AnnexRow[] = [];
  for (const r of table.rows) rowByIndex[r.index] = r;
  const cols = layout.columns;
  const amountCols = template.amountColumns.filter((k) => cols[k] !== undefined);
  const totalCol = template.total.column;
  const totalParts = template.total.parts.filter((k) => cols[k] !== undefined);
  const hasTotal = cols[totalCol] !== undefined;
  const findings: RawFinding[] = [];

  const v = (row: AnnexRow, k: AmountColumn): Value => valueOf(row.amounts[k]);
  const make = (
    rule: RuleCode,
    row: AnnexRow,
    column: FindingColumn,
    gridCol: number,
    expected: Money | null,
    actual: Money | null,
    context: FindingContext,
  ): RawFinding => ({
    rule,
    sheet: grid.name,
    row: grid.origin.row + row.index + 1,
    column,
    cell: cellAddress(grid, row.index, gridCol),
    gridRow: row.index,
    gridCol,
    expected,
    actual,
    difference: expected !== null && actual !== null ? actual - expected : null,
    rowKind: row.kind,
    rowLabel: row.label,
    context,
    unit,
    hidden: hidden?.has(row.index) ?? false,
  });
  const partRef = (row: AnnexRow, k: AmountColumn): PartRef => ({
    row: grid.origin.row + row.index + 1,
    cell: cellAddress(grid, row.index, cols[k]!),
    label: row.label,
    ...(hidden?.has(row.index) ? { hidden: true } : {}),
  });

  /** Sum of the row's total parts, or null when one of them cannot be read. */
  const rowSum = (row: AnnexRow, except?: AmountColumn): Money | null => {
    let sum = 0;
    for (const k of totalParts) {
      if (k === except) continue;
      const x = v(row, k);
      if (x === 'unreadable') return null;
      if (x) sum += x;
    }
    return isExact(sum) ? sum : null;
  };

  // The rules of one row (8, 2, 1, 5 and 6), in a single pass: a 100 000-row annex is walked once.
  const rowTotals = new Map<number, RawFinding>();
  const coFin = new Map<number, RawFinding>();
  const capped = new Map<number, Array<{ finding: RawFinding; column: AmountColumn; max: AmountColumn }>>();
  const { state, departement } = template.coFinancing;
  const caps = template.capped.filter((cap) => cols[cap.column] !== undefined && cols[cap.max] !== undefined);
  const checksCodes = cols.imputation !== undefined;
  // A stored formula result its formula no longer gives: « formule non recalculée ».
  const keyOfCol = new Map(amountCols.map((k) => [cols[k]!, k]));
  for (const cell of stale) {
    const row = rowByIndex[cell.gridRow];
    const k = keyOfCol.get(cell.gridCol);
    if (!row || !k || row.kind === 'unclassified') continue;
    findings.push(make('STALE_FORMULA', row, k, cell.gridCol, cell.computed, cell.stored, { type: 'stale', formula: cell.formula }));
  }
  for (const row of table.rows) {
    // A row the check cannot name is not checked (a notice says so).
    if (row.kind === 'unclassified') continue;
    const amounts = row.amounts;
    // Rule 8: a cell that is not an amount, reported once where it is.
    for (const k of amountCols) {
      const a = amounts[k];
      if (a && a.kind === 'unreadable') {
        findings.push(make('UNREADABLE_AMOUNT', row, k, cols[k]!, null, null, { type: 'unreadable', reason: a.reason, shown: a.shown }));
      }
    }
    if (row.kind === 'themeHeader') continue;

    // Rule 2: F = A + B + C + D + E on every row.
    if (hasTotal) {
      const f = v(row, totalCol);
      const sum = f === 'unreadable' || f === null ? null : rowSum(row);
      if (typeof f === 'number' && sum !== null && sum !== f) {
        const finding = make('ROW_TOTAL', row, totalCol, cols[totalCol]!, sum, f, { type: 'rowTotal', parts: totalParts });
        findings.push(finding);
        rowTotals.set(row.index, finding);
      }
    }
    if (row.kind !== 'action') continue;

    // Rule 1: the State's share is matched by the département's, on action rows.
    const a = v(row, state);
    const c = v(row, departement);
    if (typeof a === 'number' && typeof c === 'number' && a !== c) {
      const finding = make('A_NEQ_C', row, departement, cols[departement]!, a, c, { type: 'coFinancing', state: a, departement: c });
      findings.push(finding);
      coFin.set(row.index, finding);
    }

    // Rule 5: dont valorisation CD ≤ C.
    for (const cap of caps) {
      const x = v(row, cap.column);
      const max = v(row, cap.max);
      if (typeof x !== 'number' || typeof max !== 'number') continue;
      // A blank or zero valued share exceeds nothing, even when C is negative (a reversal).
      if (x === 0) continue;
      if (x > max) {
        const finding = make('VALORISATION_EXCEEDS_C', row, cap.column, cols[cap.column]!, max, x, { type: 'cap', max, maxColumn: cap.max });
        findings.push(finding);
        capped.set(row.index, [...(capped.get(row.index) ?? []), { finding, column: cap.column, max: cap.max }]);
      }
    }

    // Rule 6: every action row with money on it carries its Chorus code.
    if (checksCodes && row.imputation.state === 'missing') {
      const hasMoney = amountCols.some((k) => {
        const x = v(row, k);
        return typeof x === 'number' && x !== 0;
      });
      if (hasMoney) {
        findings.push(
          make('MISSING_IMPUTATION', row, 'imputation', cols.imputation!, null, null, { type: 'imputation', code: null, source: null, candidates: [] }),
        );
      }
    }
  }

  // Rules 3 and 4: every total equals, column by column, its parts as printed.
  const vertical = new Map<string, RawFinding>();
  const blockSums = tableSums(table, amountCols);
  const parentOf: TotalGroup[] = []; // grid row → the total it is a part of
  for (const group of table.groups) {
    for (const p of group.parts) parentOf[p] ??= group;
    if (group.unchecked !== undefined) continue;
    const total = rowByIndex[group.total];
    const rule: RuleCode = group.kind === 'subtotal' ? 'SUBTOTAL' : group.kind === 'grandTotal' ? 'GRAND_TOTAL' : 'SECTION_TOTAL';
    const sums = blockSums.ofIndexes(group.parts);
    for (const k of amountCols) {
      const printed = v(total, k);
      if (printed === 'unreadable' || printed === null) continue;
      const sum = sums[k];
      if (sum === null || sum === undefined || sum === printed) continue;
      const fromActions = group.actionRows === group.parts ? sum : sumOf(group.actionRows, k);
      const finding = make(rule, total, k, cols[k]!, sum, printed, {
        type: 'sum',
        parts: group.parts.map((p) => partRef(rowByIndex[p], k)),
        offParts: [],
        equalsActionRows: fromActions !== null && group.actionRows !== group.parts && fromActions === printed,
      });
      findings.push(finding);
      vertical.set(`${total.index}:${k}`, finding);
    }
  }
  function sumOf(rows: number[], k: AmountColumn): Money | null {
    let sum = 0;
    for (const r of rows) {
      const x = v(rowByIndex[r], k);
      if (x === 'unreadable') return null;
      if (x) sum += x;
      if (!isExact(sum)) return null;
    }
    return sum;
  }
  // One wrong figure, one finding on its row.
  const dropped = new Set<RawFinding>();
  const implied = (row: AnnexRow, k: AmountColumn): Money | null => {
    const f = v(row, totalCol);
    if (k === totalCol) return rowSum(row);
    const others = rowSum(row, k);
    return typeof f === 'number' && others !== null ? f - others : null;
  };
  for (const [index, rowTotal] of rowTotals) {
    const row = rowByIndex[index];
    // (a) The row's own total check already names the wrong figure: F ≠ A+…+E is the same error.
    const ownHit = [totalCol, ...totalParts].some((k) => {
      const own = vertical.get(`${index}:${k}`);
      const guess = implied(row, k);
      return own !== undefined && own.expected !== null && guess !== null && own.expected === guess;
    });
    if (ownHit) {
      dropped.add(rowTotal);
      continue;
    }
    // (b) The total above the row is off by exactly what one cell of the row is off by:
    //     that cell is the wrong figure, so the row's finding moves there.
    const parent = parentOf[index];
    if (!parent) continue;
    const candidates = [totalCol, ...totalParts].filter((k) => {
      const above = vertical.get(`${parent.total}:${k}`);
      const printed = v(row, k);
      const guess = implied(row, k);
      if (!above || above.difference === null || typeof printed !== 'number' || guess === null) return false;
      // The total is short by what the row has too much (difference = printed total − sum).
      return above.difference === guess - printed;
    });
    if (candidates.length !== 1) continue;
    const k = candidates[0];
    const printed = v(row, k) as Money;
    const guess = implied(row, k)!;
    Object.assign(rowTotal, {
      column: k,
      gridCol: cols[k]!,
      cell: cellAddress(grid, index, cols[k]!),
      expected: guess,
      actual: printed,
      difference: printed - guess,
      // Landing on F itself is no move: the plain "A+B+C+D+E =" message says it.
      context: k === totalCol ? { type: 'rowTotal', parts: totalParts } : { type: 'rowTotal', parts: totalParts, relocatedFrom: cellAddress(grid, index, cols[totalCol]!) },
    });
    // The co-financing gap came from the same figure: once it is right, A = C again.
    const cf = coFin.get(index);
    if (cf && (k === state || k === departement)) {
      const a = k === state ? guess : (v(row, state) as Money);
      const c = k === departement ? guess : (v(row, departement) as Money);
      if (a === c) dropped.add(cf);
    }
    // Likewise a cap broken only because of that figure.
    for (const cap of capped.get(index) ?? []) {
      if (k !== cap.max) continue;
      const x = v(row, cap.column) as Money;
      if (!(x > guess)) dropped.add(cap.finding);
    }
  }

  let kept = findings.filter((f) => !dropped.has(f));
  // Name, in each total's finding, the parts that are reported themselves in that column.
  const reportedCells = new Set(kept.map((f) => f.cell));
  for (const f of kept) {
    if (f.context.type === 'sum') f.context.offParts = f.context.parts.filter((p) => reportedCells.has(p.cell));
  }
  // Two rules on one cell that expect the same figure say one thing.
  const byCell = new Map<string, RawFinding[]>();
  for (const f of kept) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  kept = kept.filter((f) =>
    !(byCell.get(f.cell) ?? []).some(
      (g) =>
        g !== f &&
        RULE_PRIORITY[g.rule] < RULE_PRIORITY[f.rule] &&
        g.expected !== null && f.expected !== null && g.expected === f.expected,
    ),
  );
  return kept.sort((x, y) => x.gridRow - y.gridRow || x.gridCol - y.gridCol || RULE_PRIORITY[x.rule] - RULE_PRIORITY[y.rule]);
}
