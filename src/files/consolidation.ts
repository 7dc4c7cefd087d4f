/**
 * The consolidation workbook (`annex9 check DOSSIER --out consolidation.xlsx`): the rows of
 * consolidationRows.ts on one sheet, French headers, amounts as numbers in a € format, a total row
 * whose formulas Excel recomputes (their results written too, exact), a filter on the headers,
 * frozen panes. It carries a marker so that a later check of the same folder knows it for ours
 * and does not take it for an annex that could not be read.
 */
import * as ExcelJS from 'exceljs';
import { RULES, ruleTitle } from '../domain/rules/registry';
import { columnLetters } from '../domain/grid';
import { SUMMARY_FORMATS, formatGeneratedAt } from '../domain/summary';
import { AnnexTemplate, CALPAE_TEMPLATE } from '../domain/template';
import { ConsolidationRow, Money, codeColumns, columnTotal } from './consolidationRows';

export const CONSOLIDATION_SHEET = 'Consolidation annexes 9';
/** A hidden cell of row 1 says the workbook is ours. */
const MARKER_COLUMN = 256;
const MARKER_TOKEN = 'annex9:consolidation:1';
/** Title, explanation, then the column headers on row 3. */
const HEADER_ROW = 3;

type Kind = 'text' | 'amount' | 'count';
interface Column {
  header: string;
  width: number;
  kind: Kind;
  value: (row: ConsolidationRow) => string | number | Money | null;
}

/** « 0304 50 19 19 03 - 1er accueil social inconditionnel » → « 1er accueil social inconditionnel ». */
function codeDescription(template: AnnexTemplate, code: string): string {
  const label = template.codes.find((c) => c.code === code)?.label ?? '';
  const dash = label.indexOf(' - ');
  // One apostrophe in the sheet: the typographic one of its other headers.
  return dash >= 0 ? label.slice(dash + 3).trim().replace(/'/g, '’') : '';
}

function columnsFor(rows: ConsolidationRow[], template: AnnexTemplate): Column[] {
  const withConvention = rows.some((r) => r.convention !== null);
  const columns: Column[] = [
    { header: 'Fichier', width: 34, kind: 'text', value: (r) => r.file },
    { header: 'Feuille', width: 20, kind: 'text', value: (r) => (r.sheet === null ? null : r.table ? `${r.sheet} (tableau en ${r.table})` : r.sheet) },
    { header: 'Département', width: 22, kind: 'text', value: (r) => (r.department ? `${r.department.name} (${r.department.code})` : null) },
    { header: 'Département lu dans', width: 16, kind: 'text', value: (r) => r.department?.where ?? null },
    { header: 'État', width: 13, kind: 'text', value: (r) => (r.checked ? 'contrôlé' : 'non contrôlé') },
    { header: 'Remarques', width: 40, kind: 'text', value: (r) => (r.remarks.length ? r.remarks.join('\u202f; ') : null) },
    { header: 'A – Participation de l’État (€)', width: 17, kind: 'amount', value: (r) => r.A },
    { header: 'C – Crédits du département (€)', width: 17, kind: 'amount', value: (r) => r.C },
    { header: 'F – Budget global (€)', width: 17, kind: 'amount', value: (r) => r.F },
    { header: 'A − C (€)', width: 15, kind: 'amount', value: (r) => r.gapAC },
    { header: 'Anomalies', width: 11, kind: 'count', value: (r) => (r.checked ? r.findings : null) },
    ...RULES.map((rule): Column => ({ header: ruleTitle(rule, 'fr', template), width: 13, kind: 'count', value: (r) => (r.checked ? r.byRule[rule] : null) })),
  ];
  if (withConvention) columns.push({ header: 'Écarts avec la convention', width: 13, kind: 'count', value: (r) => r.convention });
  for (const code of codeColumns(rows, template)) {
    const header = code === null ? 'A – sans imputation Chorus certaine (€)' : `A – ${code} ${codeDescription(template, code)} (€)`.replace(/ {2,}/g, ' ');
    columns.push({ header, width: 18, kind: 'amount', value: (r) => (r.checked ? (r.codesA.get(code) ?? null) : null) });
  }
  return columns;
}

export interface ConsolidationOptions {
  generatedAt: Date;
  template?: AnnexTemplate;
}

/** A new workbook holding the consolidation sheet. */
export function consolidationWorkbook(rows: ConsolidationRow[], options: ConsolidationOptions): ExcelJS.Workbook {
  const template = options.template ?? CALPAE_TEMPLATE;
  const columns = columnsFor(rows, template);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'annex9';
  const ws = workbook.addWorksheet(CONSOLIDATION_SHEET);
  const files = new Set(rows.map((r) => r.file));
  const notChecked = new Set(rows.filter((r) => !r.checked).map((r) => r.file));
  const sheets = rows.filter((r) => r.checked).length;

  ws.getCell(1, 1).value = 'Consolidation des annexes 9';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value =
    `${files.size} fichier${files.size > 1 ? 's' : ''}\u00a0: ${files.size - notChecked.size} contrôlé${files.size - notChecked.size > 1 ? 's' : ''} (${sheets} tableau${sheets > 1 ? 'x' : ''}), ` +
    `${notChecked.size} non contrôlé${notChecked.size > 1 ? 's' : ''} — produite le ${formatGeneratedAt(options.generatedAt, 'fr')} par annex9 check. ` +
    'Montants en euros, recalculés depuis les lignes d’action de chaque annexe (un tableau en milliers d’euros est converti)\u202f; ' +
    'les anomalies comptent celles du contrôle, par règle.';
  ws.getCell(2, 1).font = { italic: true };

  columns.forEach((col, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = col.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    ws.getColumn(i + 1).width = col.width;
  });
  ws.getRow(HEADER_ROW).height = 60;

  const first = HEADER_ROW + 1;
  rows.forEach((row, n) => {
    const r = first + n;
    columns.forEach((col, i) => {
      const value = col.value(row);
      if (value === null || value === undefined) return;
      const cell = ws.getCell(r, i + 1);
      if (col.kind === 'text') {
        // A string is always text to ExcelJS (a sheet named « =1+1 » stays a name).
        cell.numFmt = SUMMARY_FORMATS.text;
        cell.value = String(value);
      } else if (col.kind === 'amount') {
        cell.numFmt = SUMMARY_FORMATS.amount;
        cell.value = (value as NonNullable<Money>).toNumber();
      } else {
        cell.numFmt = SUMMARY_FORMATS.count;
        cell.value = value as number;
      }
    });
    if (!row.checked) ws.getRow(r).font = { color: { argb: 'FF9C0006' } };
  });

  // The total row: formulas, so that a reviewer who corrects or deletes a row sees the totals follow.
  const last = first + rows.length - 1;
  const totalRow = last + 1;
  ws.getCell(totalRow, 1).value = `Total (${sheets} tableau${sheets > 1 ? 'x' : ''} contrôlé${sheets > 1 ? 's' : ''})`;
  columns.forEach((col, i) => {
    if (col.kind === 'text' || rows.length === 0) return;
    const letter = columnLetters(i);
    const values = rows.map(col.value).filter((v) => v !== null && v !== undefined);
    const result = col.kind === 'amount' ? columnTotal(values as Money[])?.toNumber() ?? 0 : (values as number[]).reduce((s, v) => s + v, 0);
    const cell = ws.getCell(totalRow, i + 1);
    cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result } as ExcelJS.CellFormulaValue;
    cell.numFmt = col.kind === 'amount' ? SUMMARY_FORMATS.amount : SUMMARY_FORMATS.count;
  });
  ws.getRow(totalRow).font = { bold: true };

  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW, last), column: columns.length } };
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW, topLeftCell: `B${HEADER_ROW + 1}`, activeCell: `B${HEADER_ROW + 1}` }];
  ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` };
  ws.getCell(1, MARKER_COLUMN).value = MARKER_TOKEN;
  ws.getColumn(MARKER_COLUMN).hidden = true;
  return workbook;
}

/** A consolidation this command wrote earlier (its marker in row 1), not an annex to check. */
export function isConsolidationWorkbook(workbook: ExcelJS.Workbook): boolean {
  return workbook.worksheets.some((ws) => ws.findCell(1, MARKER_COLUMN)?.value === MARKER_TOKEN);
}
