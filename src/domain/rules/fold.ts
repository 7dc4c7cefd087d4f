/**
 * One wrong figure, one finding (docs/annexe9.md, « Un chiffre faux, une anomalie »). The rules
 * check independently, so one mistyped figure may raise several findings on its row; this pure
 * step folds them into one, placed at the figure that is wrong, and returns new findings (none is
 * changed in place):
 * - a row total whose error the row's own total check already names is dropped;
 * - when the total above the row is off by exactly what one cell of the row is off by, that cell
 *   is the wrong figure: the row total moves there, and takes with it the co-financing or cap
 *   finding that figure alone caused;
 * - each total's finding names its parts reported in that column (« En cause : F8 »);
 * - of two rules on one cell that expect the same figure, the more important one speaks.
 */
import { Finding, FindingOf, SumFinding, cellKey } from '../findings';
import { Money, mulDivMoney } from '../money';
import { AnnexRow } from '../rows';
import { AmountColumn } from '../template';
import { CheckTable } from './types';

const isSum = (f: Finding): f is SumFinding => f.rule === 'SUBTOTAL' || f.rule === 'SECTION_TOTAL' || f.rule === 'GRAND_TOTAL';

export function foldWrongFigures(findings: readonly Finding[], t: CheckTable, priority: (f: Finding) => number): Finding[] {
  const total = t.totalColumn;
  const columns = total ? [total, ...t.totalParts] : [];
  const rowOf = (f: Finding) => t.rowAt(f.at.row - t.origin.row)!;
  // Total findings by grid row and column; findings of the other rules by grid row.
  const vertical = new Map<string, SumFinding>();
  const byRow = new Map<number, Finding[]>();
  for (const f of findings) {
    const r = f.at.row - t.origin.row;
    if (isSum(f)) vertical.set(`${r}:${f.column}`, f);
    else byRow.set(r, [...(byRow.get(r) ?? []), f]);
  }
  // What a cell of the row should hold for the row to add up: F from the parts, a part from F and the others.
  const implied = (row: AnnexRow, k: AmountColumn): Money | null => {
    if (k === total) return t.rowSum(row);
    const f = t.value(row, total!);
    const others = t.rowSum(row, k);
    return typeof f === 'number' && others !== null ? f - others : null;
  };

  const replaced = new Map<Finding, Finding | null>();
  for (const f of findings) {
    if (f.rule !== 'ROW_TOTAL' || !total) continue;
    const row = rowOf(f);
    // (a) The row's own total check already names the wrong figure: F ≠ A+…+E is the same error.
    const ownHit = columns.some((k) => {
      const own = vertical.get(`${row.index}:${k}`);
      const guess = implied(row, k);
      // A total's finding always expects the sum of its parts (checkTotals skips a null sum): a null guess never equals it.
      return own?.expected === guess;
    });
    if (ownHit) {
      replaced.set(f, null);
      continue;
    }
    // (b) The total above the row is off by exactly what one cell of the row is off by.
    const parent = t.parentOf(row);
    if (!parent) continue;
    const candidates = columns.filter((k) => {
      const above = vertical.get(`${parent.total}:${k}`);
      const printed = t.value(row, k);
      const guess = implied(row, k);
      if (!above || typeof printed !== 'number' || guess === null) return false;
      // The total is short by what the row has too much (difference = printed total − sum).
      return above.difference === guess - printed;
    });
    if (candidates.length !== 1) continue;
    const k = candidates[0];
    const printed = t.value(row, k) as Money;
    const guess = implied(row, k)!;
    const moved: FindingOf<'ROW_TOTAL'> = {
      ...f,
      column: k,
      at: t.cell(row, k),
      expected: guess,
      actual: printed,
      difference: printed - guess,
      // Landing on the total itself is no move: the plain "A+B+C+D+E =" message says it.
      args: k === total ? { total, parts: f.args.parts } : { total, parts: f.args.parts, relocatedFrom: t.cell(row, total) },
    };
    replaced.set(f, moved);
    // The co-financing gap or the cap broken only because of that figure goes with it. A figure
    // mistyped in the partner's column lands on the A ≠ C finding's own cell, expecting the same
    // figure: the last step below keeps the row total there.
    for (const other of byRow.get(row.index) ?? []) {
      if (other.rule === 'A_NEQ_C' && k === other.args.state) {
        const c = t.value(row, other.args.partner) as Money;
        if (c === mulDivMoney(guess, other.args.shares.partner, other.args.shares.state)) replaced.set(other, null);
      }
      if (other.rule === 'VALORISATION_EXCEEDS_C' && k === other.args.max) {
        const x = t.value(row, other.column as AmountColumn) as Money;
        if (!(x > guess)) replaced.set(other, null);
      }
    }
  }

  const kept = findings.flatMap((f) => {
    const r = replaced.get(f);
    return r === undefined ? [f] : r === null ? [] : [r];
  });
  // Name, in each total's finding, the parts that are reported themselves in that column.
  const reported = new Set(kept.map((f) => cellKey(f.at)));
  const named = kept.map((f) => (isSum(f) ? ({ ...f, args: { ...f.args, offParts: f.args.parts.filter((p) => reported.has(cellKey(p.at))) } } as Finding) : f));
  // Two rules on one cell that expect the same figure say one thing.
  const byCell = new Map<number, Finding[]>();
  for (const f of named) byCell.set(cellKey(f.at), [...(byCell.get(cellKey(f.at)) ?? []), f]);
  return named.filter((f) => {
    // Stryker disable next-line ConditionalExpression: the findings without a figure (unreadable amount, missing code) never share a cell with a more important one that has none either
    if (f.expected === null) return true;
    return !(byCell.get(cellKey(f.at)) ?? []).some((g) => priority(g) < priority(f) && g.expected === f.expected);
  });
}
