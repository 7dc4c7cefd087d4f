/** The summary as data and its sheet plan, built by the engine from the sample (the seed's annex). */
import Decimal from 'decimal.js';
import {
  AnnexSummary,
  CodeLine,
  MeasureLine,
  NotifiedAmount,
  PlanRow,
  SheetPlan,
  buildSummary,
  canonicalCode,
  formatGeneratedAt,
  freeSummaryName,
  hyperlinkFormula,
  parseNotified,
  planSummarySheet,
  summaryMarkerStatus,
} from '../src/domain/summary';
import { SheetReport } from '../src/domain';
import { analyzeSpec, findAction, sampleSpec } from '../fixtures/sample';
import { SpecBlock } from '../fixtures/annex-layout';

const AT = new Date(2026, 10, 26, 17, 30); // local time: the engine formats what it is given
const d = (n: number | string) => new Decimal(n);
/** Whole cents as euros, for readable expectations. */
const euros = (c: number | null | undefined) => (c === null || c === undefined ? null : c / 100);
/** An amount of the summary (whole cents, or a Decimal ratio) against euros. */
const eq = (actual: Decimal | number | null | undefined, expected: number | string) => {
  expect(actual === null || actual === undefined).toBe(false);
  const shown = typeof actual === 'number' ? d(actual).dividedBy(100) : actual!;
  expect(shown.toFixed(2)).toBe(d(expected).toFixed(2));
};

/** Article 3.1 of the seed's convention. */
const ARTICLE_3_1 = ['03=110000', '04=80000', '02=89523', '0304 50 19 19 07=6067058', '10=640000'];
const notifiedOf = (args: string[]): NotifiedAmount[] =>
  args.map((a) => {
    const p = parseNotified(a);
    if (!p.ok) throw new Error(p.error);
    return p.value;
  });

function sampleReport(): SheetReport {
  return analyzeSpec(sampleSpec()).report;
}

function summaryOf(report = sampleReport(), notified?: NotifiedAmount[], lang: 'fr' | 'en' = 'fr'): AnnexSummary {
  return buildSummary(report, { workbook: 'annexe9-pas-de-calais-2023.xlsx', generatedAt: AT, notified, lang });
}

const measure = (s: AnnexSummary, start: string): MeasureLine => {
  const m = s.tables[0].measures.find((x) => x.label.startsWith(start));
  if (!m) throw new Error(`no measure ${start}: ${s.tables[0].measures.map((x) => x.label).join(' | ')}`);
  return m;
};
const code = (s: AnnexSummary, c: string): CodeLine => s.tables[0].codes.find((x) => x.code === `0304 50 19 19 ${c}`)!;

/** Plan rows whose first cell is a text starting with `start`. */
function planRow(plan: SheetPlan, start: string): PlanRow {
  const row = plan.rows.find((r) => r.cells[0]?.cell.kind === 'text' && r.cells[0].cell.text.startsWith(start));
  if (!row) throw new Error(`no plan row ${start}`);
  return row;
}
const cellText = (row: PlanRow, col: number) => {
  const c = row.cells[col]?.cell;
  return c && (c.kind === 'text' || c.kind === 'link') ? c.text : c && 'value' in c ? String(c.value) : null;
};

describe('summary of the sample annex (the seed)', () => {
  // Built before each test, not in the describe body: Stryker counts coverage only inside a test.
  let s!: AnnexSummary;
  let t!: AnnexSummary['tables'][number];
  beforeEach(() => {
    s = summaryOf();
    t = s.tables[0];
  });

  it('gives Garantie d’activité, with the mobilité block it shares a subtotal with, A 5 677 535 € over 17 actions', () => {
    const m = measure(s, 'Insertion des allocataires du RSA – Garantie d’activité');
    expect(m.actions).toBe(17);
    eq(m.figures.amounts.A, 5677535);
    eq(m.figures.amounts.C, 5677535);
    eq(m.figures.amounts.F, 11355070);
    eq(m.figures.gapAC, 0);
    eq(m.figures.stateShare, '0.5');
    expect(m.codes).toEqual(['0304 50 19 19 07']);
    expect(m.subtotalRow).toBe(39);
    expect(m.ref).toMatchObject({ sheet: 'Annexe 9', range: 'B22:L39', firstRow: 22, lastRow: 39 });
    // Its two theme blocks stay visible as detail lines.
    expect(m.blocks.map((b) => [b.label, b.actions, euros(b.figures.amounts.A!)])).toEqual([
      ['Insertion des allocataires du RSA – Garantie d’activité', 12, 4388535],
      ["Développer la mobilité des demandeurs d'emploi", 5, 1289000],
    ]);
  });

  it('lists every measure in the annex order, placeholders not counted as actions', () => {
    expect(t.measures.map((m) => [m.label.slice(0, 40), m.actions])).toEqual([
      ['Maraudes mixtes (le cas échéant)', 0],
      ['Prévention spécialisée (le cas échéant)', 0],
      ['Refonder et revaloriser le travail socia', 1],
      ['Refonder et revaloriser le travail socia', 0],
      ['Insertion des allocataires du RSA – Orie', 0],
      ['Insertion des allocataires du RSA – Gara', 17],
      ['Mise en place du plan de formation des t', 1],
      ['Insertion des allocataires du RSA – Gara', 0],
    ]);
    eq(t.measures[2].figures.amounts.A, 300000);
    expect(t.measures[2].codes).toEqual(['0304 50 19 19 03']);
    eq(t.totals.socle.figures.amounts.A, 6067058);
    expect(t.totals.socle.actions).toBe(19);
  });

  it('shows the four initiatives, one row each', () => {
    expect(t.initiatives.map((i) => [i.label.slice(0, 30), euros(i.figures.amounts.A!), euros(i.figures.amounts.F!), i.ref?.range])).toEqual([
      ['« Solutions logement » pour le', 30000, 60000, 'E46'],
      ['Accompagnement au logement aut', 250000, 500000, 'E47'],
      ['Action en faveur du Décrochage', 200000, 400000, 'E48'],
      ['Guichet unique Logement des je', 160000, 320000, 'E49'],
    ]);
    eq(t.totals.initiative.figures.amounts.F, 1280000);
    expect(t.totals.initiative.findings).toBe(1); // the wrong initiative sub-total (L50)
  });

  it('totals per Chorus code: 07 is 5 677 535 €', () => {
    expect(t.codes.map((c) => c.code?.slice(-2))).toEqual(['02', '03', '04', '05', '06', '07', '10']);
    eq(code(s, '07').figures.amounts.A, 5677535);
    expect(code(s, '07').actions).toBe(17);
    expect(code(s, '07').label).toBe("Garantie d'activité et insertion des BRSA");
    eq(code(s, '03').figures.amounts.A, 300000);
    eq(code(s, '04').figures.amounts.A, 0);
    eq(code(s, '10').figures.amounts.A, 640000);
    expect(code(s, '07').notified).toBeNull(); // none given
  });

  it('reconciles with the printed totals: 320 000 € off on the initiative F and on the grand total F', () => {
    const [socle, initiative, grand] = t.reconciliation;
    expect([socle.level, initiative.level, grand.level]).toEqual(['socle', 'initiative', 'grand']);
    for (const k of ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'] as const) eq(socle.gap![k], 0);
    eq(initiative.printed!.F, 960000);
    eq(initiative.recomputed.amounts.F, 1280000);
    eq(initiative.gap!.F, -320000);
    eq(initiative.gap!.A, 0);
    eq(grand.printed!.F, 13094116);
    eq(grand.recomputed.amounts.F, 13414116);
    eq(grand.gap!.F, -320000);
    expect(initiative.printedRef?.range).toBe('L50');
    expect(grand.printedRef?.range).toBe('L51');
  });

  it('counts the findings by rule, each with its cell', () => {
    expect(s.findingsTotal).toBe(2);
    expect(s.findingsByRule.map((r) => [r.rule, r.count, r.cells])).toEqual([
      ['SECTION_TOTAL', 1, ['L50']],
      ['ROW_TOTAL', 1, ['L51']],
    ]);
    expect(s.source).toEqual({ workbook: 'annexe9-pas-de-calais-2023.xlsx', sheet: 'Annexe 9' });
  });
});

describe('notified amounts (convention article 3.1)', () => {
  it('reads CODE=AMOUNT the ways people type it', () => {
    expect(canonicalCode('03')).toBe('0304 50 19 19 03');
    expect(canonicalCode('3')).toBe('0304 50 19 19 03');
    expect(canonicalCode('030450191907')).toBe('0304 50 19 19 07');
    expect(canonicalCode('0304 50 19 19 07 - Garantie d’activité')).toBe('0304 50 19 19 07');
    const p = parseNotified('0304 50 19 19 07=6 067 058,00 €');
    expect(p.ok && [p.value.code, p.value.amount.toNumber()]).toEqual(['0304 50 19 19 07', 6067058]);
    for (const bad of ['03', '=12', 'xx=12', '03=beaucoup']) expect(parseNotified(bad).ok).toBe(false);
    const err = parseNotified('xx=12');
    expect(!err.ok && err.error).toContain("n’est pas un code Chorus");
    const en = parseNotified('03=beaucoup', 'en');
    expect(!en.ok && en.error).toContain('is not an amount');
  });

  it('compares them with A per code: 03, 04 and 07 disagree', () => {
    const s = summaryOf(undefined, notifiedOf(ARTICLE_3_1));
    const rows = s.tables[0].codes.map((c) => [c.code!.slice(-2), euros(c.figures.amounts.A!), euros(c.notified), euros(c.gapNotified)]);
    expect(rows).toEqual([
      ['02', 89523, 89523, 0],
      ['03', 300000, 110000, 190000],
      ['04', 0, 80000, -80000],
      ['05', 0, null, null],
      ['06', 0, null, null],
      ['07', 5677535, 6067058, -389523],
      ['10', 640000, 640000, 0],
    ]);
    const plan = planSummarySheet(s);
    expect(plan.widths).toHaveLength(16);
    const note = planRow(plan, 'Désaccords avec les montants notifiés');
    expect(cellText(note, 0)).toBe(
      'Désaccords avec les montants notifiés\u00a0: 0304 50 19 19 03\u00a0: A 300\u202f000,00\u00a0€ dans l’annexe, 110\u202f000,00\u00a0€ notifiés\u202f; 0304 50 19 19 04\u00a0: A 0,00\u00a0€ dans l’annexe, 80\u202f000,00\u00a0€ notifiés\u202f; 0304 50 19 19 07\u00a0: A 5\u202f677\u202f535,00\u00a0€ dans l’annexe, 6\u202f067\u202f058,00\u00a0€ notifiés.',
    );
    const c03 = planRow(plan, '1er accueil social inconditionnel');
    expect(cellText(c03, 14)).toBe('110000');
    expect(cellText(c03, 15)).toBe('190000');
    expect(c03.cells[15]?.fill).toBe('#F8CBAD');
    expect(planRow(plan, 'Formation travail social').cells[15]?.fill).toBeUndefined();
  });

  it('refuses a code typed by hand that is not one of the annex, listing the valid ones', () => {
    const p = parseNotified('08=1000');
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error).toBe(
      "«\u00a008\u00a0»\u00a0: le code 0304 50 19 19 08 n’est pas un code Chorus de l’annexe. Codes valides\u00a0: 02 (Formation travail social CD contract), 03 (1er accueil social inconditionnel), 04 (Référents de parcours), 05 (Maraudes Etat (sans abri) / conseil départemental (ASE)), 06 (Soutien à des actions de prévention spécialisée), 07 (Garantie d'activité et insertion des BRSA), 10 (Initiatives locales).",
    );
    const en = parseNotified('030450191999=1', 'en');
    expect(!en.ok && en.error).toContain('is not a Chorus code of the annex. Valid codes: 02 (');
  });

  it('adds a notified code the annex does not use (read in a convention: not refused there)', () => {
    const s = summaryOf(undefined, [{ code: '0304 50 19 19 08', amount: d(1000), source: 'convention.pdf, page 9' }]);
    const c = code(s, '08');
    expect([c.actions, euros(c.figures.amounts.A!), euros(c.notified!), euros(c.gapNotified!)]).toEqual([0, 0, 1000, -1000]);
  });
});

describe('the sheet plan', () => {
  let plan!: ReturnType<typeof planSummarySheet>;
  beforeEach(() => {
    plan = planSummarySheet(summaryOf());
  });

  it('has a header (title, source, time) and column headers, frozen and repeated when printed', () => {
    expect(cellText(plan.rows[0], 0)).toBe("Synthèse de l’annexe 9 — feuille «\u00a0Annexe 9\u00a0»");
    expect(cellText(plan.rows[1], 0)).toBe('Classeur\u00a0: annexe9-pas-de-calais-2023.xlsx — générée le 26/11/2026 à 17:30');
    expect(plan.rows[2].cells.map((c) => (c?.cell.kind === 'text' ? c.cell.text : null))).toEqual([
      'Mesure / action',
      'Imputation Chorus',
      "Dans l’annexe",
      "Nombre d’actions",
      'A – Participation État',
      'B – Crédits État reportés',
      'C – Crédits CD affectés',
      'Dont valorisation CD',
      'D – Crédits CD reportés',
      'E – Autres financeurs',
      "F – Budget global de l’action",
      'Écart A − C',
      'Part État (A+B)/F',
      'Anomalies',
    ]);
    expect(plan.frozenRows).toBe(3);
    expect(plan.print).toEqual({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { first: 1, last: 3 }, area: `A1:N${plan.rows.length}` });
    expect(plan.widths).toHaveLength(14);
    expect(plan.name).toBe('Synthèse annexe 9');
    expect(plan.marker).toEqual({ col: 25, token: 'annexe9-synthese/v1', source: 'Annexe 9' });
    for (const row of plan.rows) expect(row.cells).toHaveLength(14);
  });

  it('links each rule to its cell, and each measure to its rows in the annex', () => {
    const rule = planRow(plan, 'Sous-totaux socle ou initiatives faux');
    expect(rule.cells[2]?.cell).toEqual({ kind: 'link', text: 'L50', sheet: 'Annexe 9', range: 'L50' });
    expect(cellText(rule, 1)).toBe('1');
    const m = planRow(plan, 'Insertion des allocataires du RSA – Garantie d’activité');
    expect(m.cells[2]?.cell).toEqual({ kind: 'link', text: 'lignes 22 à 39', sheet: 'Annexe 9', range: 'B22:L39' });
    expect(cellText(m, 3)).toBe('17');
    expect(cellText(m, 4)).toBe('5677535');
    expect(m.cells[4]?.cell.kind).toBe('amount');
    expect(m.cells[12]?.cell).toEqual({ kind: 'ratio', value: d('0.5') });
    const detail = planRow(plan, "dont Développer la mobilité des demandeurs d'emploi");
    expect([detail.style, detail.italic, detail.indent, cellText(detail, 3), cellText(detail, 4)]).toEqual(['detail', true, 1, '5', '1289000']);
    expect(hyperlinkFormula({ text: 'L50', sheet: "Annexe 9 l'an", range: 'L50' })).toBe('HYPERLINK("#\'Annexe 9 l\'\'an\'!L50","L50")');
    expect(hyperlinkFormula({ text: 'x"y', sheet: 'A"B', range: 'A1' })).toBe('HYPERLINK("#\'A""B\'!A1","x""y")');
  });

  it('makes totals bold and shows the reconciliation gaps, marked', () => {
    for (const label of ['Total mesures socles (recalculé)', 'Total initiatives (recalculé)', 'Total général (recalculé)', 'Total par imputation']) {
      const row = planRow(plan, label);
      expect([row.style, row.bold]).toEqual(['total', true]);
    }
    expect(cellText(planRow(plan, 'Total général (recalculé)'), 10)).toBe('13414116');
    const gap = planRow(plan, "Sous-total initiatives — écart (imprimé − recalculé)");
    expect([gap.bold, cellText(gap, 10), gap.cells[10]?.fill, cellText(gap, 4), gap.cells[4]?.fill]).toEqual([true, '-320000', '#F8CBAD', '0', undefined]);
    expect(cellText(planRow(plan, 'TOTAUX FINANCIERS — écart (imprimé − recalculé)'), 10)).toBe('-320000');
    expect(cellText(planRow(plan, 'Sous-total mesures socles — écart (imprimé − recalculé)'), 10)).toBe('0');
    const printed = planRow(plan, 'Sous-total initiatives — imprimé dans l’annexe');
    expect([cellText(printed, 2), cellText(printed, 10)]).toEqual(['L50', '960000']);
  });

  it('speaks English when asked', () => {
    const en = planSummarySheet(summaryOf(undefined, notifiedOf(ARTICLE_3_1), 'en'));
    expect(en.name).toBe('Annex 9 summary');
    expect(cellText(en.rows[0], 0)).toBe('Annex 9 summary — sheet "Annexe 9"');
    expect(cellText(en.rows[1], 0)).toBe('Workbook: annexe9-pas-de-calais-2023.xlsx — generated on 2026-11-26 17:30');
    expect(cellText(en.rows[2], 14)).toBe('Notified by the State (art. 3.1)');
    expect(cellText(planRow(en, 'Initiatives subtotal — gap (printed − recomputed)'), 10)).toBe('-320000');
    expect(cellText(planRow(en, 'Findings: 2'), 0)).toBe('Findings: 2');
    expect(formatGeneratedAt(new Date(2023, 5, 2, 9, 5), 'fr')).toBe('02/06/2023 à 09:05');
  });
});

describe('summaries of other annexes', () => {
  it('keeps an unreadable amount out of the sums it belongs to', () => {
    const spec = sampleSpec();
    findAction(spec, 'Guichet unique').action.amounts.A = { text: 'à voir' };
    const s = summaryOf(analyzeSpec(spec).report);
    const t = s.tables[0];
    expect(t.initiatives[3].figures.amounts.A).toBeNull();
    expect(t.initiatives[3].figures.gapAC).toBeNull();
    expect(t.totals.initiative.figures.amounts.A).toBeNull();
    eq(t.totals.initiative.figures.amounts.C, 640000);
    expect(t.reconciliation[1].gap!.A).toBeNull();
    const plan = planSummarySheet(s);
    expect(cellText(planRow(plan, 'Guichet unique Logement des jeunes'), 4)).toBe('illisible');
    expect(t.initiatives[3].findings).toBeGreaterThan(0);
  });

  it('makes one measure per theme block when no subtotal closes them', () => {
    const spec = sampleSpec();
    spec.body = spec.body.filter((e) => e.kind !== 'subtotal');
    const s = summaryOf(analyzeSpec(spec).report);
    const socleBlocks = spec.body.filter((e): e is SpecBlock => e.kind === 'block' && !e.theme.startsWith('Engagements'));
    expect(s.tables[0].measures.map((m) => m.label)).toEqual(socleBlocks.map((b) => b.theme));
    expect(measure(s, 'Insertion des allocataires du RSA – Garantie d’activité').actions).toBe(12);
    expect(measure(s, 'Développer la mobilité').actions).toBe(5);
    eq(s.tables[0].totals.socle.figures.amounts.A, 6067058);
  });

  it('keeps titles that look like formulas as they are', () => {
    const spec = sampleSpec();
    findAction(spec, 'Guichet unique').action.title = '=HYPERLINK("http://x","y")';
    findAction(spec, 'Action en faveur').action.title = '+1+1';
    const plan = planSummarySheet(summaryOf(analyzeSpec(spec).report));
    const texts = plan.rows.map((r) => r.cells[0]?.cell).filter((c) => c?.kind === 'text').map((c) => (c as { text: string }).text);
    expect(texts).toContain('=HYPERLINK("http://x","y")');
    expect(texts).toContain('+1+1');
  });
});

describe('recognising our summary sheet', () => {
  it('by its marker, not its name', () => {
    expect(summaryMarkerStatus('annexe9-synthese/v1', 'Annexe 9', 'Annexe 9')).toBe('ours');
    expect(summaryMarkerStatus('annexe9-synthese/v1', 'Annexe 9 bis', 'Annexe 9')).toBe('oursForAnotherSheet');
    expect(summaryMarkerStatus('Synthèse annexe 9', null, 'Annexe 9')).toBe('notOurs');
    expect(summaryMarkerStatus(null, null, 'Annexe 9')).toBe('notOurs');
    expect(freeSummaryName('Synthèse annexe 9', ['Annexe 9'])).toBe('Synthèse annexe 9');
    expect(freeSummaryName('Synthèse annexe 9', ['SYNTHÈSE ANNEXE 9', 'Synthèse annexe 9 (2)'])).toBe('Synthèse annexe 9 (3)');
  });
});

describe('sums of the summary, against the rows added one by one', () => {
  const COLS = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'] as const;
  function bruteForce(rows: Array<{ amounts: Partial<Record<string, { kind: string; value?: number }>> }>) {
    return Object.fromEntries(
      COLS.map((k) => [k, rows.reduce((s, r) => { const a = r.amounts[k]; return a && a.kind === 'amount' ? s.plus(a.value!) : s; }, d(0)).dividedBy(100).toFixed(2)]),
    );
  }
  const figures = (amounts: Partial<Record<string, number | null>>) => Object.fromEntries(COLS.map((k) => [k, d(amounts[k]!).dividedBy(100).toFixed(2)]));

  test.each(['merged', 'everyRow'] as const)('codes mixed inside blocks, theme cells %s', (themeCells) => {
    const spec = sampleSpec();
    // An initiative paid on another code, and a socle action moved to code 03, inside their blocks.
    findAction(spec, '« Solutions logement »').action.imputation = "0304 50 19 19 07 - Garantie d'activité et insertion des BRSA";
    findAction(spec, 'Premières Heures').action.imputation = '0304 50 19 19 03 - 1er accueil social inconditionnel';
    const { report } = analyzeSpec(spec, { themeCells });
    const table = report.tables[0];
    const rows = table.classified.rows.filter((r) => r.kind === 'action' || r.kind === 'placeholder');
    const s = summaryOf(report);
    const t = s.tables[0];
    // A row's code: its own, else the one the fill plan writes, else (a template row) its block's.
    const filled = new Map(table.findings.filter((f) => f.rule === 'MISSING_IMPUTATION' && f.args.code).map((f) => [f.at.row - report.origin.row, canonicalCode((f.args as { code: string }).code)]));
    const codeOfRow = (r: (typeof rows)[number]) => r.imputation.code ?? filled.get(r.index) ?? (r.kind === 'placeholder' && r.block !== null ? table.classified.blocks[r.block].code : null);
    if (themeCells === 'merged') expect(filled.size).toBeGreaterThan(0); // the override broke the merge: codes to fill
    for (const line of t.codes.filter((c) => c.code)) {
      const own = rows.filter((r) => codeOfRow(r) === line.code);
      expect({ code: line.code, ...figures(line.figures.amounts) }).toEqual({ code: line.code, ...bruteForce(own) });
    }
    expect(figures(t.totals.socle.figures.amounts)).toEqual(bruteForce(rows.filter((r) => r.section === 'socle')));
    expect(figures(t.totals.initiative.figures.amounts)).toEqual(bruteForce(rows.filter((r) => r.section === 'initiative')));
    expect(figures(t.totals.grand.figures.amounts)).toEqual(bruteForce(rows));
    expect(code(s, '07').codes).toEqual(['0304 50 19 19 07']);
    expect(t.initiatives.find((i) => i.label.startsWith('« Solutions logement »'))!.codes).toEqual(['0304 50 19 19 07']);
  });
});
