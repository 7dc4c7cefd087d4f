/**
 * The consolidation of many annexes, as data: one row per file and table (one per sheet, as a rule)
 * with its département, totals A, C, F and A − C, findings by rule, and column A per Chorus code;
 * a row for each workbook that could not be checked, with why. What a regional or national
 * reviewer receiving a hundred annexes needs on one sheet. The totals are the summary sheet's
 * (recomputed from the action rows, src/domain/summary.ts), in euros: a table in thousands of
 * euros is converted, exactly, and says so. Pure: no ExcelJS, no clock.
 */
import Decimal from 'decimal.js';
import { SheetReport } from '../domain/analyze';
import { RuleCode, cellName } from '../domain/findings';
import { RULES } from '../domain/rules/registry';
import { SheetGrid } from '../domain/grid';
import { AnnexTemplate, CALPAE_TEMPLATE } from '../domain/template';
import { Amount, buildSummary } from '../domain/summary';
import { moneyDecimal } from '../domain/money';
import { Department, findDepartment } from './consolidationDepartment';

/** An amount in euros, exact; null when an amount it adds up cannot be read. */
export type Money = Decimal | null;

export interface ConsolidationRow {
  file: string;
  /** null for a workbook that could not be checked. */
  sheet: string | null;
  /** Header cell of the table, when its sheet holds several. */
  table: string | null;
  department: Department | null;
  checked: boolean;
  /** What the reader should know: k€ converted, amounts unreadable, or why the file was not checked. */
  remarks: string[];
  /** In euros; null when an amount it adds up cannot be read. */
  A: Money;
  C: Money;
  F: Money;
  gapAC: Money;
  findings: number;
  byRule: Record<RuleCode, number>;
  /** Gaps with the convention (--convention, --notified); null when none was given. */
  convention: number | null;
  /** Column A per canonical Chorus code; the key null holds the rows with no certain code. */
  codesA: Map<string | null, Money>;
}

const zeroByRule = (): Record<RuleCode, number> => Object.fromEntries(RULES.map((r) => [r, 0])) as Record<RuleCode, number>;

/** The rows of one checked sheet. */
export function consolidationRowsOf(
  file: string,
  grid: SheetGrid,
  report: SheetReport,
  options: { template?: AnnexTemplate; convention?: number | null } = {},
): ConsolidationRow[] {
  const template = options.template ?? CALPAE_TEMPLATE;
  const summary = buildSummary(report, { lang: 'fr', workbook: file, generatedAt: new Date(0), template });
  const several = report.tables.length > 1;
  return report.tables.map((table, i) => {
    const sums = summary.tables[i];
    // The engine holds cents of euros whatever the unit (a k€ table to 5 decimals): exact in euros.
    const toEuros = (m: Amount | undefined): Money => (m === undefined || m === null ? null : moneyDecimal(m, 2));
    const grand = sums.totals.grand.figures;
    const byRule = zeroByRule();
    for (const f of table.findings) byRule[f.rule]++;
    const remarks: string[] = [];
    if (table.unit === 'k€') remarks.push('tableau en milliers d’euros, converti en euros');
    const unreadable = (['A', 'C', 'F'] as const).filter((k) => grand.amounts[k] === null);
    if (unreadable.length) remarks.push(`montants illisibles\u00a0: total ${unreadable.join(', ')} non calculé`);
    if (several) remarks.push(`feuille à ${report.tables.length} tableaux`);
    const codesA = new Map<string | null, Money>();
    for (const line of sums.codes) codesA.set(line.code, toEuros(line.figures.amounts.A));
    return {
      file,
      sheet: report.sheet,
      table: several ? cellName(table.header) : null,
      department: findDepartment(grid, table.layout.headerTop, file),
      checked: true,
      remarks,
      A: toEuros(grand.amounts.A),
      C: toEuros(grand.amounts.C),
      F: toEuros(grand.amounts.F),
      gapAC: toEuros(grand.gapAC),
      findings: table.findings.length,
      byRule,
      // The convention is compared with the sheet as a whole: its count goes on the sheet's first table.
      convention: options.convention === undefined || options.convention === null ? null : i === 0 ? options.convention : 0,
      codesA,
    };
  });
}

/** The row of a workbook that could not be checked: its name and why. */
export function notCheckedRow(file: string, reason: string): ConsolidationRow {
  return {
    file,
    sheet: null,
    table: null,
    department: null,
    checked: false,
    remarks: [reason],
    A: null,
    C: null,
    F: null,
    gapAC: null,
    findings: 0,
    byRule: zeroByRule(),
    convention: null,
    codesA: new Map(),
  };
}

/** The Chorus codes to give a column: the template's, in order, then any other found, then « sans imputation ». */
export function codeColumns(rows: ConsolidationRow[], template: AnnexTemplate = CALPAE_TEMPLATE): Array<string | null> {
  const known = template.codes.map((c) => c.code);
  const found = new Set<string | null>();
  for (const r of rows) for (const k of r.codesA.keys()) found.add(k);
  const others = [...found].filter((k): k is string => k !== null && !known.includes(k)).sort();
  return [...known, ...others, ...(found.has(null) ? [null] : [])];
}

/** Exact sum of a column; null when every value is unknown. */
export function columnTotal(values: Money[]): Money {
  const known = values.filter((v): v is Decimal => v !== null);
  return known.length ? known.reduce((s, v) => s.plus(v), new Decimal(0)) : null;
}
