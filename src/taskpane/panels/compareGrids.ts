/**
 * « Comparer avec… » (issue 16), the pane's side of the engine: two sheets read as grids (the
 * checked sheet, and another sheet of the workbook or of a file) checked and compared, as
 * `annex9 compare` does. Pure: loaded with the comparison panel, not with the pane.
 */
import { analyzeSheet } from '../../domain/analyze';
import { CompareMode, CompareResult, compareTables } from '../../domain/compare/compare';
import { NotifiedCents } from '../../domain/compare/execution';
import { comparableFromReport } from '../../domain/compare/fromReport';
import { COMPARISON_MARKER_COLUMN, COMPARISON_MARKER_TOKEN } from '../../domain/compare/sheetPlan';
import { SheetGrid, getCell } from '../../domain/grid';
import { Lang } from '../../domain/messages';
import { afterColon, problemText } from '../../domain/words/render';
import { isSummaryGrid } from '../../domain/summary';

export interface Side {
  grid: SheetGrid;
  /** The workbook file it comes from; null for a sheet of the open workbook. */
  file: string | null;
}

export type CompareOutcome = { ok: true; result: CompareResult } | { ok: false; message: string };

function isOurSheet(grid: SheetGrid): boolean {
  if (isSummaryGrid(grid)) return true;
  return getCell(grid, 0 - grid.origin.row, COMPARISON_MARKER_COLUMN - grid.origin.col)?.value === COMPARISON_MARKER_TOKEN;
}

function table(side: Side, lang: Lang): { ok: true; t: ReturnType<typeof comparableFromReport> } | { ok: false; message: string } {
  const fr = lang === 'fr';
  const where = `${side.file ? `${side.file}, ` : ''}${fr ? 'feuille' : 'sheet'} «\u00a0${side.grid.name}\u00a0»`;
  if (isOurSheet(side.grid)) {
    return { ok: false, message: fr ? `${where}\u00a0: feuille produite par le contrôle de l’annexe 9 (synthèse ou comparaison), ce n’est pas une annexe.` : `${where}: a sheet made by the annex 9 check (summary or comparison), not an annex.` };
  }
  const report = analyzeSheet(side.grid);
  if (!report.isAnnex) return { ok: false, message: `${where}${fr ? '\u00a0:' : ':'} ${report.problem ? afterColon(problemText(report.problem, lang, report.template), lang) : ''}` };
  return { ok: true, t: comparableFromReport(side.grid, report, report.tables[0], { file: side.file }) };
}

/**
 * Compare `old` with `neu` (the second is the execution table when `mode` says so, or when
 * recognised); `notified`: what the State paid per code (the convention's confirmed amounts).
 */
export function compareGrids(old: Side, neu: Side, mode: CompareMode | 'auto', lang: Lang, notified: NotifiedCents[] = []): CompareOutcome {
  const a = table(old, lang);
  if (!a.ok) return a;
  const b = table(neu, lang);
  if (!b.ok) return b;
  return { ok: true, result: compareTables(a.t, b.t, { mode, notified }) };
}

/** The sheets of a workbook file that hold an annex (our own sheets left out). */
export function annexSheetsOf(grids: SheetGrid[]): SheetGrid[] {
  return grids.filter((g) => !isOurSheet(g) && analyzeSheet(g).isAnnex);
}
