/**
 * What the comparison needs of an analysed annex, as plain data: the State's share (A) and the
 * total (F) of each action row with their cells, column A per Chorus code, and the total A.
 */
import { readAmount } from '../amounts';
import { SheetReport } from '../analyze';
import { columnLetters } from '../grid';
import { AnnexRow } from '../rows';
import { AmountColumn, AnnexTemplate, CALPAE_TEMPLATE, parseChorusCode } from '../template';
import { Cents } from './money';

/** An amount of the annex: cents, `null` when the cell cannot be read (reported by the engine already). */
export interface AnnexAmount {
  cents: Cents | null;
  cell: string;
}

export interface AnnexActionRow {
  /** 1-based sheet row. */
  row: number;
  title: string;
  /** The « Fiche action N° » cell as written (`2.1`, `5`), or null. */
  fiche: string | null;
  code: string | null;
  A: AnnexAmount | null;
  F: AnnexAmount | null;
  /** Some amount on the row is not zero. */
  hasMoney: boolean;
}

export interface AnnexCodeFigure {
  code: string;
  cents: Cents;
  /** Column A cells it adds up, in sheet order (the first is where a finding points). */
  cells: string[];
  /** Some cell of it cannot be read: its sum is not compared. */
  unreadable: boolean;
}

export interface AnnexFigures {
  sheet: string;
  /** Total A: the TOTAUX FINANCIERS cell when the annex prints one that reads, else the action rows added up. */
  totalA: { cents: Cents; cell: string | null; printed: boolean; unreadable: boolean } | null;
  codes: AnnexCodeFigure[];
  rows: AnnexActionRow[];
}

export function annexFiguresFromReport(report: SheetReport, template: AnnexTemplate = CALPAE_TEMPLATE): AnnexFigures {
  const rows: AnnexActionRow[] = [];
  const codes = new Map<string, AnnexCodeFigure>();
  let total: AnnexFigures['totalA'] = null;
  for (const table of report.tables) {
    const origin = report.origin;
    const colOf = (k: AmountColumn) => table.layout.columns[k];
    const cellOf = (row: AnnexRow, k: AmountColumn) => {
      const c = colOf(k);
      return c === undefined ? null : `${columnLetters(origin.col + c)}${origin.row + row.index + 1}`;
    };
    const amountOf = (row: AnnexRow, k: AmountColumn): AnnexAmount | null => {
      const cell = cellOf(row, k);
      if (cell === null) return null;
      const r = row.amounts[k] ?? readAmount(null);
      return { cents: r.kind === 'unreadable' ? null : r.value, cell };
    };
    // The code a row is paid on, as the summary sheet counts it: its own, else the one the fill
    // plan writes (certain only), else for a template row its block's.
    const filled = new Map<number, string>();
    for (const f of table.findings) {
      if (f.rule === 'MISSING_IMPUTATION' && f.args.code) {
        const code = parseChorusCode(template, f.args.code);
        if (code) filled.set(f.at.row - origin.row, code);
      }
    }
    let sumA = 0;
    let unreadableA = false;
    for (const row of table.classified.rows) {
      if (row.kind !== 'action' && row.kind !== 'placeholder') continue;
      const code =
        row.imputation.code ?? filled.get(row.index) ?? (row.kind === 'placeholder' && row.block !== null ? table.classified.blocks[row.block].code : null);
      const A = amountOf(row, 'A');
      const hasMoney = Object.values(row.amounts).some((r) => r && r.kind === 'amount' && r.value !== 0);
      if (A) {
        if (A.cents === null) unreadableA = true;
        else sumA += A.cents;
      }
      if (code && A) {
        const entry = codes.get(code) ?? { code, cents: 0, cells: [], unreadable: false };
        if (A.cents === null) entry.unreadable = true;
        else entry.cents += A.cents;
        entry.cells.push(A.cell);
        codes.set(code, entry);
      }
      if (row.kind === 'action') rows.push({ row: origin.row + row.index + 1, title: row.label, fiche: row.fiche, code, A, F: amountOf(row, 'F'), hasMoney });
    }
    const grand = table.classified.rows.find((r) => r.kind === 'grandTotal');
    const printed = grand ? amountOf(grand, 'A') : null;
    const tableTotal =
      printed && printed.cents !== null
        ? { cents: printed.cents, cell: printed.cell, printed: true, unreadable: false }
        : { cents: sumA, cell: null, printed: false, unreadable: unreadableA };
    // Several tables in one sheet: their totals add up, and a finding points at none of them.
    total = total
      ? { cents: total.cents + tableTotal.cents, cell: null, printed: total.printed && tableTotal.printed, unreadable: total.unreadable || tableTotal.unreadable }
      : tableTotal;
  }
  return { sheet: report.sheet, totalA: total, codes: [...codes.values()].sort((a, b) => a.code.localeCompare(b.code)), rows };
}
