/**
 * The fill plan for missing Chorus codes. A code is filled only when it is certain: carried from
 * its own block (the code written or merged above it), else from the theme's label or the
 * initiative section when exactly one code fits. Otherwise it is proposed, never written.
 */
import { SheetGrid, cellAddress } from './grid';
import { Fill, Proposal } from './findings';
import { AnnexRow, ClassifiedTable } from './rows';
import { AnnexTemplate, codesForTheme } from './template';
import { RawFinding } from './checks';

export interface FillPlan {
  fills: Fill[];
  proposals: Proposal[];
}

function rowAtIndex(table: ClassifiedTable, index: number): AnnexRow | undefined {
  const rows = table.rows;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows[mid].index;
    if (at === index) return rows[mid];
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export function planFills(grid: SheetGrid, template: AnnexTemplate, table: ClassifiedTable, findings: RawFinding[]): FillPlan {
  const fills: Fill[] = [];
  const proposals: Proposal[] = [];
  // Only rows with a finding are looked up, by binary search (rows are in sheet order).
  const rowByIndex = { get: (index: number) => rowAtIndex(table, index) };
  const targets = new Set<string>();
  for (const f of findings) {
    if (f.rule !== 'MISSING_IMPUTATION') continue;
    const row = rowByIndex.get(f.gridRow)!;
    const target = row.imputation.target ?? { row: f.gridRow, col: f.gridCol };
    const cell = cellAddress(grid, target.row, target.col);
    const block = row.block !== null ? table.blocks[row.block] : null;
    const sheetRow = grid.origin.row + row.index + 1;
    let fill: Fill | null = null;
    let proposal: Proposal | null = null;
    if (block?.codeText) {
      fill = { cell, gridRow: target.row, gridCol: target.col, row: sheetRow, code: block.codeText, source: 'block' };
    } else {
      const byTheme = block ? codesForTheme(template, block.themeNormalized) : [];
      if (byTheme.length === 1) {
        fill = { cell, gridRow: target.row, gridCol: target.col, row: sheetRow, code: byTheme[0].label, source: 'theme' };
      } else if (byTheme.length === 0 && row.section === 'initiative') {
        const initiative = template.codes.find((c) => c.code === template.initiativeCode);
        if (initiative) fill = { cell, gridRow: target.row, gridCol: target.col, row: sheetRow, code: initiative.label, source: 'section' };
      } else if (byTheme.length > 1) {
        proposal = { cell, gridRow: target.row, gridCol: target.col, row: sheetRow, candidates: byTheme.map((c) => c.label), reason: 'ambiguousTheme' };
      } else {
        proposal = { cell, gridRow: target.row, gridCol: target.col, row: sheetRow, candidates: [], reason: 'noTheme' };
      }
    }
    if (f.context.type === 'imputation') {
      f.context.code = fill?.code ?? null;
      f.context.source = fill?.source ?? null;
      f.context.candidates = proposal?.candidates ?? [];
    }
    // One proposal per cell, like fills: rows under one empty merged code cell share it.
    if (proposal && !proposals.some((p) => p.cell === cell)) proposals.push(proposal);
    // One write per cell: rows under one empty merged code cell share it.
    if (fill && !targets.has(cell)) {
      targets.add(cell);
      fills.push(fill);
    }
  }
  return { fills, proposals };
}
