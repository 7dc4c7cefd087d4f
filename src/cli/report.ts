/** Rendering of check results for the terminal (French first) and as the stable JSON interface. */
import { SheetReport } from '../domain/analyze';
import { RULES } from '../domain/findings';
import { Lang, RULE_TITLES } from '../domain/messages';
import { columnLetters } from '../domain/grid';
import { amountString } from '../domain/units';
import { terminalLine } from './terminalText';

/** One element of `annex9 check --json`: a stable interface, other tools read it. */
export interface JsonSheetReport {
  file: string;
  sheet: string;
  /** Unit of the sheet's (first) table: `€`, or `k€` when it says « en milliers d'euros ». */
  unit: string;
  findings: Array<{
    rule: string;
    row: number;
    column: string;
    cell: string;
    /** Amounts in `unit`, with the decimals the sheet has; difference = actual − expected. */
    expected: string | null;
    actual: string | null;
    difference: string | null;
    unit: string;
    /** The row is hidden or filtered out. */
    hidden: boolean;
    message: string;
  }>;
  fills: Array<{ cell: string; code: string; source: string }>;
  /** Codes not written, with why (« ligne 61 : hors du tableau de l'annexe ? »). */
  proposals: Array<{ cell: string; row: number; candidates: string[]; reason: string; why: string }>;
  notices: Array<{ code: string; message: string }>;
}

export function toJson(file: string, report: SheetReport): JsonSheetReport {
  return {
    file,
    sheet: report.sheet,
    unit: report.tables[0]?.unit ?? '€',
    findings: report.findings.map((f) => ({
      rule: f.rule,
      row: f.row,
      column: f.column,
      cell: f.cell,
      expected: f.expected ? amountString(f.expected, f.unit) : null,
      actual: f.actual ? amountString(f.actual, f.unit) : null,
      difference: f.difference ? amountString(f.difference, f.unit) : null,
      unit: f.unit,
      hidden: f.hidden,
      message: f.message,
    })),
    fills: report.fills.map((f) => ({ cell: f.cell, code: f.code, source: f.source })),
    proposals: report.proposals.map((p) => ({ cell: p.cell, row: p.row, candidates: p.candidates, reason: p.reason, why: p.why })),
    notices: report.notices.map((n) => ({ code: n.code, message: n.message })),
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** A readable report of one sheet, for a terminal: every text from the workbook on one line, without controls. */
export function toText(file: string, report: SheetReport, lang: Lang): string {
  const fr = lang === 'fr';
  const out: string[] = [];
  const sheet = terminalLine(report.sheet);
  for (const table of report.tables) {
    const rows = table.bodyRows
      ? fr ? `lignes ${table.bodyRows.first} à ${table.bodyRows.last}` : `rows ${table.bodyRows.first} to ${table.bodyRows.last}`
      : fr ? 'aucune ligne sous l’en-tête' : 'no row under the header';
    const cols = table.layout.columns;
    const span = `${columnLetters(Math.min(...Object.values(cols).map((c) => c ?? 0)))}:${columnLetters(Math.max(...Object.values(cols).map((c) => c ?? 0)))}`;
    out.push(
      fr
        ? `Feuille « ${sheet} », tableau en ${table.headerCell} (colonnes ${span}, ${rows}) : ${plural(table.stats.actions, 'action', 'actions')}, ${plural(table.stats.placeholders, 'ligne modèle vide', 'lignes modèles vides')}, ${plural(table.stats.subtotals, 'sous-total', 'sous-totaux')}.`
        : `Sheet "${sheet}", table at ${table.headerCell} (columns ${span}, ${rows}): ${plural(table.stats.actions, 'action', 'actions')}, ${plural(table.stats.placeholders, 'empty template row', 'empty template rows')}, ${plural(table.stats.subtotals, 'subtotal', 'subtotals')}.`,
    );
  }
  for (const n of report.notices) out.push(`  ! ${terminalLine(n.message)}`);
  const count = report.findings.length;
  out.push(
    count === 0
      ? fr ? 'Aucune anomalie.' : 'No finding.'
      : fr ? `${plural(count, 'anomalie', 'anomalies')} :` : `${plural(count, 'finding', 'findings')}:`,
  );
  for (const rule of RULES) {
    const fs = report.findings.filter((f) => f.rule === rule);
    if (fs.length === 0) continue;
    out.push('', `${RULE_TITLES[rule][lang]} (${fs.length}) [${rule}]`);
    for (const f of fs) out.push(`  ${f.cell.padEnd(6)} ${terminalLine(f.message)}`);
  }
  if (report.fills.length > 0) {
    out.push('', fr ? `Imputations Chorus à compléter (${report.fills.length}) :` : `Chorus codes to fill (${report.fills.length}):`);
    for (const fill of report.fills) out.push(`  ${fill.cell.padEnd(6)} ${terminalLine(fill.code)}`);
  }
  if (report.proposals.length > 0) {
    out.push('', fr ? `Imputations à choisir (${report.proposals.length}) :` : `Chorus codes to choose (${report.proposals.length}):`);
    for (const p of report.proposals) {
      const what = p.candidates.length ? terminalLine(p.candidates.join(fr ? ' ou ' : ' or ')) : fr ? 'aucun thème reconnu' : 'no theme recognised';
      out.push(`  ${p.cell.padEnd(6)} ${what}${p.reason === 'ambiguousTheme' || p.reason === 'noTheme' ? '' : ` — ${terminalLine(p.why)}`}`);
    }
  }
  return out.join('\n');
}
