/**
 * The fill plan for missing Chorus codes. A code is written only where nothing is in doubt: an
 * empty code cell of an action row (a title or a fiche number) inside the table, in a theme block
 * whose code is known (written or merged above it, else named by its theme's label or the
 * initiative section). Anything less certain is proposed, with the reason, never written.
 */
import { SheetGrid, cellAddress } from './grid';
import { Fill, Proposal, ProposalReason } from './findings';
import { MergeIndex } from './merges';
import { Lang } from './messages';
import { AnnexRow, ClassifiedTable } from './rows';
import { AnnexTemplate, codesForTheme } from './template';
import { RawFinding } from './checks';

export interface FillPlan {
  fills: Fill[];
  proposals: Proposal[];
}

export interface FillOptions {
  lang?: Lang;
  merges?: MergeIndex;
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

/** Why a code is not written, in the user's words. */
export function proposalWhy(reason: ProposalReason, row: number, lang: Lang): string {
  const fr = lang === 'fr';
  switch (reason) {
    case 'ambiguousTheme':
      return fr ? `ligne ${row} : le thème correspond à plusieurs imputations` : `row ${row}: the theme fits several codes`;
    case 'noTheme':
      return fr ? `ligne ${row} : aucun thème ne permet de déduire l'imputation` : `row ${row}: no theme to infer the code from`;
    case 'noTitle':
      return fr ? `ligne ${row} : ni intitulé ni numéro de fiche, est-ce bien une action ?` : `row ${row}: no title nor fiche number, is it an action?`;
    case 'outsideTable':
      return fr ? `ligne ${row} : hors du tableau de l'annexe ? (après son dernier total)` : `row ${row}: outside the annex table? (after its last total)`;
    case 'sharedMerge':
      return fr ? `ligne ${row} : la cellule d'imputation fusionnée couvre aussi des lignes qui ne sont pas des actions de ce bloc` : `row ${row}: the merged code cell also covers rows that are not actions of this block`;
  }
}

export function planFills(grid: SheetGrid, template: AnnexTemplate, table: ClassifiedTable, findings: RawFinding[], options: FillOptions = {}): FillPlan {
  const lang = options.lang ?? 'fr';
  const fills: Fill[] = [];
  const proposals: Proposal[] = [];
  const targets = new Set<string>();
  // Rows after the last total of a table with no grand total may be another block: not certain.
  const closedAt = table.hasGrandTotal ? null : table.lastTotal;
  for (const f of findings) {
    if (f.rule !== 'MISSING_IMPUTATION') continue;
    const row = rowAtIndex(table, f.gridRow)!;
    const target = row.imputation.target ?? { row: f.gridRow, col: f.gridCol };
    const cell = cellAddress(grid, target.row, target.col);
    const block = row.block !== null ? table.blocks[row.block] : null;
    const sheetRow = grid.origin.row + row.index + 1;
    const at = { cell, gridRow: target.row, gridCol: target.col, row: sheetRow };

    let code: string | null = null;
    let source: Fill['source'] | null = null;
    let reason: ProposalReason | null = null;
    let candidates: string[] = [];
    if (block?.codeText) {
      code = block.codeText;
      source = 'block';
    } else {
      const byTheme = block ? codesForTheme(template, block.themeNormalized) : [];
      const initiative = template.codes.find((c) => c.code === template.initiativeCode);
      if (byTheme.length === 1) [code, source] = [byTheme[0].label, 'theme'];
      else if (byTheme.length === 0 && row.section === 'initiative' && initiative) [code, source] = [initiative.label, 'section'];
      else if (byTheme.length > 1) [reason, candidates] = ['ambiguousTheme', byTheme.map((c) => c.label)];
      else reason = 'noTheme';
    }
    // The code is known; is the row certainly an action of this table, and the cell only its own?
    const doubt = code ? doubtAbout(row, target, table, closedAt, options.merges) : null;
    if (doubt) {
      reason = doubt;
      candidates = [code!];
      code = null;
      source = null;
    }
    if (f.context.type === 'imputation') {
      f.context.code = code;
      f.context.source = source;
      f.context.candidates = candidates;
      // Only a doubt about the row: a theme that fits several codes or none names no likely code.
      if (doubt) f.context.doubt = doubt;
    }
    // One proposal, one write per cell: rows under one empty merged code cell share it.
    if (reason && !proposals.some((p) => p.cell === cell)) proposals.push({ ...at, candidates, reason, why: proposalWhy(reason, sheetRow, lang) });
    if (code && source && !targets.has(cell)) {
      targets.add(cell);
      fills.push({ ...at, code, source });
    }
  }
  return { fills, proposals };
}

/** What keeps a code from being written on this row, or null when nothing does. */
function doubtAbout(row: AnnexRow, target: { row: number; col: number }, table: ClassifiedTable, closedAt: number | null, merges?: MergeIndex): ProposalReason | null {
  if (row.kind !== 'action') return 'noTitle';
  if (!row.fiche && !row.label) return 'noTitle';
  if (closedAt !== null && row.index > closedAt) return 'outsideTable';
  if (row.index >= table.end) return 'outsideTable';
  // A merged code cell is written once for all the rows it covers: each must be an action of the block.
  const area = merges?.areaAt(target.row, target.col);
  if (area) {
    for (let r = area.top; r <= area.bottom; r++) {
      const other = rowAtIndex(table, r);
      if (!other) continue; // a blank row inside the merge
      if ((other.kind !== 'action' && other.kind !== 'placeholder') || other.block !== row.block || (!other.label && !other.fiche)) return 'sharedMerge';
    }
  }
  return null;
}
