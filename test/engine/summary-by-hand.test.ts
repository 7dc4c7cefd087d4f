/**
 * The summary sheet of a small hand-typed annex: every figure, count, link and row of the plan
 * written out by hand (the sample's summary is tested in test/summary.test.ts).
 *
 *  2  Maraudes 05   Maraude de jour      100 |  0 |  100 | 50 | 0 |  0 |  200
 *  3  Maraudes 05   Maraude de nuit      300 |  0 |  360 |  0 | 0 |  0 |  660   A ≠ C
 *  4  Sous total                         400 |  0 |  460 | 50 | 0 |  0 |  860
 *  5  Prévention 06 Éducateurs de rue   1000 | 20 | 1000 |  0 | 0 | 30 | 2050
 *  6  Sous total                        1000 | 20 | 1000 |  0 | 0 | 30 | 2050
 *  7  Socle                             1400 | 20 | 1460 | 50 | 0 | 30 | 2910
 *  8  Initiatives 10  Épicerie solidaire 500 |  0 |  500 |  0 | 0 |  0 | 1000
 *  9  Initiatives —   Garage solidaire   200 |  0 |  200 |  0 | 0 |  0 |  400   code missing
 * 10  Initiatives —   (no title)          50 |  0 |   50 |  0 | 0 |  0 |  100   code missing, proposed only
 * 11  Initiatives subtotal               750 |  0 |  750 |  0 | 0 |  0 | 1400   F should be 1500
 * 12  TOTAUX FINANCIERS                 2150 | 20 | 2210 | 50 | 0 | 30 | 4310   F ≠ A+…+E (4410)
 */
import Decimal from 'decimal.js';
import {
  AnnexSummary,
  SheetPlan,
  SheetReport,
  SummaryLine,
  analyzeSheet,
  cellName,
  buildSummary,
  canonicalCode,
  freeSummaryName,
  hyperlinkFormula,
  parseNotified,
  planSummarySheet,
  summarySheetPlan,
  widthInPoints,
} from '../../src/domain';
import { INITIATIVES, MARAUDES, PREVENTION, Typed, action, reference, sheet, total } from '../support/hand-table';

const INITIATIVE = "Engagements à l'initiative du département";
const CODE = { '05': '0304 50 19 19 05', '06': '0304 50 19 19 06', '07': '0304 50 19 19 07', '10': '0304 50 19 19 10' };

function body(): Typed[][] {
  return [
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude de jour', [100, 0, 100, 50, 0, 0, 200]),
    action('Maraudes mixtes', MARAUDES, '1.2', 'Maraude de nuit', [300, 0, 360, 0, 0, 0, 660]),
    total('Sous total', [400, 0, 460, 50, 0, 0, 860]),
    action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs de rue', [1000, 20, 1000, 0, 0, 30, 2050]),
    total('Sous total', [1000, 20, 1000, 0, 0, 30, 2050]),
    total('Sous-total engagements des mesures socle', [1400, 20, 1460, 50, 0, 30, 2910]),
    action(INITIATIVE, INITIATIVES, '', 'Épicerie solidaire', [500, 0, 500, 0, 0, 0, 1000]),
    action(INITIATIVE, null, '', 'Garage solidaire', [200, 0, 200, 0, 0, 0, 400]),
    action(INITIATIVE, null, '', '', [50, 0, 50, 0, 0, 0, 100]),
    total("Sous total engagements à l'initiative du département", [750, 0, 750, 0, 0, 0, 1400]),
    total('TOTAUX FINANCIERS', [2150, 20, 2210, 50, 0, 30, 4310]),
  ];
}

const AT = new Date(2023, 5, 12, 9, 5); // local time, as the writers show it
function report(lang: 'fr' | 'en' = 'fr'): SheetReport {
  void lang; // a report is data: its language is the summary's
  return analyzeSheet(sheet(body()));
}
function summary(lang: 'fr' | 'en' = 'fr', notified?: Array<[keyof typeof CODE, number]>): AnnexSummary {
  return buildSummary(report(lang), {
    lang,
    workbook: 'annexe.xlsx',
    generatedAt: AT,
    notified: notified?.map(([code, amount]) => ({ code: CODE[code], amount: new Decimal(amount) })),
  });
}

/** Whole cents as euros (`1400`, `-0.5`). */
const eur = (m: number) => new Decimal(m).dividedBy(100).toFixed();

/** A line as `label | codes | actions | A/B/C/V/D/E/F | gap A−C | share | findings | range`. */
function line(l: SummaryLine): string {
  const f = l.figures;
  // `x` an unreadable total, `?` a column the annex lacks.
  const amounts = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F']
    .map((k) => {
      const m = f.amounts[k as 'A'];
      return m === null ? 'x' : m === undefined ? '?' : eur(m);
    })
    .join('/');
  const codes = l.codes.map((c) => c.slice(-2)).join(',');
  return `${l.label} | ${codes} | ${l.actions} | ${amounts} | ${f.gapAC === null ? '-' : eur(f.gapAC)} | ${f.stateShare?.toFixed(4) ?? '-'} | ${l.findings} | ${l.ref?.range ?? '-'}`;
}

describe('the summary of the hand-typed annex', () => {
  // Built before each test, not in the describe body: Stryker counts coverage only inside a test.
  let s!: AnnexSummary;
  let t!: AnnexSummary['tables'][number];
  beforeEach(() => {
    s = summary();
    [t] = s.tables;
  });

  it('counts the findings by rule, with their cells in sheet order', () => {
    expect(s.source).toEqual({ workbook: 'annexe.xlsx', sheet: 'Annexe 9' });
    expect(s.findingsTotal).toBe(5);
    expect(s.findingsByRule.map((r) => `${r.rule} ${r.count} ${r.cells.join(',')} ${r.title}`)).toEqual([
      'SECTION_TOTAL 1 K11 Sous-totaux socle ou initiatives faux',
      'ROW_TOTAL 1 K12 Budget global F ≠ A+B+C+D+E',
      'A_NEQ_C 1 G3 Cofinancement 50/50 (A ≠ C)',
      'MISSING_IMPUTATION 2 B9,B10 Imputations Chorus manquantes',
    ]);
    expect(s.notified).toBeNull();
    expect(t.headerCell).toBe('A1');
    expect(t.columns).toEqual(['A', 'B', 'C', 'valorisation', 'D', 'E', 'F']);
  });

  it('one measure per theme subtotal, with its rows and its subtotal', () => {
    expect(t.measures.map(line)).toEqual([
      'Maraudes mixtes | 05 | 2 | 400/0/460/50/0/0/860 | -60 | 0.4651 | 1 | A2:K4',
      'Prévention spécialisée | 06 | 1 | 1000/20/1000/0/0/30/2050 | 0 | 0.4976 | 0 | A5:K6',
    ]);
    expect(t.measures.map((m) => [m.subtotalRow, m.blocks.length])).toEqual([
      [4, 0],
      [6, 0],
    ]);
  });

  // Issue 12: a code is written only into a row with a title or a fiche number. Row 10 has
  // neither, so the block's code is proposed for B10, not filled, and the row keeps no code.
  it("one line per initiative, a titled one's missing code filled from the block, an untitled one named so and left without a code", () => {
    const checked = report();
    expect(checked.fills.map((f) => `${f.cell} ${f.source} ${f.code}`)).toEqual([`B9 block ${INITIATIVES}`]);
    expect(checked.proposals.map((p) => `${p.cell} ${p.reason} ${p.candidates.join(',')}`)).toEqual([`B10 noTitle ${INITIATIVES}`]);
    expect(t.initiatives.map(line)).toEqual([
      'Épicerie solidaire | 10 | 1 | 500/0/500/0/0/0/1000 | 0 | 0.5000 | 0 | D8',
      'Garage solidaire | 10 | 1 | 200/0/200/0/0/0/400 | 0 | 0.5000 | 1 | D9',
      'Action sans intitulé |  | 1 | 50/0/50/0/0/0/100 | 0 | 0.5000 | 1 | D10',
    ]);
  });

  it('one line per Chorus code, named by the template; the untitled row under no code, last', () => {
    // Code 10: rows 8 and 9 (500 + 200, F 1000 + 400), one finding (B9). Row 10 alone has no code.
    expect(t.codes.map(line)).toEqual([
      'Maraudes Etat (sans abri) / conseil départemental (ASE) | 05 | 2 | 400/0/460/50/0/0/860 | -60 | 0.4651 | 1 | -',
      'Soutien à des actions de prévention spécialisée | 06 | 1 | 1000/20/1000/0/0/30/2050 | 0 | 0.4976 | 0 | -',
      'Initiatives locales | 10 | 2 | 700/0/700/0/0/0/1400 | 0 | 0.5000 | 1 | -',
      'Sans imputation Chorus |  | 1 | 50/0/50/0/0/0/100 | 0 | 0.5000 | 1 | -',
    ]);
    expect(t.codes.map((c) => [c.code, c.notified, c.gapNotified])).toEqual([
      [CODE['05'], null, null],
      [CODE['06'], null, null],
      [CODE['10'], null, null],
      [null, null, null],
    ]);
  });

  it('totals recomputed from the action rows, and their findings (totals rows included)', () => {
    expect([t.totals.socle, t.totals.initiative, t.totals.grand].map(line)).toEqual([
      'Total mesures socles (recalculé) | 05,06 | 3 | 1400/20/1460/50/0/30/2910 | -60 | 0.4880 | 1 | A2:K7',
      'Total initiatives (recalculé) | 10 | 3 | 750/0/750/0/0/0/1500 | 0 | 0.5000 | 3 | A8:K11',
      'Total général (recalculé) | 05,06,10 | 6 | 2150/20/2210/50/0/30/4410 | -60 | 0.4921 | 5 | A2:K10',
    ]);
  });

  it('reconciles with the printed totals: gap = printed − recomputed', () => {
    const show = (m: Partial<Record<string, number | null>> | null) =>
      m ? ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'].map((k) => (m[k] === null || m[k] === undefined ? '?' : eur(m[k]!))).join('/') : '-';
    expect(t.reconciliation.map((r) => `${r.level} ${r.printedRef?.range} ${show(r.printed)} gap ${show(r.gap)}`)).toEqual([
      'socle K7 1400/20/1460/50/0/30/2910 gap 0/0/0/0/0/0/0',
      'initiative K11 750/0/750/0/0/0/1400 gap 0/0/0/0/0/0/-100',
      'grand K12 2150/20/2210/50/0/30/4310 gap 0/0/0/0/0/0/-100',
    ]);
  });
});

/** The plan as lines: `style flags: col=cell | …`; amounts to the cent, ratios to 4 places, `*` a gap fill. */
function render(plan: SheetPlan): string[] {
  const show = (slot: NonNullable<SheetPlan['rows'][number]['cells'][number]>): string => {
    const c = slot.cell;
    const v =
      c.kind === 'text' ? c.text : c.kind === 'amount' ? c.value.toFixed(2) : c.kind === 'ratio' ? c.value.toFixed(4) : c.kind === 'count' ? `#${c.value}` : `[${c.text}→${c.sheet}!${c.range}]`;
    return `${v}${slot.fill ? `*${slot.fill}` : ''}`;
  };
  return plan.rows.map((r) => {
    const flags = [r.style, r.bold && 'B', r.italic && 'I', r.fill, r.indent && `>${r.indent}`, r.wrap && 'W', r.size && `${r.size}pt`].filter(Boolean).join(' ');
    const cells = r.cells.map((s, i) => (s ? `${i}=${show(s)}` : '')).filter(Boolean);
    return `${flags}: ${cells.join(' | ')}`;
  });
}
const figures = (...v: string[]) => v.map((x, i) => `${4 + i}=${x}`).join(' | ');
const GAP = '*#F8CBAD';

describe('the summary sheet plan, row by row', () => {
  it('in French, without notified amounts', () => {
    const { plan } = summarySheetPlan(report(), { workbook: 'annexe.xlsx', generatedAt: AT });
    expect(render(plan)).toEqual([
      "title B 14pt: 0=Synthèse de l’annexe 9 — feuille «\u00a0Annexe 9\u00a0»",
      'info: 0=Classeur\u00a0: annexe.xlsx — générée le 12/06/2023 à 09:05',
      "header B #D9D9D9 W: 0=Mesure / action | 1=Imputation Chorus | 2=Dans l’annexe | 3=Nombre d’actions | 4=A – Participation État | 5=B – Crédits État reportés | 6=C – Crédits CD affectés | 7=Dont valorisation CD | 8=D – Crédits CD reportés | 9=E – Autres financeurs | 10=F – Budget global de l’action | 11=Écart A − C | 12=Part État (A+B)/F | 13=Anomalies",
      'line: ',
      'section B #DDEBF7: 0=Anomalies relevées\u00a0: 5',
      // Its own headers, and the rules' titles (no codes).
      'header B #D9D9D9 W: 0=Règle | 1=Anomalies | 2=Première cellule | 3=Cellules',
      'line: 0=Sous-totaux socle ou initiatives faux | 1=#1 | 2=[K11→Annexe 9!K11] | 3=K11',
      'line: 0=Budget global F ≠ A+B+C+D+E | 1=#1 | 2=[K12→Annexe 9!K12] | 3=K12',
      'line: 0=Cofinancement 50/50 (A ≠ C) | 1=#1 | 2=[G3→Annexe 9!G3] | 3=G3',
      'line: 0=Imputations Chorus manquantes | 1=#2 | 2=[B9→Annexe 9!B9] | 3=B9, B10',
      'line: ',
      'section B #DDEBF7: 0=Mesures socles',
      `line W: 0=Maraudes mixtes | 1=${CODE['05']} | 2=[lignes 2 à 4→Annexe 9!A2:K4] | 3=#2 | ${figures('400.00', '0.00', '460.00', '50.00', '0.00', '0.00', '860.00')} | 11=-60.00${GAP} | 12=0.4651 | 13=#1`,
      `line W: 0=Prévention spécialisée | 1=${CODE['06']} | 2=[lignes 5 à 6→Annexe 9!A5:K6] | 3=#1 | ${figures('1000.00', '20.00', '1000.00', '0.00', '0.00', '30.00', '2050.00')} | 11=0.00 | 12=0.4976 | 13=#0`,
      `total B #F2F2F2: 0=Total mesures socles (recalculé) | 3=#3 | ${figures('1400.00', '20.00', '1460.00', '50.00', '0.00', '30.00', '2910.00')} | 11=-60.00${GAP} | 12=0.4880 | 13=#1`,
      'line: ',
      'section B #DDEBF7: 0=Initiatives du département',
      `line W: 0=Épicerie solidaire | 1=${CODE['10']} | 2=[ligne 8→Annexe 9!D8] | 3=#1 | ${figures('500.00', '0.00', '500.00', '0.00', '0.00', '0.00', '1000.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `line W: 0=Garage solidaire | 1=${CODE['10']} | 2=[ligne 9→Annexe 9!D9] | 3=#1 | ${figures('200.00', '0.00', '200.00', '0.00', '0.00', '0.00', '400.00')} | 11=0.00 | 12=0.5000 | 13=#1`,
      `line W: 0=Action sans intitulé | 2=[ligne 10→Annexe 9!D10] | 3=#1 | ${figures('50.00', '0.00', '50.00', '0.00', '0.00', '0.00', '100.00')} | 11=0.00 | 12=0.5000 | 13=#1`,
      `total B #F2F2F2: 0=Total initiatives (recalculé) | 3=#3 | ${figures('750.00', '0.00', '750.00', '0.00', '0.00', '0.00', '1500.00')} | 11=0.00 | 12=0.5000 | 13=#3`,
      'line: ',
      `total B #F2F2F2: 0=Total général (recalculé) | 3=#6 | ${figures('2150.00', '20.00', '2210.00', '50.00', '0.00', '30.00', '4410.00')} | 11=-60.00${GAP} | 12=0.4921 | 13=#5`,
      'line: ',
      'section B #DDEBF7: 0=Par imputation Chorus',
      `line W: 0=Maraudes Etat (sans abri) / conseil départemental (ASE) | 1=${CODE['05']} | 3=#2 | ${figures('400.00', '0.00', '460.00', '50.00', '0.00', '0.00', '860.00')} | 11=-60.00${GAP} | 12=0.4651 | 13=#1`,
      `line W: 0=Soutien à des actions de prévention spécialisée | 1=${CODE['06']} | 3=#1 | ${figures('1000.00', '20.00', '1000.00', '0.00', '0.00', '30.00', '2050.00')} | 11=0.00 | 12=0.4976 | 13=#0`,
      `line W: 0=Initiatives locales | 1=${CODE['10']} | 3=#2 | ${figures('700.00', '0.00', '700.00', '0.00', '0.00', '0.00', '1400.00')} | 11=0.00 | 12=0.5000 | 13=#1`,
      `line W: 0=Sans imputation Chorus | 3=#1 | ${figures('50.00', '0.00', '50.00', '0.00', '0.00', '0.00', '100.00')} | 11=0.00 | 12=0.5000 | 13=#1`,
      `total B #F2F2F2: 0=Total par imputation | 3=#6 | ${figures('2150.00', '20.00', '2210.00', '50.00', '0.00', '30.00', '4410.00')} | 11=-60.00${GAP} | 12=0.4921 | 13=#3`,
      // Total général counts 5, total par imputation 3: the two on total rows (K11, K12) belong to no code, and it says so.
      'note I: 0=2 anomalies des lignes de total ne relèvent d’aucune imputation\u00a0: comptées dans le total général, pas dans le total par imputation.',
      'line: ',
      "section B #DDEBF7: 0=Rapprochement avec les totaux imprimés dans l’annexe",
      `line: 0=Sous-total mesures socles — imprimé dans l’annexe | 2=[K7→Annexe 9!K7] | ${figures('1400.00', '20.00', '1460.00', '50.00', '0.00', '30.00', '2910.00')}`,
      `line: 0=Sous-total mesures socles — recalculé depuis les lignes d’action | ${figures('1400.00', '20.00', '1460.00', '50.00', '0.00', '30.00', '2910.00')}`,
      `gap B: 0=Sous-total mesures socles — écart (imprimé − recalculé) | ${figures('0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00')}`,
      `line: 0=Sous-total initiatives — imprimé dans l’annexe | 2=[K11→Annexe 9!K11] | ${figures('750.00', '0.00', '750.00', '0.00', '0.00', '0.00', '1400.00')}`,
      `line: 0=Sous-total initiatives — recalculé depuis les lignes d’action | ${figures('750.00', '0.00', '750.00', '0.00', '0.00', '0.00', '1500.00')}`,
      `gap B: 0=Sous-total initiatives — écart (imprimé − recalculé) | ${figures('0.00', '0.00', '0.00', '0.00', '0.00', '0.00', `-100.00${GAP}`)}`,
      `line: 0=TOTAUX FINANCIERS — imprimé dans l’annexe | 2=[K12→Annexe 9!K12] | ${figures('2150.00', '20.00', '2210.00', '50.00', '0.00', '30.00', '4310.00')}`,
      `line: 0=TOTAUX FINANCIERS — recalculé depuis les lignes d’action | ${figures('2150.00', '20.00', '2210.00', '50.00', '0.00', '30.00', '4410.00')}`,
      `gap B: 0=TOTAUX FINANCIERS — écart (imprimé − recalculé) | ${figures('0.00', '0.00', '0.00', '0.00', '0.00', '0.00', `-100.00${GAP}`)}`,
      'line: ',
      "note I: 0=Feuille produite par le contrôle de l’annexe 9\u00a0: elle est remplacée à chaque nouvelle génération, n’y saisissez rien. Les montants sont recalculés depuis les lignes d’action de l’annexe.",
    ]);
    expect(plan.rows.every((r) => r.cells.length === 14)).toBe(true);
    expect(plan.name).toBe('Synthèse annexe 9');
    expect(plan.widths).toEqual([58, 18, 15, 10, 16, 16, 16, 16, 16, 16, 17, 15, 11, 11]);
    expect(plan.frozenRows).toBe(3);
    expect(plan.print).toEqual({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { first: 1, last: 3 }, area: 'A1:N44' });
    expect(plan.marker).toEqual({ col: 25, token: 'annexe9-synthese/v1', source: 'Annexe 9' });
  });

  it('in English, the words change and the figures do not', () => {
    const rows = render(planSummarySheet(summary('en'), { name: 'Annex 9 summary (2)' }));
    expect(rows.slice(0, 2)).toEqual(['title B 14pt: 0=Annex 9 summary — sheet "Annexe 9"', 'info: 0=Workbook: annexe.xlsx — generated on 2023-06-12 09:05']);
    expect(rows[2]).toBe(
      'header B #D9D9D9 W: 0=Measure / action | 1=Chorus code | 2=In the annex | 3=Actions | 4=A – State share | 5=B – State carry-over | 6=C – département credits | 7=Valued share (CD) | 8=D – département carry-over | 9=E – other funders | 10=F – total budget | 11=Gap A − C | 12=State share (A+B)/F | 13=Findings',
    );
    expect(rows.filter((r) => r.startsWith('section'))).toEqual([
      'section B #DDEBF7: 0=Findings: 5',
      'section B #DDEBF7: 0=Core measures',
      "section B #DDEBF7: 0=Département's initiatives",
      'section B #DDEBF7: 0=By Chorus code',
      'section B #DDEBF7: 0=Reconciliation with the totals printed in the annex',
    ]);
    expect(rows[5]).toBe('header B #D9D9D9 W: 0=Rule | 1=Findings | 2=First cell | 3=Cells');
    expect(rows[9]).toBe('line: 0=Missing Chorus codes | 1=#2 | 2=[B9→Annexe 9!B9] | 3=B9, B10');
    expect(rows[12]).toContain('2=[rows 2–4→Annexe 9!A2:K4]');
    expect(rows[17]).toContain('2=[row 8→Annexe 9!D8]');
    expect(rows[19]).toContain('0=Untitled action');
    expect(rows[28]).toBe(`line W: 0=No Chorus code | 3=#1 | ${figures('50.00', '0.00', '50.00', '0.00', '0.00', '0.00', '100.00')} | 11=0.00 | 12=0.5000 | 13=#1`);
    expect(rows.filter((r) => r.startsWith('total')).map((r) => r.split(' | ')[0])).toEqual([
      'total B #F2F2F2: 0=Core measures total (recomputed)',
      'total B #F2F2F2: 0=Initiatives total (recomputed)',
      'total B #F2F2F2: 0=Grand total (recomputed)',
      'total B #F2F2F2: 0=Total by code',
    ]);
    expect(rows.filter((r) => r.startsWith('gap')).map((r) => r.split(' | ')[0])).toEqual([
      'gap B: 0=Core measures subtotal — gap (printed − recomputed)',
      'gap B: 0=Initiatives subtotal — gap (printed − recomputed)',
      'gap B: 0=Grand total (TOTAUX FINANCIERS) — gap (printed − recomputed)',
    ]);
    expect(rows[33]).toBe(`line: 0=Core measures subtotal — printed in the annex | 2=[K7→Annexe 9!K7] | ${figures('1400.00', '20.00', '1460.00', '50.00', '0.00', '30.00', '2910.00')}`);
    expect(rows[34]).toMatch(/^line: 0=Core measures subtotal — recomputed from the action rows \| 4=1400\.00/);
    expect(rows[rows.length - 1]).toBe(
      'note I: 0=Sheet made by the annex 9 check: it is replaced each time it is generated again, do not type in it. Amounts are recomputed from the annex action rows.',
    );
  });
});

describe('notified amounts (convention article 3.1)', () => {
  it('per code: the amount notified, the gap with A, a code the annex does not use', () => {
    const s = summary('fr', [
      ['05', 400],
      ['07', 1000],
    ]);
    expect(s.notified).toEqual([
      { code: CODE['05'], amount: new Decimal(400) },
      { code: CODE['07'], amount: new Decimal(1000) },
    ]);
    expect(s.tables[0].codes.map((c) => `${line(c)} | ${c.notified === null ? '-' : eur(c.notified)} | ${c.gapNotified === null ? '-' : eur(c.gapNotified)}`)).toEqual([
      'Maraudes Etat (sans abri) / conseil départemental (ASE) | 05 | 2 | 400/0/460/50/0/0/860 | -60 | 0.4651 | 1 | - | 400 | 0',
      'Soutien à des actions de prévention spécialisée | 06 | 1 | 1000/20/1000/0/0/30/2050 | 0 | 0.4976 | 0 | - | - | -',
      "Garantie d'activité et insertion des BRSA | 07 | 0 | 0/0/0/0/0/0/0 | 0 | - | 0 | - | 1000 | -1000",
      'Initiatives locales | 10 | 2 | 700/0/700/0/0/0/1400 | 0 | 0.5000 | 1 | - | - | -',
      'Sans imputation Chorus |  | 1 | 50/0/50/0/0/0/100 | 0 | 0.5000 | 1 | - | - | -',
    ]);
    const rows = render(planSummarySheet(s));
    expect(rows[2]).toMatch(/13=Anomalies \| 14=Notifié par l’État \(art\. 3\.1\) \| 15=Écart A − notifié$/);
    const byCode = rows.slice(rows.indexOf('section B #DDEBF7: 0=Par imputation Chorus') + 1);
    expect(byCode[0]).toMatch(/ 13=#1 \| 14=400\.00 \| 15=0\.00$/);
    expect(byCode[1]).toMatch(/ 13=#0$/);
    expect(byCode[2]).toBe(`line W: 0=Garantie d'activité et insertion des BRSA | 1=${CODE['07']} | 3=#0 | ${figures('0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00')} | 11=0.00 | 13=#0 | 14=1000.00 | 15=-1000.00${GAP}`);
    // No amount can be notified for rows without a code: their line leaves both columns empty.
    expect(byCode[4]).toBe(`line W: 0=Sans imputation Chorus | 3=#1 | ${figures('50.00', '0.00', '50.00', '0.00', '0.00', '0.00', '100.00')} | 11=0.00 | 12=0.5000 | 13=#1`);
    // Notified 400 + 1000; A of the whole annex 2150: gap 750.
    expect(byCode[5]).toMatch(new RegExp(`^total B #F2F2F2: 0=Total par imputation .* 13=#3 \\| 14=1400\\.00 \\| 15=750\\.00\\${GAP}$`));
    expect(byCode[6]).toMatch(/^note I: 0=2 anomalies des lignes de total/);
    expect(byCode[7]).toBe(
      `note I: 0=Désaccords avec les montants notifiés\u00a0: ${CODE['07']}\u00a0: A 0,00\u00a0€ dans l’annexe, 1\u202f000,00\u00a0€ notifiés\u202f; ${CODE['06']}\u00a0: aucun montant notifié\u202f; ${CODE['10']}\u00a0: aucun montant notifié.`,
    );
    expect(planSummarySheet(s).print.area).toBe('A1:P46');
  });

  it('says so when they agree with A', () => {
    // Code 10's A is 500 + 200 = 700: the untitled row's 50 is under no code (proposed, not filled).
    const rows = render(planSummarySheet(summary('fr', [['05', 400], ['06', 1000], ['10', 700]])));
    expect(rows).toContain('note I: 0=Les montants notifiés concordent avec la colonne A.');
    const en = render(planSummarySheet(summary('en', [['05', 401], ['06', 1000], ['10', 700]])));
    expect(en).toContain(`note I: 0=Disagreements with the notified amounts: ${CODE['05']}: A €400.00 in the annex, €401.00 notified.`);
  });

  it('reads CODE=AMOUNT, and says what is wrong otherwise', () => {
    expect(parseNotified('05=400')).toEqual({ ok: true, value: { code: CODE['05'], amount: new Decimal(400) } });
    expect(parseNotified('7=1 000,50 €')).toEqual({ ok: true, value: { code: CODE['07'], amount: new Decimal('1000.5') } });
    expect(parseNotified('0304 50 19 19 10 - Initiatives=12')).toEqual({ ok: true, value: { code: CODE['10'], amount: new Decimal(12) } });
    expect(parseNotified('05')).toEqual({ ok: false, error: '«\u00a005\u00a0»\u00a0: écrivez CODE=MONTANT, par exemple 03=110000.' });
    expect(parseNotified('=5')).toEqual({ ok: false, error: '«\u00a0=5\u00a0»\u00a0: écrivez CODE=MONTANT, par exemple 03=110000.' });
    expect(parseNotified('05=', 'en')).toEqual({ ok: false, error: '"05=": write CODE=AMOUNT, e.g. 03=110000.' });
    expect(parseNotified('abc=5')).toEqual({
      ok: false,
      error: "«\u00a0abc\u00a0» n’est pas un code Chorus\u00a0: donnez les deux derniers chiffres (03) ou le code complet (0304 50 19 19 03).",
    });
    expect(parseNotified('123=5', 'en')).toEqual({ ok: false, error: '"123" is not a Chorus code: give its last two digits (03) or the full code (0304 50 19 19 03).' });
    expect(parseNotified('05=beaucoup')).toEqual({ ok: false, error: "«\u00a0beaucoup\u00a0» n’est pas un montant." });
    expect(parseNotified('05=beaucoup', 'en')).toEqual({ ok: false, error: '"beaucoup" is not an amount.' });
    // Beyond ten thousand billion euros cents stop being exact: refused, as in a cell; the bound itself is fine.
    expect(parseNotified('05=10000000000000')).toEqual({ ok: true, value: { code: CODE['05'], amount: new Decimal('10000000000000') } });
    expect(parseNotified('05=100 000 000 000 000,01')).toEqual({
      ok: false,
      error: '«\u00a0100 000 000 000 000,01\u00a0»\u00a0: montant hors de portée (plus de 10\u202f000 milliards d’euros), que le contrôle ne peut pas calculer exactement.',
    });
    expect(parseNotified('05=100000000000000', 'en')).toEqual({
      ok: false,
      error: '"100000000000000": amount out of range (over ten thousand billion euros), which the check cannot compute exactly.',
    });
    expect(canonicalCode(' 3 ')).toBe(CODE['07'].replace('07', '03'));
    expect(canonicalCode('030450191903')).toBe('0304 50 19 19 03');
  });
});

describe('summary helpers', () => {
  it('a free sheet name, widths in points, links that quote what they must', () => {
    expect(freeSummaryName('Synthèse annexe 9', ['Annexe 9'])).toBe('Synthèse annexe 9');
    expect(freeSummaryName('Synthèse annexe 9', ['SYNTHÈSE ANNEXE 9'.toLowerCase(), 'Synthèse annexe 9 (2)'])).toBe('Synthèse annexe 9 (3)');
    expect(widthInPoints(10)).toBe(56.25);
    expect(widthInPoints(58)).toBe(308.25);
    expect(hyperlinkFormula({ text: 'L50', sheet: 'Annexe 9', range: 'L50' })).toBe('HYPERLINK("#\'Annexe 9\'!L50","L50")');
    expect(hyperlinkFormula({ text: 'dit "ici"', sheet: "L'annexe", range: 'A1:B2' })).toBe('HYPERLINK("#\'L\'\'annexe\'!A1:B2","dit ""ici""")');
  });
});

describe('a summary of an annex with no subtotal, no valued share, an unreadable amount and an uncertain code', () => {
  /**
   *  2  (no theme)   04  Référent     10 | 0 |  10 | 0 | 0 |  20
   *  3  Maraudes     05  Maraude     100 | 0 | 100 | 0 | 0 | 200
   *  4  Prévention   06  Éducateurs  « à voir » | 0 | 300 | 0 | 0 | 600
   *  5  Maraudes et prévention spécialisée  —  Mixte  50 | 0 | 50 | 0 | 0 | 100
   *  6  Socle       460 | 0 | 460 | 0 | 0 | 920
   *  7  TOTAUX      460 | 0 | 460 | 0 | 0 | 920
   */
  const rows: Typed[][] = [
    action('', '0304 50 19 19 04 - Référents de parcours', '4.1', 'Référent', [10, 0, 10, 0, 0, 0, 20]),
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
    action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs', [{ value: 'à voir' }, 0, 300, 0, 0, 0, 600]),
    action('Maraudes et prévention spécialisée', null, '3.1', 'Mixte', [50, 0, 50, 0, 0, 0, 100]),
    total('Sous-total engagements des mesures socle', [460, 0, 460, 0, 0, 0, 920]),
    total('TOTAUX FINANCIERS', [460, 0, 460, 0, 0, 0, 920]),
  ];
  // The valued share's column (H) taken out of the sheet.
  let checked!: ReturnType<typeof analyzeSheet>;
  let s!: AnnexSummary;
  let t!: AnnexSummary['tables'][number];
  beforeEach(() => {
    const grid = sheet(rows);
    grid.rows = grid.rows.map((r) => r && [...r.slice(0, 7), ...r.slice(8)]);
    checked = analyzeSheet(grid);
    s = buildSummary(checked, { workbook: 'b.xlsx', generatedAt: AT });
    [t] = s.tables;
  });

  it('reads as the rows say', () => {
    expect(checked.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['UNREADABLE_AMOUNT@E4', 'MISSING_IMPUTATION@B5']);
    expect(checked.proposals.map((p) => p.cell)).toEqual(['B5']);
    expect(checked.notices.map((n) => n.code)).toEqual(['MISSING_COLUMN']);
    expect(t.columns).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('one measure per theme block, named after the first row when it has no theme', () => {
    expect(t.measures.map(line)).toEqual([
      'Mesure sans thème (ligne 2) | 04 | 1 | 10/0/10/?/0/0/20 | 0 | 0.5000 | 0 | A2:J2',
      'Maraudes mixtes | 05 | 1 | 100/0/100/?/0/0/200 | 0 | 0.5000 | 0 | A3:J3',
      'Prévention spécialisée | 06 | 1 | x/0/300/?/0/0/600 | - | - | 1 | A4:J4',
      'Maraudes et prévention spécialisée |  | 1 | 50/0/50/?/0/0/100 | 0 | 0.5000 | 1 | A5:J5',
    ]);
    expect(t.measures.map((m) => m.subtotalRow)).toEqual([null, null, null, null]);
  });

  it('rows with no certain code come last, as such; no initiative; only the levels the annex has', () => {
    expect(t.codes.map(line)).toEqual([
      'Référents de parcours | 04 | 1 | 10/0/10/?/0/0/20 | 0 | 0.5000 | 0 | -',
      'Maraudes Etat (sans abri) / conseil départemental (ASE) | 05 | 1 | 100/0/100/?/0/0/200 | 0 | 0.5000 | 0 | -',
      'Soutien à des actions de prévention spécialisée | 06 | 1 | x/0/300/?/0/0/600 | - | - | 1 | -',
      'Sans imputation Chorus |  | 1 | 50/0/50/?/0/0/100 | 0 | 0.5000 | 1 | -',
    ]);
    expect(t.codes[3].code).toBeNull();
    expect(t.initiatives).toEqual([]);
    expect(line(t.totals.initiative)).toBe('Total initiatives (recalculé) |  | 0 | 0/0/0/?/0/0/0 | 0 | - | 0 | -');
    expect(line(t.totals.socle)).toBe('Total mesures socles (recalculé) | 04,05,06 | 4 | x/0/460/?/0/0/920 | - | - | 2 | A2:J6');
    expect(t.reconciliation.map((r) => `${r.level} ${r.gap?.A === null ? 'x' : eur(r.gap!.A!)} ${eur(r.gap!.F!)}`)).toEqual(['socle x 0', 'grand x 0']);
  });

  it('the plan says "illisible", leaves the missing column empty and says there is no initiative', () => {
    const plan = render(planSummarySheet(s));
    expect(plan).toContain(`line W: 0=Prévention spécialisée | 1=${CODE['06']} | 2=[ligne 4→Annexe 9!A4:J4] | 3=#1 | 4=illisible | 5=0.00 | 6=300.00 | 8=0.00 | 9=0.00 | 10=600.00 | 11=illisible | 13=#1`);
    expect(plan[plan.indexOf('section B #DDEBF7: 0=Initiatives du département') + 1]).toBe('line: 0=Aucune action.');
    expect(plan).toContain('total B #F2F2F2: 0=Total initiatives (recalculé) | 3=#0 | 4=0.00 | 5=0.00 | 6=0.00 | 8=0.00 | 9=0.00 | 10=0.00 | 11=0.00 | 13=#0');
    expect(plan).toContain('line W: 0=Sans imputation Chorus | 3=#1 | 4=50.00 | 5=0.00 | 6=50.00 | 8=0.00 | 9=0.00 | 10=100.00 | 11=0.00 | 12=0.5000 | 13=#1');
    expect(plan.filter((r) => r.startsWith('gap'))).toEqual([
      'gap B: 0=Sous-total mesures socles — écart (imprimé − recalculé) | 4=illisible | 5=0.00 | 6=0.00 | 8=0.00 | 9=0.00 | 10=0.00',
      'gap B: 0=TOTAUX FINANCIERS — écart (imprimé − recalculé) | 4=illisible | 5=0.00 | 6=0.00 | 8=0.00 | 9=0.00 | 10=0.00',
    ]);
    expect(plan[6]).toBe('line: 0=Montants illisibles | 1=#1 | 2=[E4→Annexe 9!E4] | 3=E4');
  });

  it('a sound annex: "Aucune anomalie."', () => {
    const plan = render(planSummarySheet(buildSummary(analyzeSheet(sheet(reference())), { workbook: 'c.xlsx', generatedAt: AT })));
    expect(plan.slice(4, 6)).toEqual(['section B #DDEBF7: 0=Anomalies relevées\u00a0: 0', 'line: 0=Aucune anomalie.']);
  });
});
