/**
 * The fill plan for missing Chorus codes, read from the MISSING_IMPUTATION findings (their rule,
 * rules/imputation.ts, decided each code and how certain it is): a code is written only where
 * nothing is in doubt — an empty code cell of an action row of the table, in a theme block whose
 * code is known; anything less certain is proposed, with the reason, never written. One write
 * and one proposal per cell: rows under one empty merged code cell share it.
 */
import { CellRef, Fill, Finding, Proposal, cellName, sheetRow } from './findings';

export interface FillPlan {
  fills: Fill[];
  proposals: Proposal[];
}

export function planFills(findings: readonly Finding[], origin: CellRef): FillPlan {
  const fills: Fill[] = [];
  const proposals: Proposal[] = [];
  const written = new Set<string>();
  const proposed = new Set<string>();
  for (const f of findings) {
    if (f.rule !== 'MISSING_IMPUTATION') continue;
    const { code, source, candidates, doubt, target } = f.args;
    const cell = cellName(target);
    const at = { cell, gridRow: target.row - origin.row, gridCol: target.col - origin.col, row: sheetRow(f.at) };
    if (doubt && !proposed.has(cell)) {
      proposed.add(cell);
      proposals.push({ ...at, candidates, reason: doubt });
    }
    if (code && source && !written.has(cell)) {
      written.add(cell);
      fills.push({ ...at, code, source });
    }
  }
  return { fills, proposals };
}
