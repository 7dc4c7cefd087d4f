/**
 * The engine's entry points: a sheet (or a workbook) in, the tables found, their rows, the
 * findings and the fill plan out. Pure: no Office.js, no files.
 */
import { Fill, Finding, Notice, Proposal } from './findings';
import { SheetGrid, WorkbookGrid } from './grid';
import { TableLayout, locateTables } from './layout';
import { MergeIndex } from './merges';
import { Lang, withMessage } from './messages';
import { ClassifiedTable, classifyRows } from './rows';
import { checkTable } from './checks';
import { planFills } from './fills';
import { AnnexTemplate, CALPAE_TEMPLATE } from './template';
import { cellAddress } from './grid';
import { isSummaryGrid, summaryIsNotAnnexMessage } from './summaryMarker';
import { AmountUnit, UnitInfo, decimalsOf, detectUnit } from './units';
import { recalculate } from './recalc';
import { explainFormulas } from './formulaNotes';
import { tableNotices } from './notices';

export interface AnalyzeOptions {
  lang?: Lang;
  template?: AnnexTemplate;
}

export interface TableReport {
  layout: TableLayout;
  /** A1 address of the header's top-left cell, for messages. */
  headerCell: string;
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
  /** True when at least one annex table was found. */
  isAnnex: boolean;
  tables: TableReport[];
  /** All tables' findings, fills and proposals, in sheet order. */
  findings: Finding[];
  fills: Fill[];
  proposals: Proposal[];
  notices: Notice[];
  /** For a sheet that is not an annex: what was looked for, in plain words. */
  message?: string;
}

export function notAnnexMessage(sheet: string, lang: Lang): string {
  return lang === 'fr'
    ? `Aucune annexe 9 trouvée dans la feuille « ${sheet} » : le contrôle cherche une ligne d'en-tête où figurent au moins trois colonnes de montants, dont « Participation État » (A) et « Crédits CD affectés » (C), avec par exemple « Crédits Etat reportés » (B) et « Budget global de l'action » (F). Ouvrez la feuille du tableau financier récapitulatif, ou vérifiez que l'en-tête n'a pas été supprimé.`
    : `No annex 9 found in sheet "${sheet}": the check looks for a header row naming at least three amount columns, including "Participation État" (A) and "Crédits CD affectés" (C), with for instance "Crédits Etat reportés" (B) and "Budget global de l'action" (F). Open the financial summary sheet, or check that its header was not deleted.`;
}

const COLUMN_NAMES: Record<string, Record<Lang, string>> = {
  A: { fr: 'A (Participation État)', en: 'A (State share)' },
  B: { fr: 'B (Crédits État reportés)', en: 'B (State carry-over)' },
  C: { fr: 'C (Crédits CD affectés)', en: 'C (département credits)' },
  valorisation: { fr: 'Dont valorisation CD', en: 'Valued share' },
  D: { fr: 'D (Crédits CD reportés)', en: 'D (département carry-over)' },
  E: { fr: "E (Participation d'autres financeurs)", en: 'E (other funders)' },
  F: { fr: "F (Budget global de l'action)", en: 'F (total budget)' },
};

export function analyzeSheet(grid: SheetGrid, options: AnalyzeOptions = {}): SheetReport {
  const lang = options.lang ?? 'fr';
  const template = options.template ?? CALPAE_TEMPLATE;
  const merges = new MergeIndex(grid);
  const layouts = locateTables(grid, template, merges);
  const report: SheetReport = {
    sheet: grid.name,
    isAnnex: layouts.length > 0,
    tables: [],
    findings: [],
    fills: [],
    proposals: [],
    notices: [],
  };
  if (layouts.length === 0) {
    report.message = notAnnexMessage(grid.name, lang);
    return report;
  }
  // Our own summary sheet repeats the annex's column labels: it is not an annex to check.
  if (isSummaryGrid(grid)) {
    report.isAnnex = false;
    report.message = summaryIsNotAnnexMessage(grid.name, lang);
    return report;
  }
  if (layouts.length > 1) {
    report.notices.push({
      code: 'SEVERAL_TABLES',
      message:
        lang === 'fr'
          ? `La feuille « ${grid.name} » contient ${layouts.length} tableaux d'annexe 9 : chacun est contrôlé séparément.`
          : `Sheet "${grid.name}" holds ${layouts.length} annex 9 tables: each is checked on its own.`,
    });
  }
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
    const headerCell = cellAddress(grid, layout.headerTop, Math.min(...Object.values(layout.columns).map((c) => c ?? 0)));
    const unit = units[i].unit;
    const classified = classifyRows(view, layout, template, merges, { decimals: decimalsOf(unit) });
    const raw = checkTable({ grid: view, layout, template, table: classified, unit, hidden, stale: recalc.stale });
    explainFormulas(raw, { grid: view, layout, template, table: classified, hidden });
    const plan = planFills(view, template, classified, raw, { lang, merges });
    const findings = raw.map((f) => withMessage(f, lang));
    const counts: Partial<Record<string, number>> = {};
    for (const r of classified.rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    const count = (k: string) => counts[k] ?? 0;
    report.tables.push({
      layout,
      headerCell,
      unit,
      unitSaid: units[i],
      classified,
      findings,
      fills: plan.fills,
      proposals: plan.proposals,
      stats: { actions: count('action'), placeholders: count('placeholder'), subtotals: count('subtotal') },
      bodyRows: classified.rows.length
        ? { first: grid.origin.row + classified.rows[0].index + 1, last: grid.origin.row + classified.rows[classified.rows.length - 1].index + 1 }
        : null,
    });
    report.findings.push(...findings);
    report.fills.push(...plan.fills);
    report.proposals.push(...plan.proposals);
    for (const k of layout.missingColumns) {
      report.notices.push({
        code: 'MISSING_COLUMN',
        message:
          lang === 'fr'
            ? `Tableau en ${headerCell} : colonne ${COLUMN_NAMES[k]?.fr ?? k} introuvable ; les contrôles qui en dépendent sont faits sans elle.`
            : `Table at ${headerCell}: column ${COLUMN_NAMES[k]?.en ?? k} not found; checks that need it run without it.`,
      });
    }
    if (layout.columns.imputation === undefined) {
      report.notices.push({
        code: 'NO_IMPUTATION_COLUMN',
        message:
          lang === 'fr'
            ? `Tableau en ${headerCell} : pas de colonne « Imputation chorus » ; les codes ne sont ni contrôlés ni complétés.`
            : `Table at ${headerCell}: no "Imputation chorus" column; codes are neither checked nor filled.`,
      });
    }
    if (!classified.rows.some((r) => r.kind === 'grandTotal')) {
      report.notices.push({
        code: 'NO_GRAND_TOTAL',
        message:
          lang === 'fr'
            ? `Tableau en ${headerCell} : pas de ligne « TOTAUX FINANCIERS » ; le total général n'est pas contrôlé.`
            : `Table at ${headerCell}: no "TOTAUX FINANCIERS" row; the grand total is not checked.`,
      });
    }
    const computed = recalc.computed.filter((c) => c.gridRow >= layout.dataStart && c.gridRow < classified.end && amountColsOf(layout).includes(c.gridCol));
    report.notices.push(...tableNotices({ grid, headerCell, layout, table: classified, unit: units[i], computed: computed.map((c) => cellAddress(grid, c.gridRow, c.gridCol)), lang }));
  });
  return report;
}

export interface WorkbookReport {
  /** Reports of the annex sheets checked (one, or the one named). */
  sheets: SheetReport[];
  /** Set when nothing could be checked: the named sheet is missing, or no sheet is an annex. */
  error?: string;
}

/** Check the named sheet, or every sheet that holds an annex table. */
export function analyzeWorkbook(workbook: WorkbookGrid, options: AnalyzeOptions & { sheet?: string } = {}): WorkbookReport {
  const lang = options.lang ?? 'fr';
  if (options.sheet !== undefined) {
    const wanted = options.sheet.trim().toLowerCase();
    const grid = workbook.sheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!grid) {
      const names = workbook.sheets.map((s) => `« ${s.name} »`).join(', ');
      return {
        sheets: [],
        error:
          lang === 'fr'
            ? `La feuille « ${options.sheet} » n'existe pas dans ce classeur (feuilles : ${names || 'aucune'}).`
            : `Sheet "${options.sheet}" does not exist in this workbook (sheets: ${names || 'none'}).`,
      };
    }
    const report = analyzeSheet(grid, options);
    return report.isAnnex ? { sheets: [report] } : { sheets: [], error: report.message };
  }
  const reports = workbook.sheets.map((s) => analyzeSheet(s, options));
  const annexes = reports.filter((r) => r.isAnnex);
  if (annexes.length === 0) {
    const names = workbook.sheets.map((s) => `« ${s.name} »`).join(', ');
    return {
      sheets: [],
      error:
        lang === 'fr'
          ? `Aucune annexe 9 trouvée dans ce classeur (feuilles examinées : ${names || 'aucune'}). Le contrôle cherche une ligne d'en-tête où figurent « Participation État » (A), « Crédits CD affectés » (C) et au moins une autre colonne de montants comme « Budget global de l'action » (F).`
          : `No annex 9 found in this workbook (sheets examined: ${names || 'none'}). The check looks for a header row with "Participation État" (A), "Crédits CD affectés" (C) and at least one more amount column such as "Budget global de l'action" (F).`,
    };
  }
  return { sheets: annexes };
}
