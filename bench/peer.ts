/**
 * The peer: the same checks as a user would write them in helper columns, computed by a
 * spreadsheet formula engine (HyperFormula). Per row `=F-SUM(A..E)`, `=A-C`, `=MAX(0,val-C)`;
 * per subtotal `=X-SUM(rows)`; per section `=X-SUMIF(labels,"Sous total",X)`; grand total.
 */
import { HyperFormula, RawCellContent } from 'hyperformula';
import { SheetGrid, getCell } from '../src/domain/grid';
import { GeneratedAnnex } from './generate';

const AMOUNTS = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'] as const;
// Peer sheet columns: label, the seven amounts, then the helper columns.
const L = 'A';
const COL: Record<(typeof AMOUNTS)[number], string> = { A: 'B', B: 'C', C: 'D', valorisation: 'E', D: 'F', E: 'G', F: 'H' };
const HELPERS = 10; // row total, A − C, valorisation cap, seven column sums
const FIRST_HELPER = 8;

export interface PeerSheet {
  data: RawCellContent[][];
  /** Sheet rows of the table's body, in order. */
  gridRows: number[];
}

/** The sheet the user would build: the table's figures (read from `grid`) and helper formulas. */
export function peerSheet(annex: GeneratedAnnex, grid: SheetGrid): PeerSheet {
  const { colOf } = annex.laid;
  const data: RawCellContent[][] = [];
  const gridRows: number[] = [];
  const at = new Map<number, number>(); // grid row → peer row (1-based)
  for (const entry of annex.structure) for (const r of entry.rows) {
    gridRows.push(r);
    at.set(r, gridRows.length);
  }
  for (const r of gridRows) {
    const row: RawCellContent[] = new Array(FIRST_HELPER + HELPERS).fill(null);
    AMOUNTS.forEach((k, i) => {
      const v = getCell(grid, r, colOf[k]!)?.value;
      row[1 + i] = typeof v === 'number' || typeof v === 'string' ? v : null;
    });
    data.push(row);
  }
  const rowTotal = (n: number) => `=${COL.F}${n}-SUM(${COL.A}${n}:${COL.C}${n},${COL.D}${n}:${COL.E}${n})`;
  let lastBlock: number[] = [];
  const sectionStart: Record<'socle' | 'initiative', number> = { socle: 1, initiative: 1 };
  const sectionRow: Record<'socle' | 'initiative', number> = { socle: 0, initiative: 0 };
  for (const entry of annex.structure) {
    const n = at.get(entry.rows[0])!;
    const row = data[n - 1];
    if (entry.kind === 'block') {
      for (const r of entry.rows) {
        const m = at.get(r)!;
        data[m - 1][FIRST_HELPER] = rowTotal(m);
        data[m - 1][FIRST_HELPER + 1] = `=${COL.A}${m}-${COL.C}${m}`;
        data[m - 1][FIRST_HELPER + 2] = `=MAX(0,${COL.valorisation}${m}-${COL.C}${m})`;
      }
      lastBlock = entry.rows.map((r) => at.get(r)!);
      continue;
    }
    if (entry.kind === 'control') continue;
    row[0] = entry.kind === 'subtotal' ? 'Sous total' : entry.kind;
    row[FIRST_HELPER] = rowTotal(n);
    AMOUNTS.forEach((k, i) => {
      const x = COL[k];
      let f: string;
      if (entry.kind === 'subtotal') f = `=${x}${n}-SUM(${x}${lastBlock[0]}:${x}${lastBlock[lastBlock.length - 1]})`;
      else if (entry.kind === 'grandTotal') f = `=${x}${n}-(${x}${sectionRow.socle}+${x}${sectionRow.initiative})`;
      else {
        const s = entry.section;
        f = `=${x}${n}-SUMIF($${L}$${sectionStart[s]}:$${L}$${n - 1},"Sous total",${x}${sectionStart[s]}:${x}${n - 1})`;
      }
      row[FIRST_HELPER + 3 + i] = f;
    });
    if (entry.kind === 'socleSubtotal' || entry.kind === 'initiativeSubtotal') {
      const s = entry.kind === 'socleSubtotal' ? 'socle' : 'initiative';
      sectionRow[s] = n;
      if (s === 'socle') sectionStart.initiative = n + 1;
    }
  }
  return { data, gridRows };
}

export interface PeerResult {
  /** Helper cells that flag a difference (|x| > 0.005, or an error). */
  flags: number;
  /** Grid rows with at least one flag. */
  flaggedRows: number[];
  formulas: number;
}

/** Build the sheet in HyperFormula, compute, read the helper columns back. */
export function runPeer(sheet: PeerSheet): PeerResult {
  const hf = HyperFormula.buildFromArray(sheet.data, { licenseKey: 'gpl-v3', maxRows: Math.max(40_000, sheet.data.length) });
  try {
    const sheetId = 0;
    const values = hf.getRangeValues({
      start: { sheet: sheetId, row: 0, col: FIRST_HELPER },
      end: { sheet: sheetId, row: sheet.data.length - 1, col: FIRST_HELPER + HELPERS - 1 },
    });
    let flags = 0;
    let formulas = 0;
    const flaggedRows: number[] = [];
    values.forEach((row, i) => {
      let flagged = false;
      row.forEach((v, j) => {
        if (sheet.data[i][FIRST_HELPER + j] === null) return;
        formulas++;
        if (typeof v === 'number' ? Math.abs(v) > 0.005 : v !== null) {
          flags++;
          flagged = true;
        }
      });
      if (flagged) flaggedRows.push(sheet.gridRows[i]);
    });
    return { flags, flaggedRows, formulas };
  } finally {
    hf.destroy();
  }
}
