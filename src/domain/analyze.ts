/**
 * The engine's entry points: a sheet (or a workbook) in, the tables found, their rows, the
 * findings and the fill plan out, as data — no language: whoever shows them renders them
 * (words/render.ts). Pure: no Office.js, no files.
 */
import { CellRef, CheckProblem, Fill, Finding, Notice, Proposal } from './findings';
import { SheetGrid, WorkbookGrid } from './grid';
import { TableLayout, locateTables } from './layout';
import { MergeIndex } from './merges';
import { ClassifiedTable, classifyRows } from './rows';
import { checkTable } from './check';
import { planFills } from './fills';
import { AnnexTemplate, CALPAE_TEMPLATE } from './template';
import { isSummaryGrid } from './summaryMarker';
import { AmountUnit, UnitInfo, decimalsOf, detectUnit } from './units';
import { recalculate } from './recalc';
import { tableNotices } from './notices';

export interface AnalyzeOptions {
  template?: AnnexTemplate;
}

export interface TableReport {
  layout: TableLayout;
  /** The header's top-left cell, in sheet coordinates: the table's name (« Tableau en B5 »). */
  header: CellRef;
  /** The unit its amounts are written in, and what said so. */
  unit: AmountUnit;
  unitSaid: UnitInfo;
  classified: ClassifiedTable;
  findings: Finding[];
  fills: Fill[];
  proposals: Proposal[];
  stats: { actions: number; placeholders: number; subtotals: number };
  /** 1-based sheet rows of the first and last rows of the table body; null when it has none. */
  bodyRows: { first: number; last: number } | null;
}

export interface SheetReport {
  sheet: string;
  /** Sheet coordinates of grid (0, 0): grid rows and columns (layouts, classified rows) plus this are sheet cells. */
  origin: CellRef;
  /** The template the sheet was read with: its words name the columns and totals in messages. */
  template: AnnexTemplate;
  /** True when at least one annex table was found. */
  isAnnex: boolean;
  tables: TableReport[];
  /** All tables' findings, fills and proposals, in sheet order. */
  findings: Finding[];
  fills: Fill[];
  proposals: Proposal[];
  notices: Notice[];
  /** For a sheet that is not an annex: why (rendered as what was looked for, in plain words). */
  problem?: CheckProblem;
}

export function analyzeSheet(grid: SheetGrid, options: AnalyzeOptions = {}): SheetReport {
  const template = options.template ?? CALPAE_TEMPLATE;
  const origin: CellRef = { row: grid.origin.row, col: grid.origin.col };
  const merges = new MergeIndex(grid);
  const layouts = locateTables(grid, template, merges);
  const report: SheetReport = { sheet: grid.name, origin, template, isAnnex: layouts.length > 0, tables: [], findings: [], fills: [], proposals: [], notices: [] };
  if (layouts.length === 0) return { ...report, problem: { kind: 'notAnnex', sheet: grid.name } };
  // Our own summary sheet repeats the annex's column labels: it is not an annex to check.
  if (isSummaryGrid(grid)) return { ...report, isAnnex: false, problem: { kind: 'summarySheet', sheet: grid.name } };
  if (layouts.length > 1) report.notices.push({ code: 'SEVERAL_TABLES', sheet: grid.name, count: layouts.length });
  const hidden = new Set(grid.hiddenRows ?? []);
  // Each table's unit (a title or header saying « k€ »), then the sheet as Excel shows it once
  // recalculated: stale formula results are checked on what their formula gives.
  const units = layouts.map((layout) => {
    const above = Math.max(0, ...layouts.filter((o) => o.headerBottom < layout.headerTop).map((o) => o.headerBottom + 1));
    return detectUnit(grid, layout, template, above);
  });
  const amountColsOf = (layout: TableLayout) => template.amountColumns.map((k) => layout.columns[k]).filter((c): c is number => c !== undefined);
  const recalc = recalculate(
    grid,
    layouts.map((layout, i) => ({ rows: { start: layout.dataStart, end: layout.dataEnd }, cols: amountColsOf(layout), decimals: decimalsOf(units[i].unit) })),
  );
  const view = recalc.grid;
  layouts.forEach((layout, i) => {
    const header: CellRef = { row: origin.row + layout.headerTop, col: origin.col + Math.min(...Object.values(layout.columns).map((c) => c ?? 0)) };
    const unit = units[i].unit;
    const classified = classifyRows(view, layout, template, merges, { decimals: decimalsOf(unit) });
    const findings = checkTable({ sheet: grid.name, grid: view, layout, template, table: classified, merges, unit, hidden, stale: recalc.stale });
    const plan = planFills(findings, origin);
    const counts: Partial<Record<string, number>> = {};
    for (const r of classified.rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    const count = (k: string) => counts[k] ?? 0;
    const rows = classified.rows;
    report.tables.push({
      layout,
      header,
      unit,
      unitSaid: units[i],
      classified,
      findings,
      fills: plan.fills,
      proposals: plan.proposals,
      stats: { actions: count('action'), placeholders: count('placeholder'), subtotals: count('subtotal') },
      bodyRows: rows.length ? { first: origin.row + rows[0].index + 1, last: origin.row + rows[rows.length - 1].index + 1 } : null,
    });
    report.findings.push(...findings);
    report.fills.push(...plan.fills);
    report.proposals.push(...plan.proposals);
    const computed = recalc.computed
      .filter((c) => c.gridRow >= layout.dataStart && c.gridRow < classified.end && amountColsOf(layout).includes(c.gridCol))
      .map((c) => ({ row: origin.row + c.gridRow, col: origin.col + c.gridCol }));
    report.notices.push(...tableNotices({ origin, header, layout, table: classified, unit: units[i], computed }));
  });
  return report;
}

export interface WorkbookReport {
  /** Reports of the annex sheets checked (one, or the one named). */
  sheets: SheetReport[];
  /** Set when nothing could be checked: the named sheet is missing, or no sheet is an annex. */
  problem?: CheckProblem;
  /** The template used (for the problem's message). */
  template: AnnexTemplate;
}

/** Check the named sheet, or every sheet that holds an annex table. */
export function analyzeWorkbook(workbook: WorkbookGrid, options: AnalyzeOptions & { sheet?: string } = {}): WorkbookReport {
  const template = options.template ?? CALPAE_TEMPLATE;
  const sheets = workbook.sheets.map((s) => s.name);
  if (options.sheet !== undefined) {
    const wanted = options.sheet.trim().toLowerCase();
    const grid = workbook.sheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!grid) return { sheets: [], template, problem: { kind: 'noSuchSheet', sheet: options.sheet, sheets } };
    const report = analyzeSheet(grid, options);
    return report.isAnnex ? { sheets: [report], template } : { sheets: [], template, problem: report.problem };
  }
  const annexes = workbook.sheets.map((s) => analyzeSheet(s, options)).filter((r) => r.isAnnex);
  if (annexes.length === 0) return { sheets: [], template, problem: { kind: 'noAnnexInWorkbook', sheets } };
  return { sheets: annexes, template };
}
