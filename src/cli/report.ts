/**
 * Rendering of check results for the terminal (French first) and as the stable JSON interface.
 * The engine's report is data; its text is rendered here, in the language asked for.
 */
import { SheetReport, WorkbookReport, analyzeWorkbook } from '../domain/analyze';
import { WorkbookGrid, columnLetters } from '../domain/grid';
import { Proposal, cellName } from '../domain/findings';
import { RULES, ruleTitle } from '../domain/rules/registry';
import { AnnexTemplate } from '../domain/template';
import { FindingView, findingText, findingView, noticeText, problemText, proposalWhy } from '../domain/words/render';
import { Lang } from '../domain/words/types';
import { terminalLine } from './terminalText';

/** One element of `annex9 check --json`: a stable interface, other tools read it. */
export interface JsonSheetReport {
  file: string;
  sheet: string;
  /** Unit of the sheet's (first) table: `€`, or `k€` when it says « en milliers d'euros ». */
  unit: string;
  /** Amounts in `unit`, with the decimals the sheet has; difference = actual − expected. */
  findings: FindingView[];
  fills: Array<{ cell: string; code: string; source: string }>;
  /** Codes not written, with why (« ligne 61 : hors du tableau de l'annexe ? »). */
  proposals: Array<{ cell: string; row: number; candidates: string[]; reason: string; why: string }>;
  notices: Array<{ code: string; message: string }>;
}

export function toJson(file: string, report: SheetReport, lang: Lang = 'fr'): JsonSheetReport {
  return {
    file,
    sheet: report.sheet,
    unit: report.tables[0]?.unit ?? '€',
    findings: report.findings.map((f) => findingView(f, lang, report.template)),
    fills: report.fills.map((f) => ({ cell: f.cell, code: f.code, source: f.source })),
    proposals: report.proposals.map((p) => ({ cell: p.cell, row: p.row, candidates: p.candidates, reason: p.reason, why: proposalWhy(p, lang) })),
    notices: report.notices.map((n) => ({ code: n.code, message: noticeText(n, lang, report.template) })),
  };
}

/** The workbook checked, with why nothing could be, in the language asked for (the command line's view). */
export function checkWorkbook(grids: WorkbookGrid, options: { sheet?: string; lang: Lang; template?: AnnexTemplate }): WorkbookReport & { error?: string } {
  const result = analyzeWorkbook(grids, { sheet: options.sheet, template: options.template });
  return result.problem ? { ...result, error: problemText(result.problem, options.lang, result.template) } : result;
}

/** The terminal report's own words, one table per language. */
interface ReportWords {
  table(sheet: string, header: string, span: string, rows: string, actions: number, placeholders: number, subtotals: number): string;
  bodyRows(first: number, last: number): string;
  noBody: string;
  none: string;
  count(n: number): string;
  fills(n: number): string;
  proposals(n: number): string;
  or: string;
  noTheme: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const WORDS: Record<Lang, ReportWords> = {
  fr: {
    table: (sheet, header, span, rows, actions, placeholders, subtotals) =>
      `Feuille «\u00a0${sheet}\u00a0», tableau en ${header} (colonnes ${span}, ${rows})\u00a0: ${plural(actions, 'action', 'actions')}, ${plural(placeholders, 'ligne modèle vide', 'lignes modèles vides')}, ${plural(subtotals, 'sous-total', 'sous-totaux')}.`,
    bodyRows: (first, last) => `lignes ${first} à ${last}`,
    noBody: 'aucune ligne sous l’en-tête',
    none: 'Aucune anomalie.',
    count: (n) => `${plural(n, 'anomalie', 'anomalies')}\u00a0:`,
    fills: (n) => `Imputations Chorus à compléter (${n})\u00a0:`,
    proposals: (n) => `Imputations à choisir (${n})\u00a0:`,
    or: ' ou ',
    noTheme: 'aucun thème reconnu',
  },
  en: {
    table: (sheet, header, span, rows, actions, placeholders, subtotals) =>
      `Sheet "${sheet}", table at ${header} (columns ${span}, ${rows}): ${plural(actions, 'action', 'actions')}, ${plural(placeholders, 'empty template row', 'empty template rows')}, ${plural(subtotals, 'subtotal', 'subtotals')}.`,
    bodyRows: (first, last) => `rows ${first} to ${last}`,
    noBody: 'no row under the header',
    none: 'No finding.',
    count: (n) => `${plural(n, 'finding', 'findings')}:`,
    fills: (n) => `Chorus codes to fill (${n}):`,
    proposals: (n) => `Chorus codes to choose (${n}):`,
    or: ' or ',
    noTheme: 'no theme recognised',
  },
};

/** A proposal's line: the candidates, and why the code is not written when the row is in doubt. */
function proposalLine(p: Proposal, w: ReportWords, lang: Lang): string {
  const what = p.candidates.length ? terminalLine(p.candidates.join(w.or)) : w.noTheme;
  return `  ${p.cell.padEnd(6)} ${what}${p.reason === 'ambiguousTheme' || p.reason === 'noTheme' ? '' : ` — ${terminalLine(proposalWhy(p, lang))}`}`;
}

/** A readable report of one sheet, for a terminal: every text from the workbook on one line, without controls. */
export function toText(file: string, report: SheetReport, lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [];
  const sheet = terminalLine(report.sheet);
  const { origin } = report;
  for (const table of report.tables) {
    const rows = table.bodyRows ? w.bodyRows(table.bodyRows.first, table.bodyRows.last) : w.noBody;
    const cols = Object.values(table.layout.columns).map((c) => c ?? 0);
    const span = `${columnLetters(origin.col + Math.min(...cols))}:${columnLetters(origin.col + Math.max(...cols))}`;
    out.push(w.table(sheet, cellName(table.header), span, rows, table.stats.actions, table.stats.placeholders, table.stats.subtotals));
  }
  for (const n of report.notices) out.push(`  ! ${terminalLine(noticeText(n, lang, report.template))}`);
  const count = report.findings.length;
  out.push(count === 0 ? w.none : w.count(count));
  for (const rule of RULES) {
    const fs = report.findings.filter((f) => f.rule === rule);
    if (fs.length === 0) continue;
    out.push('', `${ruleTitle(rule, lang, report.template, fs)} (${fs.length}) [${rule}]`);
    // The cell opens the line: the message does not name it again.
    for (const f of fs) out.push(`  ${cellName(f.at).padEnd(6)} ${terminalLine(findingText(f, lang, report.template, { cell: f.at }))}`);
  }
  if (report.fills.length > 0) {
    out.push('', w.fills(report.fills.length));
    for (const fill of report.fills) out.push(`  ${fill.cell.padEnd(6)} ${terminalLine(fill.code)}`);
  }
  if (report.proposals.length > 0) {
    out.push('', w.proposals(report.proposals.length));
    for (const p of report.proposals) out.push(proposalLine(p, w, lang));
  }
  return out.join('\n');
}
