/**
 * French typography in every words table the user reads (issue 14), scanned by one helper
 * (support/frenchTypography.ts): the engine's messages (findings in full, on the card and beside
 * their cell; notices, problems, proposals, rule titles), the command line's French output (its
 * JSON under test/golden, its text report, its help, its file advice), the summary sheet, the
 * comparison, the Office adapter's messages and errors, and the pane's panels. What is quoted from
 * the user's workbook is data and is not scanned; only our words are.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { SheetReport, analyzeSheet, findingCardText, findingText, noticeText, problemText } from '../src/domain';
import { DOCUMENT_RULES, RULES, ruleTitle } from '../src/domain/rules/registry';
import { CheckProblem, Notice, ProposalReason } from '../src/domain/findings';
import { WORDS } from '../src/domain/words';
import { SheetGrid } from '../src/domain/grid';
import { CALPAE_TEMPLATE } from '../src/domain/template';
import { buildSummary, parseNotified, planSummarySheet } from '../src/domain/summary';
import { renderComparison } from '../src/domain/compare/render';
import { officeText } from '../src/office/messages';
import { extraWords } from '../src/office/extraWords';
import { MAPPED_OFFICE_ERRORS, officeErrorMessage } from '../src/office/errors';
import { toText } from '../src/cli/report';
import { USAGE, UsageError, usageErrorText } from '../src/cli/usage';
import { FORMAT_ADVICE } from '../src/files/formats';
import { fileTooLargeMessage } from '../src/files/workbookLimits';
import { compareWords, panelWords } from '../src/taskpane/panels/words';
import { analyzeSpec, sampleSpec } from '../fixtures/sample';
import { at, put, reference, sheet } from './support/hand-table';
import { compareSpecs, executionSpec, modifiedSpec } from './compare/helpers';
import { textsOf, typographyProblems } from './support/frenchTypography';

const GOLDEN = path.join(__dirname, 'golden');

/** The user's text (every string of the sheets) and the template's codes: data, never scanned. */
function dataOf(...grids: SheetGrid[]): string[] {
  const texts = [...grids.flatMap((g) => g.rows.flatMap((r) => (r ?? []).map((c) => c?.value))), ...CALPAE_TEMPLATE.codes.map((c) => c.label)].filter((v): v is string => typeof v === 'string');
  // A code's label is shown without its number too (« Garantie d'activité… »).
  return [...texts, ...texts.flatMap((t) => (t.includes(' - ') ? [t.slice(t.indexOf(' - ') + 3)] : []))];
}

/** The hand-typed annex broken every way a rule can see (each rule's message, and its variants). */
function brokenReports(): SheetReport[] {
  const rowTotal = reference();
  put(rowTotal, 2, 'F', 210); // ROW_TOTAL on an action, and the subtotal above names it
  put(rowTotal, 6, 'F', 2100); // ROW_TOTAL on a subtotal
  const shares = reference();
  put(shares, 3, 'C', 250); // A ≠ C
  put(shares, 2, 'V', 150); // valorisation above C
  const codes = reference();
  at(codes, 3)[1] = null; // from the block
  at(codes, 5)[1] = null; // from the theme
  at(codes, 8)[1] = null;
  at(codes, 8)[3] = null; // no title: proposed
  const ambiguous = reference();
  at(ambiguous, 5)[0] = 'Maraudes mixtes et prévention spécialisée';
  at(ambiguous, 5)[1] = null;
  const unreadable = reference();
  put(unreadable, 2, 'A', 'abc');
  put(unreadable, 3, 'B', { error: '#REF!' });
  put(unreadable, 5, 'E', true);
  const totals = reference();
  put(totals, 4, 'A', 500);
  put(totals, 7, 'C', 1500);
  put(totals, 10, 'E', 10);
  const formulas = reference();
  at(formulas, 4)[10] = { value: 700, formula: 'SUM(K2:K2)' }; // stops early: formula advice
  return [rowTotal, shares, codes, ambiguous, unreadable, totals, formulas].map((body) => analyzeSheet(sheet(body)));
}

function engineTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const report of brokenReports()) {
    for (const f of report.findings) {
      const name = `${f.rule}@${f.at.row + 1}:${f.at.col + 1}`;
      out.push([`finding ${name}`, findingText(f, 'fr')], [`card ${name}`, findingCardText(f, 'fr')], [`beside its cell ${name}`, findingText(f, 'fr', undefined, { cell: f.at })]);
    }
  }
  const table = { row: 3, col: 1 };
  const notices: Notice[] = [
    { code: 'MISSING_COLUMN', table, column: 'E' },
    { code: 'NO_IMPUTATION_COLUMN', table },
    { code: 'SEVERAL_TABLES', sheet: 'Annexe 9', count: 2 },
    { code: 'NO_GRAND_TOTAL', table },
    { code: 'THOUSANDS', table, said: 'en milliers d’euros', row: 2 },
    { code: 'TABLE_ENDS', table, lastRow: 40, blockRow: 44, label: 'Signatures' },
    { code: 'ROW_READ_AS_TOTAL', row: 20, label: 'Total', as: 'subtotal', sumOf: [17, 18, 19] },
    { code: 'UNCLASSIFIED_ROW', row: 30, label: 'Total hors valorisation', totals: [40] },
    { code: 'FORMULAS_COMPUTED', table, cells: [table, { row: 4, col: 1 }] },
  ];
  for (const n of notices) out.push([`notice ${n.code}`, noticeText(n, 'fr')]);
  const problems: CheckProblem[] = [
    { kind: 'notAnnex', sheet: 'Budget' },
    { kind: 'summarySheet', sheet: 'Synthèse annexe 9' },
    { kind: 'noSuchSheet', sheet: 'Annexe', sheets: ['Budget', 'Notes'] },
    { kind: 'noAnnexInWorkbook', sheets: ['Budget'] },
  ];
  for (const p of problems) out.push([`problem ${p.kind}`, problemText(p, 'fr')]);
  for (const reason of Object.keys(WORDS.fr.doubt) as ProposalReason[]) out.push([`proposal ${reason}`, WORDS.fr.proposalWhy(reason, 61)]);
  const template = analyzeSheet(sheet(reference())).template;
  for (const rule of RULES) out.push([`title ${rule}`, ruleTitle(rule, 'fr', template)]);
  for (const rule of DOCUMENT_RULES) out.push([`title ${rule.code}`, rule.title.fr]);
  out.push(...textsOf({ kinds: WORDS.fr.kinds, unreadable: WORDS.fr.unreadable, fillSource: WORDS.fr.fillSource, doubt: WORDS.fr.doubt }, 'words'));
  return out;
}

/** Every prose string of the French goldens: what `annex9 … --json` says (messages, errors, reasons). */
async function goldenTexts(): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  const walk = (v: unknown, where: string, key = ''): void => {
    if (typeof v === 'string' && ['message', 'error', 'why'].includes(key)) out.push([where, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`, k);
  };
  for (const dir of ['sample', 'convention', 'compare', 'corpus']) {
    for (const file of (await fs.readdir(path.join(GOLDEN, dir))).filter((f) => f.endsWith('.fr.json'))) {
      walk(JSON.parse(await fs.readFile(path.join(GOLDEN, dir, file), 'utf8')), `${dir}/${file}`);
    }
  }
  return out;
}

function commandLineTexts(): Array<[string, string]> {
  const { report } = analyzeSpec(sampleSpec());
  const lines = toText('annexe.xlsx', report, 'fr').split('\n').filter((l) => l.trim());
  return [
    ...lines.map((l, i): [string, string] => [`check text line ${i + 1}`, l]),
    // The help's last line points to the English help, in English.
    ...USAGE.fr.split('\n').filter((l) => l.trim() && !l.startsWith('In English')).map((l, i): [string, string] => [`help line ${i + 1}`, l]),
    ['usage error', usageErrorText(new UsageError('Option inconnue «\u00a0--x\u00a0» pour «\u00a0compare\u00a0».', 'compare'))],
    ...Object.entries(FORMAT_ADVICE).map(([k, v]): [string, string] => [`format advice ${k}`, v]),
    ['file too large', fileTooLargeMessage(80 * 2 ** 20)],
  ];
}

function summaryTexts(): Array<[string, string]> {
  const { report } = analyzeSpec(sampleSpec());
  const notified = ['03=110000', '04=1'].map((a) => {
    const p = parseNotified(a);
    if (!p.ok) throw new Error(p.error);
    return p.value;
  });
  const plan = planSummarySheet(buildSummary(report, { workbook: 'annexe.xlsx', generatedAt: new Date(2026, 10, 26, 17, 30), notified, lang: 'fr' }));
  const out: Array<[string, string]> = [];
  plan.rows.forEach((row, r) =>
    row.cells.forEach((slot, c) => {
      const cell = slot?.cell;
      if (cell && (cell.kind === 'text' || cell.kind === 'link')) out.push([`summary ${r + 1}:${c + 1}`, cell.text]);
    }),
  );
  return out;
}

function comparisonTexts(): Array<[string, string]> {
  const versions = renderComparison(compareSpecs(sampleSpec(), modifiedSpec()), { lang: 'fr', showUnchanged: true });
  const execution = renderComparison(compareSpecs(sampleSpec(), executionSpec(), { mode: 'execution' }), { lang: 'fr' });
  return [...versions.split('\n'), ...execution.split('\n')].filter((l) => l.trim()).map((l, i): [string, string] => [`comparison line ${i + 1}`, l]);
}

function officeTexts(): Array<[string, string]> {
  const report = { marks: 3, restored: 2, kept: ['C24'], notFound: ['C30'], ignored: ['C40'], ignoredCount: 1, formatsLeft: ['C41'] };
  const args: unknown[][] = [['fr'], ['fr', 'fill'], ['fr', 'B5:C9'], ['fr', 'L51'], ['fr', '1.9'], ['fr', 3, 'Annexe 9'], ['fr', 2, ['C24'], ['C30']], ['fr', report], ['fr', 2], ['fr', 2, 1]];
  const extra: unknown[][] = [['fr', true, 'Annexe 9'], ['fr', false, 'Annexe 9'], ['fr', true, ['Comparaison'], ['Comparaison (2)']]];
  const out = [...textsOf(officeText, 'office', args), ...textsOf(extraWords, 'extra', extra)];
  for (const code of MAPPED_OFFICE_ERRORS) for (const action of ['check', 'mark', 'fill'] as const) out.push([`error ${code} ${action}`, officeErrorMessage(code, 'fr', action)]);
  out.push(['error unknown', officeErrorMessage('SomethingNew', 'fr', 'mark')]);
  return out;
}

function paneTexts(): Array<[string, string]> {
  return [...textsOf(panelWords('fr'), 'panel'), ...textsOf(compareWords('fr'), 'compare panel')];
}

describe('French typography', () => {
  let golden: Array<[string, string]>;
  beforeAll(async () => {
    golden = await goldenTexts();
  });

  it('the helper sees each fault, and passes right text', () => {
    expect(typographyProblems('Rien n’a été modifié\u00a0: relancez le contrôle\u202f; «\u00a0Effacer\u00a0» 1\u202f362\u202f035,00\u00a0€ 87,5\u202f%.')).toEqual([]);
    expect(typographyProblems("Rien n'a été modifié.")).toEqual(['straight apostrophe']);
    expect(typographyProblems('Feuille : rien')).toEqual(['plain space before : ; ! ?']);
    expect(typographyProblems('Feuille\u202f: rien')).toEqual(['narrow space before a colon (U+00A0 wanted)']);
    expect(typographyProblems('Écrire\u00a0?')).toEqual(['no-break space before ; ! ? (U+202F wanted)']);
    expect(typographyProblems('Feuille: rien')).toEqual(['no space before a colon']);
    expect(typographyProblems('Vraiment?')).toEqual(['no space before ; ! ?']);
    expect(typographyProblems('feuille « Annexe 9 »')).toEqual(['no no-break space inside « »']);
    expect(typographyProblems('«\u00a0«\u00a0Titre\u00a0»\u00a0»')).toEqual(['doubled guillemets']);
    expect(typographyProblems('total 1 362 035,00 €')).toEqual(['plain space in a number', 'plain space before € or %']);
    expect(typographyProblems('Classeur\u00a0: Aucune annexe')).toEqual(['capital after a colon: « Aucune »']);
    // The user's text is data: a label quoted, a formula, a path, or named as data.
    expect(typographyProblems("«\u00a0Fonds d'aide : 2023\u00a0» =SOMME(K5:K9;K12) <tmp>/a b.xlsx")).toEqual([]);
    expect(typographyProblems("Ligne Fonds d'aide", ["Fonds d'aide"])).toEqual([]);
  });

  it('scans enough texts of each kind to mean something', () => {
    expect(engineTexts().length).toBeGreaterThan(60);
    expect(golden.length).toBeGreaterThan(100);
    expect(commandLineTexts().length).toBeGreaterThan(40);
    expect(summaryTexts().length).toBeGreaterThan(40);
    expect(comparisonTexts().length).toBeGreaterThan(30);
    expect(officeTexts().length).toBeGreaterThan(60);
    expect(paneTexts().length).toBeGreaterThan(40);
  });

  const faults = (texts: Array<[string, string]>, data: string[] = []) => texts.map(([name, text]) => ({ name, text, problems: typographyProblems(text, data) })).filter((x) => x.problems.length);
  const sampleData = () => dataOf(analyzeSpec(sampleSpec()).grid);

  it('the engine’s messages (findings in full, on the card, beside their cell; notices, problems, proposals, titles)', () => {
    expect(faults(engineTexts())).toEqual([]);
  });

  it('the command line’s JSON (the French goldens)', () => {
    expect(faults(golden)).toEqual([]);
  });

  it('the command line’s text report, help and file advice', () => {
    expect(faults(commandLineTexts(), sampleData())).toEqual([]);
  });

  it('the summary sheet', () => {
    expect(faults(summaryTexts(), sampleData())).toEqual([]);
  });

  it('the comparison', () => {
    expect(faults(comparisonTexts(), dataOf(...[sampleSpec(), modifiedSpec(), executionSpec()].map((spec) => analyzeSpec(spec).grid)))).toEqual([]);
  });

  it('the Office adapter’s messages and errors', () => {
    expect(faults(officeTexts())).toEqual([]);
  });

  it('the pane’s panels (convention, comparison)', () => {
    expect(faults(paneTexts())).toEqual([]);
  });
});
