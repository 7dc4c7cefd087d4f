/**
 * The summary sheet's layout (src/domain/summary/layout.ts), cell by cell, for small hand-typed
 * annexes: what test/engine/summary-by-hand.test.ts leaves out (a sound annex in full, a measure
 * of two theme blocks, one finding off the codes, article 2's total, notified amounts read or
 * typed, a printed total missing, two tables, a long list of cells), in French and in English.
 * Every expectation is typed by hand from the rows written above it.
 */
import Decimal from 'decimal.js';
import { AnnexSummary, NotifiedAmount, NotifiedTotal, SheetPlan, analyzeSheet, buildSummary, planSummarySheet } from '../../../src/domain';
import { HEADER, INITIATIVES, MARAUDES, PREVENTION, Typed, action, reference, sheet, total } from '../../support/hand-table';

const AT = new Date(2023, 5, 12, 9, 5);
const INITIATIVE = "Engagements à l'initiative du département";
const CODE = { '05': '0304 50 19 19 05', '06': '0304 50 19 19 06', '10': '0304 50 19 19 10' };
const GAP = '*#F8CBAD';

function summaryOf(
  body: Typed[][],
  lang: 'fr' | 'en' = 'fr',
  more: { notified?: NotifiedAmount[]; notifiedTotal?: NotifiedTotal; raw?: boolean } = {},
): AnnexSummary {
  return buildSummary(analyzeSheet(more.raw ? rawSheet(body) : sheet(body)), {
    lang,
    workbook: 'c.xlsx',
    generatedAt: AT,
    notified: more.notified,
    notifiedTotal: more.notifiedTotal,
  });
}
/** A sheet whose rows are given whole, header(s) included. */
function rawSheet(rows: Typed[][]) {
  const grid = sheet([]);
  grid.rows = sheet(rows).rows.slice(1);
  return grid;
}

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
const plan = (s: AnnexSummary) => render(planSummarySheet(s));
/** Amount columns A, B, C, valorisation, D, E, F in plan columns 4 to 10. */
const figures = (...v: string[]) => v.map((x, i) => `${4 + i}=${x}`).join(' | ');

const HEADERS_FR =
  'header B #D9D9D9 W: 0=Mesure / action | 1=Imputation Chorus | 2=Dans l’annexe | 3=Nombre d’actions | 4=A – Participation État | 5=B – Crédits État reportés | 6=C – Crédits CD affectés | 7=Dont valorisation CD | 8=D – Crédits CD reportés | 9=E – Autres financeurs | 10=F – Budget global de l’action | 11=Écart A − C | 12=Part État (A+B)/F | 13=Anomalies';
const HEADERS_EN =
  'header B #D9D9D9 W: 0=Measure / action | 1=Chorus code | 2=In the annex | 3=Actions | 4=A – State share | 5=B – State carry-over | 6=C – département credits | 7=Valued share (CD) | 8=D – département carry-over | 9=E – other funders | 10=F – total budget | 11=Gap A − C | 12=State share (A+B)/F | 13=Findings';

describe('the plan of a sound annex (test/support/hand-table reference(): rows 2–10, every rule holds)', () => {
  it('in French, row by row: no finding, no note on the codes, every reconciliation gap zero', () => {
    const p = planSummarySheet(summaryOf(reference()));
    expect(render(p)).toEqual([
      'title B 14pt: 0=Synthèse de l’annexe 9 — feuille «\u00a0Annexe 9\u00a0»',
      'info: 0=Classeur\u00a0: c.xlsx — générée le 12/06/2023 à 09:05',
      HEADERS_FR,
      'line: ',
      'section B #DDEBF7: 0=Anomalies relevées\u00a0: 0',
      'line: 0=Aucune anomalie.',
      'line: ',
      'section B #DDEBF7: 0=Mesures socles',
      `line W: 0=Maraudes mixtes | 1=${CODE['05']} | 2=[lignes 2 à 4→Annexe 9!A2:K4] | 3=#2 | ${figures('400.00', '0.00', '400.00', '50.00', '0.00', '0.00', '800.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `line W: 0=Prévention spécialisée | 1=${CODE['06']} | 2=[lignes 5 à 6→Annexe 9!A5:K6] | 3=#1 | ${figures('1000.00', '0.00', '1000.00', '0.00', '0.00', '0.00', '2000.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `total B #F2F2F2: 0=Total mesures socles (recalculé) | 3=#3 | ${figures('1400.00', '0.00', '1400.00', '50.00', '0.00', '0.00', '2800.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      'line: ',
      'section B #DDEBF7: 0=Initiatives du département',
      `line W: 0=Épicerie solidaire | 1=${CODE['10']} | 2=[ligne 8→Annexe 9!D8] | 3=#1 | ${figures('500.00', '0.00', '500.00', '0.00', '0.00', '0.00', '1000.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `total B #F2F2F2: 0=Total initiatives (recalculé) | 3=#1 | ${figures('500.00', '0.00', '500.00', '0.00', '0.00', '0.00', '1000.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      'line: ',
      `total B #F2F2F2: 0=Total général (recalculé) | 3=#4 | ${figures('1900.00', '0.00', '1900.00', '50.00', '0.00', '0.00', '3800.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      'line: ',
      'section B #DDEBF7: 0=Par imputation Chorus',
      `line W: 0=Maraudes Etat (sans abri) / conseil départemental (ASE) | 1=${CODE['05']} | 3=#2 | ${figures('400.00', '0.00', '400.00', '50.00', '0.00', '0.00', '800.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `line W: 0=Soutien à des actions de prévention spécialisée | 1=${CODE['06']} | 3=#1 | ${figures('1000.00', '0.00', '1000.00', '0.00', '0.00', '0.00', '2000.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `line W: 0=Initiatives locales | 1=${CODE['10']} | 3=#1 | ${figures('500.00', '0.00', '500.00', '0.00', '0.00', '0.00', '1000.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `total B #F2F2F2: 0=Total par imputation | 3=#4 | ${figures('1900.00', '0.00', '1900.00', '50.00', '0.00', '0.00', '3800.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      // No finding on a total row: no note saying so.
      'line: ',
      'section B #DDEBF7: 0=Rapprochement avec les totaux imprimés dans l’annexe',
      `line: 0=Sous-total mesures socles — imprimé dans l’annexe | 2=[K7→Annexe 9!K7] | ${figures('1400.00', '0.00', '1400.00', '50.00', '0.00', '0.00', '2800.00')}`,
      `line: 0=Sous-total mesures socles — recalculé depuis les lignes d’action | ${figures('1400.00', '0.00', '1400.00', '50.00', '0.00', '0.00', '2800.00')}`,
      `gap B: 0=Sous-total mesures socles — écart (imprimé − recalculé) | ${figures('0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00')}`,
      `line: 0=Sous-total initiatives — imprimé dans l’annexe | 2=[K9→Annexe 9!K9] | ${figures('500.00', '0.00', '500.00', '0.00', '0.00', '0.00', '1000.00')}`,
      `line: 0=Sous-total initiatives — recalculé depuis les lignes d’action | ${figures('500.00', '0.00', '500.00', '0.00', '0.00', '0.00', '1000.00')}`,
      `gap B: 0=Sous-total initiatives — écart (imprimé − recalculé) | ${figures('0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00')}`,
      `line: 0=TOTAUX FINANCIERS — imprimé dans l’annexe | 2=[K10→Annexe 9!K10] | ${figures('1900.00', '0.00', '1900.00', '50.00', '0.00', '0.00', '3800.00')}`,
      `line: 0=TOTAUX FINANCIERS — recalculé depuis les lignes d’action | ${figures('1900.00', '0.00', '1900.00', '50.00', '0.00', '0.00', '3800.00')}`,
      `gap B: 0=TOTAUX FINANCIERS — écart (imprimé − recalculé) | ${figures('0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00')}`,
      'line: ',
      'note I: 0=Feuille produite par le contrôle de l’annexe 9\u00a0: elle est remplacée à chaque nouvelle génération, n’y saisissez rien. Les montants sont recalculés depuis les lignes d’action de l’annexe.',
    ]);
    expect(p.print.area).toBe('A1:N36');
    // The chart's lines: the three codes, rows 20 to 22 of the sheet (0-based 19), label, A, C and F.
    expect(p.byCode).toEqual({ firstRow: 19, rows: 3, label: 0, A: 4, C: 6, F: 10 });
  });

  it('every row holds one slot per plan column, empty ones null: the writers get no holes', () => {
    const p = planSummarySheet(summaryOf(reference()));
    for (const row of p.rows) {
      expect(Object.keys(row.cells)).toHaveLength(14);
      expect(row.cells.filter((c) => c === null).length + row.cells.filter((c) => c !== null).length).toBe(14);
    }
    expect(p.rows[3].cells).toStrictEqual(new Array(14).fill(null));
  });

  it('in English: "No finding.", the same rows in their words', () => {
    const rows = plan(summaryOf(reference(), 'en'));
    expect(rows.slice(0, 6)).toEqual([
      'title B 14pt: 0=Annex 9 summary — sheet "Annexe 9"',
      'info: 0=Workbook: c.xlsx — generated on 2023-06-12 09:05',
      HEADERS_EN,
      'line: ',
      'section B #DDEBF7: 0=Findings: 0',
      'line: 0=No finding.',
    ]);
    expect(rows.slice(18, 24)).toEqual([
      'section B #DDEBF7: 0=By Chorus code',
      `line W: 0=Maraudes Etat (sans abri) / conseil départemental (ASE) | 1=${CODE['05']} | 3=#2 | ${figures('400.00', '0.00', '400.00', '50.00', '0.00', '0.00', '800.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `line W: 0=Soutien à des actions de prévention spécialisée | 1=${CODE['06']} | 3=#1 | ${figures('1000.00', '0.00', '1000.00', '0.00', '0.00', '0.00', '2000.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `line W: 0=Initiatives locales | 1=${CODE['10']} | 3=#1 | ${figures('500.00', '0.00', '500.00', '0.00', '0.00', '0.00', '1000.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `total B #F2F2F2: 0=Total by code | 3=#4 | ${figures('1900.00', '0.00', '1900.00', '50.00', '0.00', '0.00', '3800.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      'line: ',
    ]);
    expect(rows.filter((r) => r.startsWith('note'))).toEqual([
      'note I: 0=Sheet made by the annex 9 check: it is replaced each time it is generated again, do not type in it. Amounts are recomputed from the annex action rows.',
    ]);
  });
});

/**
 * One subtotal over two theme blocks of two codes, one finding on an action row, one on a total row:
 *  2  Maraudes 05     Maraude     100 | 0 |  80 |  0 | 0 | 0 | 180   A ≠ C (G2)
 *  3  Prévention 06   Éducateurs  200 | 0 | 200 |  0 | 0 | 0 | 400
 *  4  Sous total                  300 | 0 | 280 |  0 | 0 | 0 | 580
 *  5  Socle                       300 | 0 | 280 |  0 | 0 | 0 | 580
 *  6  Initiatives 10  Épicerie     50 | 0 |  50 |  0 | 0 | 0 | 100
 *  7  Initiatives subtotal         50 | 0 |  50 |  0 | 0 | 0 | 100
 *  8  TOTAUX FINANCIERS           350 | 0 | 330 | 10 | 0 | 0 | 680   valorisation ≠ 0 + 0 (H8)
 */
function twoBlocks(): Typed[][] {
  return [
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 80, 0, 0, 0, 180]),
    action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs', [200, 0, 200, 0, 0, 0, 400]),
    total('Sous total', [300, 0, 280, 0, 0, 0, 580]),
    total('Sous-total engagements des mesures socle', [300, 0, 280, 0, 0, 0, 580]),
    action(INITIATIVE, INITIATIVES, '', 'Épicerie solidaire', [50, 0, 50, 0, 0, 0, 100]),
    total("Sous total engagements à l'initiative du département", [50, 0, 50, 0, 0, 0, 100]),
    total('TOTAUX FINANCIERS', [350, 0, 330, 10, 0, 0, 680]),
  ];
}

describe('a measure of two theme blocks, and one finding on a total row', () => {
  it('in French: the measure lists both codes; its blocks are italic, indented detail lines, their gap A − C not filled', () => {
    const rows = plan(summaryOf(twoBlocks()));
    const socle = rows.indexOf('section B #DDEBF7: 0=Mesures socles');
    expect(rows.slice(socle + 1, socle + 4)).toEqual([
      `line W: 0=Maraudes mixtes | 1=${CODE['05']}, ${CODE['06']} | 2=[lignes 2 à 4→Annexe 9!A2:K4] | 3=#2 | ${figures('300.00', '0.00', '280.00', '0.00', '0.00', '0.00', '580.00')} | 11=20.00${GAP} | 12=0.5172 | 13=#1`,
      `detail I >1 W: 0=dont Maraudes mixtes | 1=${CODE['05']} | 2=[ligne 2→Annexe 9!A2:K2] | 3=#1 | ${figures('100.00', '0.00', '80.00', '0.00', '0.00', '0.00', '180.00')} | 11=20.00 | 12=0.5556 | 13=#1`,
      `detail I >1 W: 0=dont Prévention spécialisée | 1=${CODE['06']} | 2=[ligne 3→Annexe 9!A3:K3] | 3=#1 | ${figures('200.00', '0.00', '200.00', '0.00', '0.00', '0.00', '400.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
    ]);
    // Two findings in all, one (G2) under code 05: the other (H8) is under no code, and said so in the singular.
    const byCodeTotal = rows.findIndex((r) => r.startsWith('total B #F2F2F2: 0=Total par imputation'));
    expect(rows[byCodeTotal]).toMatch(/ 13=#1$/);
    expect(rows[byCodeTotal + 1]).toBe(
      'note I: 0=1 anomalie des lignes de total ne relève d’aucune imputation\u00a0: comptée dans le total général, pas dans le total par imputation.',
    );
  });

  it('in English: "of which", and "1 finding … belongs"', () => {
    const rows = plan(summaryOf(twoBlocks(), 'en'));
    expect(rows.filter((r) => r.startsWith('detail')).map((r) => r.split(' | ')[0])).toEqual([
      'detail I >1 W: 0=of which Maraudes mixtes',
      'detail I >1 W: 0=of which Prévention spécialisée',
    ]);
    expect(rows.filter((r) => r.startsWith('note'))[0]).toBe(
      'note I: 0=1 finding on total rows belongs to no code: counted in the grand total, not in the total by code.',
    );
  });

  it('in English, two findings on total rows "belong"', () => {
    // The initiatives' subtotal and the grand total both print F 1 000 where the rows make 1 100.
    const body = twoBlocks();
    body[5] = total("Sous total engagements à l'initiative du département", [50, 0, 50, 0, 0, 0, 1000]);
    body[6] = total('TOTAUX FINANCIERS', [350, 0, 330, 0, 0, 0, 1580]);
    const s = summaryOf(body, 'en');
    expect(s.findingsByRule.map((r) => `${r.rule} ${r.cells.join(',')}`)).toEqual(['SECTION_TOTAL K7', 'ROW_TOTAL K8', 'A_NEQ_C G2']);
    expect(plan(s).filter((r) => r.startsWith('note'))[0]).toBe(
      'note I: 0=2 findings on total rows belong to no code: counted in the grand total, not in the total by code.',
    );
  });
});

const PAGE_8 = 'convention.pdf, page 8';
const PAGE_9 = 'convention.pdf, page 9';
const notified = (code: keyof typeof CODE, euros: number, source?: string): NotifiedAmount => ({ code: CODE[code], amount: new Decimal(euros), ...(source ? { source } : {}) });

describe('article 2 of the convention: the State’s total support, against the annex’s total A (1 900 €)', () => {
  it('alone (no amount per code): two more columns, left empty on the codes and their total; the article’s own line', () => {
    const p = planSummarySheet(summaryOf(reference(), 'fr', { notifiedTotal: { amount: new Decimal(2000), source: PAGE_8 } }));
    const rows = render(p);
    expect(rows[2]).toBe(`${HEADERS_FR} | 14=Notifié par l’État (art. 3.1) | 15=Écart A − notifié`);
    const codes = rows.indexOf('section B #DDEBF7: 0=Par imputation Chorus');
    expect(rows.slice(codes + 4, codes + 7)).toEqual([
      `total B #F2F2F2: 0=Total par imputation | 3=#4 | ${figures('1900.00', '0.00', '1900.00', '50.00', '0.00', '0.00', '3800.00')} | 11=0.00 | 12=0.5000 | 13=#0`,
      `total B #F2F2F2 W: 0=Soutien financier de l’État — article 2 de la convention (${PAGE_8}) | 4=1900.00 | 14=2000.00 | 15=-100.00${GAP}`,
      'line: ',
    ]);
    expect(rows.filter((r) => r.startsWith('note'))).toHaveLength(1);
    expect(p.widths).toHaveLength(16);
    expect(p.print.area).toBe('A1:P37');
    expect(p.rows.every((r) => r.cells.length === 16)).toBe(true);
  });

  it('in English', () => {
    const rows = plan(summaryOf(reference(), 'en', { notifiedTotal: { amount: new Decimal(1900), source: PAGE_8 } }));
    expect(rows[2]).toBe(`${HEADERS_EN} | 14=Notified by the State (art. 3.1) | 15=Gap A − notified`);
    expect(rows).toContain(`total B #F2F2F2 W: 0=State support — article 2 of the convention (${PAGE_8}) | 4=1900.00 | 14=1900.00 | 15=0.00`);
  });
});

describe('amounts per code (article 3.1) and article 2 together', () => {
  /** The rows from the total by code to the reconciliation's section. */
  const notes = (rows: string[]) => rows.slice(rows.findIndex((r) => r.startsWith('total B #F2F2F2: 0=Total par imputation') || r.startsWith('total B #F2F2F2: 0=Total by code')), rows.length - 12);

  it('all read in the convention, adding up to more than its article 2: the convention contradicts itself', () => {
    const rows = plan(
      summaryOf(reference(), 'fr', {
        notified: [notified('05', 400, PAGE_9), notified('06', 1000, PAGE_9), notified('10', 500, PAGE_9)],
        notifiedTotal: { amount: new Decimal(2000), source: PAGE_8 },
      }),
    );
    expect(notes(rows)).toEqual([
      `total B #F2F2F2: 0=Total par imputation | 3=#4 | ${figures('1900.00', '0.00', '1900.00', '50.00', '0.00', '0.00', '3800.00')} | 11=0.00 | 12=0.5000 | 13=#0 | 14=1900.00 | 15=0.00`,
      `total B #F2F2F2 W: 0=Soutien financier de l’État — article 2 de la convention (${PAGE_8}) | 4=1900.00 | 14=2000.00 | 15=-100.00${GAP}`,
      'note I W: 0=La convention se contredit\u00a0: ses montants par imputation (article 3.1) totalisent 1\u202f900,00\u00a0€, son article 2 annonce 2\u202f000,00\u00a0€ (écart -100,00\u00a0€).',
      `note I W: 0=Montants notifiés lus dans la convention\u00a0: 05 (${PAGE_9}), 06 (${PAGE_9}), 10 (${PAGE_9}).`,
      'note I: 0=Les montants notifiés concordent avec la colonne A.',
      'line: ',
    ]);
  });

  it('some typed by hand, adding up to more than article 2: the sums differ; which were read, which typed', () => {
    const rows = plan(
      summaryOf(reference(), 'fr', {
        notified: [notified('05', 400, PAGE_9), notified('06', 1000, PAGE_9), notified('10', 500)],
        notifiedTotal: { amount: new Decimal(1850), source: PAGE_8 },
      }),
    );
    expect(notes(rows).slice(1, 5)).toEqual([
      `total B #F2F2F2 W: 0=Soutien financier de l’État — article 2 de la convention (${PAGE_8}) | 4=1900.00 | 14=1850.00 | 15=50.00${GAP}`,
      'note I W: 0=Les montants notifiés par imputation totalisent 1\u202f900,00\u00a0€, son article 2 annonce 1\u202f850,00\u00a0€ (écart +50,00\u00a0€).',
      `note I W: 0=Montants notifiés lus dans la convention\u00a0: 05 (${PAGE_9}), 06 (${PAGE_9})\u202f; saisis à la main\u00a0: 10.`,
      'note I: 0=Les montants notifiés concordent avec la colonne A.',
    ]);
  });

  it('adding up to article 2: no note on article 2', () => {
    const rows = plan(
      summaryOf(reference(), 'fr', {
        notified: [notified('05', 400, PAGE_9), notified('06', 1000, PAGE_9), notified('10', 500, PAGE_9)],
        notifiedTotal: { amount: new Decimal(1900), source: PAGE_8 },
      }),
    );
    expect(notes(rows).slice(1)).toEqual([
      `total B #F2F2F2 W: 0=Soutien financier de l’État — article 2 de la convention (${PAGE_8}) | 4=1900.00 | 14=1900.00 | 15=0.00`,
      `note I W: 0=Montants notifiés lus dans la convention\u00a0: 05 (${PAGE_9}), 06 (${PAGE_9}), 10 (${PAGE_9}).`,
      'note I: 0=Les montants notifiés concordent avec la colonne A.',
      'line: ',
    ]);
  });

  it('all typed by hand: no note on where they were read', () => {
    const rows = plan(summaryOf(reference(), 'fr', { notified: [notified('05', 400), notified('06', 1000), notified('10', 500)] }));
    expect(notes(rows).slice(1)).toEqual(['note I: 0=Les montants notifiés concordent avec la colonne A.', 'line: ']);
  });

  it('in English: read and typed, contradicting, agreeing, disagreeing', () => {
    const read = plan(
      summaryOf(reference(), 'en', {
        notified: [notified('05', 400, PAGE_9), notified('06', 1000, PAGE_9), notified('10', 500, PAGE_9)],
        notifiedTotal: { amount: new Decimal(2000), source: PAGE_8 },
      }),
    );
    expect(notes(read).slice(2)).toEqual([
      'note I W: 0=The convention contradicts itself: its amounts per code (article 3.1) add up to €1,900.00, its article 2 states €2,000.00 (gap -€100.00).',
      `note I W: 0=Notified amounts read in the convention: 05 (${PAGE_9}), 06 (${PAGE_9}), 10 (${PAGE_9}).`,
      'note I: 0=The notified amounts agree with column A.',
      'line: ',
    ]);
    const typed = plan(
      summaryOf(reference(), 'en', {
        notified: [notified('05', 401, PAGE_9), notified('06', 1000)],
        notifiedTotal: { amount: new Decimal(1000), source: PAGE_8 },
      }),
    );
    expect(notes(typed).slice(2)).toEqual([
      'note I W: 0=The notified amounts per code add up to €1,401.00, its article 2 states €1,000.00 (gap +€401.00).',
      `note I W: 0=Notified amounts read in the convention: 05 (${PAGE_9}); typed by hand: 06.`,
      `note I: 0=Disagreements with the notified amounts: ${CODE['05']}: A €400.00 in the annex, €401.00 notified; ${CODE['10']}: no notified amount.`,
      'line: ',
    ]);
  });
});

/**
 * Column A unreadable on a code's row (E4 « à voir »), the valued share's column left out:
 *  2  Maraudes 05     Maraude     100 | 0 | 100 | 0 | 0 | 200
 *  3  Prévention 06   Éducateurs  « à voir » | 0 | 300 | 0 | 0 | 600
 *  4  Socle                       400 | 0 | 400 | 0 | 0 | 800
 *  5  TOTAUX                      400 | 0 | 400 | 0 | 0 | 800
 */
function unreadable(): Typed[][] {
  const rows = [
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
    action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs', [{ value: 'à voir' }, 0, 300, 0, 0, 0, 600]),
    total('Sous-total engagements des mesures socle', [400, 0, 400, 0, 0, 0, 800]),
    total('TOTAUX FINANCIERS', [400, 0, 400, 0, 0, 0, 800]),
  ];
  return rows.map((r) => [...r.slice(0, 7), ...r.slice(8)]);
}

describe('an unreadable A, no initiative (the valued share’s column left out)', () => {
  it('in English: "unreadable", "No action."', () => {
    const rows = plan(summaryOf([HEADER.filter((_, i) => i !== 7), ...unreadable()], 'en', { raw: true }));
    expect(rows).toContain(
      `line W: 0=Prévention spécialisée | 1=${CODE['06']} | 2=[row 3→Annexe 9!A3:J3] | 3=#1 | 4=unreadable | 5=0.00 | 6=300.00 | 8=0.00 | 9=0.00 | 10=600.00 | 11=unreadable | 13=#1`,
    );
    expect(rows[rows.indexOf("section B #DDEBF7: 0=Département's initiatives") + 1]).toBe('line: 0=No action.');
  });

  it('a code notified whose A cannot be read: said so, never « they agree »', () => {
    const body = [HEADER.filter((_, i) => i !== 7), ...unreadable()];
    const rows = plan(summaryOf(body, 'fr', { raw: true, notified: [notified('05', 100), notified('06', 300)] }));
    expect(rows.filter((r) => r.startsWith('line W: 0=Soutien'))).toEqual([
      `line W: 0=Soutien à des actions de prévention spécialisée | 1=${CODE['06']} | 3=#1 | 4=illisible | 5=0.00 | 6=300.00 | 8=0.00 | 9=0.00 | 10=600.00 | 11=illisible | 13=#1 | 14=300.00 | 15=illisible`,
    ]);
    expect(rows.filter((r) => r.startsWith('note I: 0=Désaccords') || r.startsWith('note I: 0=Les montants'))).toEqual([
      `note I: 0=Désaccords avec les montants notifiés\u00a0: ${CODE['06']}\u00a0: A illisible dans l’annexe, 300,00\u00a0€ notifiés.`,
    ]);
    const en = plan(summaryOf(body, 'en', { raw: true, notified: [notified('05', 101), notified('06', 300)] }));
    expect(en.filter((r) => r.startsWith('note I: 0=Disagreements') || r.startsWith('note I: 0=The notified'))).toEqual([
      `note I: 0=Disagreements with the notified amounts: ${CODE['05']}: A €100.00 in the annex, €101.00 notified; ${CODE['06']}: A unreadable in the annex, €300.00 notified.`,
    ]);
  });
});

describe('a printed total missing from the annex', () => {
  // The reference annex without its initiatives' subtotal (row 9).
  const body = () => reference().filter((_, i) => i !== 7);

  it('in French: « absent de l’annexe », its recomputed line, no gap line', () => {
    const rows = plan(summaryOf(body()));
    const at = rows.indexOf('line: 0=Sous-total initiatives — absent de l’annexe');
    expect(rows.slice(at, at + 3)).toEqual([
      'line: 0=Sous-total initiatives — absent de l’annexe',
      `line: 0=Sous-total initiatives — recalculé depuis les lignes d’action | ${figures('500.00', '0.00', '500.00', '0.00', '0.00', '0.00', '1000.00')}`,
      `line: 0=TOTAUX FINANCIERS — imprimé dans l’annexe | 2=[K9→Annexe 9!K9] | ${figures('1900.00', '0.00', '1900.00', '50.00', '0.00', '0.00', '3800.00')}`,
    ]);
  });

  it('in English: "not in the annex"', () => {
    expect(plan(summaryOf(body(), 'en'))).toContain('line: 0=Initiatives subtotal — not in the annex');
  });
});

describe('two tables on one sheet', () => {
  // The reference table in rows 1–10, again in rows 13–22.
  const rows = (): Typed[][] => [HEADER, ...reference(), [], [], HEADER, ...reference()];

  it('each under its own section; the chart draws the first table’s codes', () => {
    const p = planSummarySheet(summaryOf(rows(), 'fr', { raw: true }));
    const r = render(p);
    expect(r.filter((x) => x.startsWith('section B #DDEBF7: 0=Tableau'))).toEqual(['section B #DDEBF7: 0=Tableau en A1', 'section B #DDEBF7: 0=Tableau en A13']);
    const first = r.indexOf('section B #DDEBF7: 0=Tableau en A1');
    expect(r.slice(first - 1, first + 3)).toEqual(['line: ', 'section B #DDEBF7: 0=Tableau en A1', 'line: ', 'section B #DDEBF7: 0=Mesures socles']);
    // Findings part: title, 3 rows; then blank, section, blank, section, 2 measures, total, blank,
    // section, 1 initiative, total, blank, grand total, blank, section: the codes from row 21 (0-based 20).
    expect(p.byCode).toEqual({ firstRow: 21, rows: 3, label: 0, A: 4, C: 6, F: 10 });
    expect(r[21]).toMatch(/^line W: 0=Maraudes Etat/);
  });

  it('in English: "Table at"', () => {
    expect(plan(summaryOf(rows(), 'en', { raw: true })).filter((x) => x.startsWith('section B #DDEBF7: 0=Table at'))).toEqual([
      'section B #DDEBF7: 0=Table at A1',
      'section B #DDEBF7: 0=Table at A13',
    ]);
  });
});

describe('a rule found on many cells lists the first twenty', () => {
  /** `n` action rows of one block, each with A 100 ≠ C 90, F 190; socle and grand total right. */
  const body = (n: number): Typed[][] => [
    ...Array.from({ length: n }, (_, i) => action('Maraudes mixtes', MARAUDES, `1.${i + 1}`, `Maraude ${i + 1}`, [100, 0, 90, 0, 0, 0, 190])),
    total('Sous-total engagements des mesures socle', [100 * n, 0, 90 * n, 0, 0, 0, 190 * n]),
    total('TOTAUX FINANCIERS', [100 * n, 0, 90 * n, 0, 0, 0, 190 * n]),
  ];
  const cells = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `G${from + i}`).join(', ');

  it('twenty: all of them', () => {
    expect(plan(summaryOf(body(20)))[6]).toBe(`line: 0=Cofinancement 50/50 (A ≠ C) | 1=#20 | 2=[G2→Annexe 9!G2] | 3=${cells(2, 21)}`);
  });

  it('twenty-one: the first twenty and an ellipsis', () => {
    expect(plan(summaryOf(body(21)))[6]).toBe(`line: 0=Cofinancement 50/50 (A ≠ C) | 1=#21 | 2=[G2→Annexe 9!G2] | 3=${cells(2, 21)}…`);
  });
});
