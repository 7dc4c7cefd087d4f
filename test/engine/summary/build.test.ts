/**
 * The summary builder on small hand-typed annexes, each built INSIDE its test (a summary built at
 * describe level runs before any test, so a mutation test would not see the test notice it).
 * Every expected figure, code, count and range is worked out by hand from the rows typed here
 * (docs/summary.md; /work/shared/ANNEX9.md): amounts in euros, ranges as the sheet shows them.
 */
import Decimal from 'decimal.js';
import { AnnexSummary, SheetReport, SummaryLine, analyzeSheet, buildSummary, cellName, summarySheetPlan } from '../../../src/domain';
import { CALPAE_TEMPLATE, AnnexTemplate } from '../../../src/domain/template';
import { SheetGrid } from '../../../src/domain/grid';
import { INITIATIVES, MARAUDES, PREVENTION, Typed, action, sheet, total } from '../../support/hand-table';

const AT = new Date(2023, 5, 12, 9, 5);
const REFERENTS = '0304 50 19 19 04 - Référents de parcours';
const INITIATIVE = "Engagements à l'initiative du département";
const ZERO: [Typed, Typed, Typed, Typed, Typed, Typed, Typed] = [0, 0, 0, 0, 0, 0, 0];

const eur = (m: number) => new Decimal(m).dividedBy(100).toFixed();
/** A line as `label | codes (last two digits) | actions | A/B/C/V/D/E/F | findings | range`; `x` unreadable, `?` a column the annex lacks. */
function line(l: SummaryLine): string {
  const amounts = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F']
    .map((k) => {
      const m = l.figures.amounts[k as 'A'];
      return m === null ? 'x' : m === undefined ? '?' : eur(m);
    })
    .join('/');
  return `${l.label} | ${l.codes.map((c) => c.slice(-2)).join(',')} | ${l.actions} | ${amounts} | ${l.findings} | ${l.ref?.range ?? '-'}`;
}
const totalsOf = (s: AnnexSummary) => [s.tables[0].totals.socle, s.tables[0].totals.initiative, s.tables[0].totals.grand].map(line);
const show = (m: Partial<Record<string, number | null>> | null) =>
  m ? ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'].map((k) => (m[k] === null ? 'x' : m[k] === undefined ? '?' : eur(m[k]!))).join('/') : '-';
const reconciliationOf = (s: AnnexSummary) => s.tables[0].reconciliation.map((r) => `${r.level} ${r.printedRef?.range ?? '-'} ${show(r.printed)} gap ${show(r.gap)}`);

function summarize(grid: SheetGrid, options: { lang?: 'fr' | 'en'; template?: AnnexTemplate } = {}): { report: SheetReport; s: AnnexSummary } {
  const report = analyzeSheet(grid, options.template ? { template: options.template } : {});
  return { report, s: buildSummary(report, { workbook: 'a.xlsx', generatedAt: AT, ...options }) };
}

describe('an annex read where it stands: the used range starts at C5, the table one column further right', () => {
  /**
   * Sheet rows (origin row 4, col 2; the table's first column, the theme, is D):
   *  5  header
   *  6  Maraudes 05  Maraude de jour   100 | 0 | 100 | 0 | 0 | 0 | 200
   *  7  Maraudes —   Maraude de nuit   300 | 0 | 200 | 0 | 0 | 0 | 500   code missing (filled 05), A ≠ C
   *  8  Sous total                     400 | 0 | 300 | 0 | 0 | 0 | 700
   *  9  Socle                          400 | 0 | 300 | 0 | 0 | 0 | 700
   * 10  TOTAUX FINANCIERS              400 | 0 | 300 | 0 | 0 | 0 | 700
   */
  const grid = (): SheetGrid => {
    const g = sheet([
      action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude de jour', [100, 0, 100, 0, 0, 0, 200]),
      action('Maraudes mixtes', null, '1.2', 'Maraude de nuit', [300, 0, 200, 0, 0, 0, 500]),
      total('Sous total', [400, 0, 300, 0, 0, 0, 700]),
      total('Sous-total engagements des mesures socle', [400, 0, 300, 0, 0, 0, 700]),
      total('TOTAUX FINANCIERS', [400, 0, 300, 0, 0, 0, 700]),
    ]);
    return { ...g, origin: { row: 4, col: 2 }, rows: g.rows.map((r) => r && [undefined, ...r]) };
  };

  it('counts both findings of row 7 on its lines, pays it on the code filled from its block, and names ranges as the sheet does', () => {
    const { report, s } = summarize(grid());
    // Code column E, C amounts in J: the two findings of row 7.
    expect(report.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['MISSING_IMPUTATION@E7', 'A_NEQ_C@J7']);
    const [t] = s.tables;
    expect(t.measures.map(line)).toEqual(['Maraudes mixtes | 05 | 2 | 400/0/300/0/0/0/700 | 2 | D6:N8']);
    expect(t.measures[0].subtotalRow).toBe(8);
    // Row 7 is paid on 05, the code the fill plan writes into E7: no line "Sans imputation".
    expect(t.codes.map(line)).toEqual(['Maraudes Etat (sans abri) / conseil départemental (ASE) | 05 | 2 | 400/0/300/0/0/0/700 | 2 | -']);
    expect(totalsOf(s)).toEqual([
      'Total mesures socles (recalculé) | 05 | 2 | 400/0/300/0/0/0/700 | 2 | D6:N9',
      'Total initiatives (recalculé) |  | 0 | 0/0/0/0/0/0/0 | 0 | -',
      'Total général (recalculé) | 05 | 2 | 400/0/300/0/0/0/700 | 2 | D6:N7',
    ]);
    // The printed totals' F cells: column N.
    expect(reconciliationOf(s)).toEqual(['socle N9 400/0/300/0/0/0/700 gap 0/0/0/0/0/0/0', 'grand N10 400/0/300/0/0/0/700 gap 0/0/0/0/0/0/0']);
  });
});

describe('template rows (« Intitulé de l’action n°2 »): no money, no action, but their block’s code', () => {
  /**
   *  2  Maraudes 05   Maraude de jour          100 | 0 | 100 | 0 | 0 | 0 | 200
   *  3  Maraudes —    Intitulé de l'action n°2  (empty)                        template row, block code 05
   *  4  Sous total                              100 | 0 | 100 | 0 | 0 | 0 | 200
   *  5  Prévention 06 (theme header, code only)
   *  6  Prévention —  Intitulé de l'action n°1   0 zeros                       template row, block code 06
   *  7  Sous total                                0
   *  8  Référents —   Intitulé de l'action n°1   0 zeros                       template row, no code at all
   *  9  Sous total                                0
   * 10  Socle                                   100 | 0 | 100 | 0 | 0 | 0 | 200
   * 11  Initiatives 10 Épicerie solidaire       500 | 0 | 500 | 0 | 0 | 0 | 1000
   * 12  Initiatives —  Intitulé de l'action n°2   0 zeros                       template row, block code 10
   * 13  Initiatives subtotal                    500 | 0 | 500 | 0 | 0 | 0 | 1000
   * 14  TOTAUX FINANCIERS                       600 | 0 | 600 | 0 | 0 | 0 | 1200
   */
  const rows = (): Typed[][] => [
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude de jour', [100, 0, 100, 0, 0, 0, 200]),
    action('Maraudes mixtes', null, '', "Intitulé de l'action n°2", [undefined, undefined, undefined, undefined, undefined, undefined, undefined]),
    total('Sous total', [100, 0, 100, 0, 0, 0, 200]),
    ['Prévention spécialisée', PREVENTION],
    action('Prévention spécialisée', null, '', "Intitulé de l'action n°1", ZERO),
    total('Sous total', ZERO),
    action('Référents de parcours', null, '', "Intitulé de l'action n°1", ZERO),
    total('Sous total', ZERO),
    total('Sous-total engagements des mesures socle', [100, 0, 100, 0, 0, 0, 200]),
    action(INITIATIVE, INITIATIVES, '', 'Épicerie solidaire', [500, 0, 500, 0, 0, 0, 1000]),
    action(INITIATIVE, null, '', "Intitulé de l'action n°2", ZERO),
    total("Sous total engagements à l'initiative du département", [500, 0, 500, 0, 0, 0, 1000]),
    total('TOTAUX FINANCIERS', [600, 0, 600, 0, 0, 0, 1200]),
  ];

  it('a measure lists its template row’s code but does not count it as an action', () => {
    const { report, s } = summarize(sheet(rows()));
    expect(report.findings).toEqual([]);
    expect(s.tables[0].measures.map(line)).toEqual([
      'Maraudes mixtes | 05 | 1 | 100/0/100/0/0/0/200 | 0 | A2:K4',
      'Prévention spécialisée | 06 | 0 | 0/0/0/0/0/0/0 | 0 | A6:K7',
      'Référents de parcours |  | 0 | 0/0/0/0/0/0/0 | 0 | A8:K9',
    ]);
  });

  it('no line per template row among the initiatives', () => {
    const { s } = summarize(sheet(rows()));
    expect(s.tables[0].initiatives.map(line)).toEqual(['Épicerie solidaire | 10 | 1 | 500/0/500/0/0/0/1000 | 0 | D11']);
  });

  it('by code: a template row lists its block’s code with zero; one with no certain code makes no line “Sans imputation”', () => {
    const { s } = summarize(sheet(rows()));
    expect(s.tables[0].codes.map(line)).toEqual([
      'Maraudes Etat (sans abri) / conseil départemental (ASE) | 05 | 1 | 100/0/100/0/0/0/200 | 0 | -',
      'Soutien à des actions de prévention spécialisée | 06 | 0 | 0/0/0/0/0/0/0 | 0 | -',
      'Initiatives locales | 10 | 1 | 500/0/500/0/0/0/1000 | 0 | -',
    ]);
    expect(totalsOf(s)).toEqual([
      'Total mesures socles (recalculé) | 05,06 | 1 | 100/0/100/0/0/0/200 | 0 | A2:K10',
      'Total initiatives (recalculé) | 10 | 1 | 500/0/500/0/0/0/1000 | 0 | A11:K13',
      'Total général (recalculé) | 05,06,10 | 2 | 600/0/600/0/0/0/1200 | 0 | A2:K12',
    ]);
  });
});

describe('measures: one subtotal over two theme blocks, a theme header between them, a row no label names', () => {
  /**
   *  2  Maraudes 05    Maraude      100 | 0 | 100 | 0 | 0 | 0 | 200
   *  3  Prévention 06  (theme header: theme and code, nothing else)
   *  4  Prévention 06  Éducateurs    10 | 0 |  10 | 0 | 0 | 0 |  20
   *  5  Sous total                  110 | 0 | 110 | 0 | 0 | 0 | 220   closes both blocks: one measure
   *  6  Référents 04   Référent       1 | 0 |   1 | 0 | 0 | 0 |   2
   *  7  « Total intermédiaire »       7 | 0 |   7 | 0 | 0 | 0 |  14   adds up nothing: unclassified
   *  8  Référents 04   Référent 2     2 | 0 |   2 | 0 | 0 | 0 |   4
   *  9  Sous total                    2 | 0 |   2 | 0 | 0 | 0 |   4
   * 10  Socle                       113 | 0 | 113 | 0 | 0 | 0 | 226
   * 11  TOTAUX FINANCIERS           113 | 0 | 113 | 0 | 0 | 0 | 226
   */
  const rows = (): Typed[][] => [
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
    ['Prévention spécialisée', PREVENTION],
    action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs', [10, 0, 10, 0, 0, 0, 20]),
    total('Sous total', [110, 0, 110, 0, 0, 0, 220]),
    action('Référents', REFERENTS, '4.1', 'Référent', [1, 0, 1, 0, 0, 0, 2]),
    total('Total intermédiaire', [7, 0, 7, 0, 0, 0, 14]),
    action('Référents', REFERENTS, '4.2', 'Référent 2', [2, 0, 2, 0, 0, 0, 4]),
    total('Sous total', [2, 0, 2, 0, 0, 0, 4]),
    total('Sous-total engagements des mesures socle', [113, 0, 113, 0, 0, 0, 226]),
    total('TOTAUX FINANCIERS', [113, 0, 113, 0, 0, 0, 226]),
  ];

  it('the measure keeps each block as a detail line; the unclassified row ends the measure above it', () => {
    const { report, s } = summarize(sheet(rows()));
    expect(report.tables[0].classified.rows.filter((r) => r.kind === 'unclassified').map((r) => r.index + 1)).toEqual([7]);
    const [t] = s.tables;
    expect(t.measures.map(line)).toEqual([
      'Maraudes mixtes | 05,06 | 2 | 110/0/110/0/0/0/220 | 0 | A2:K5',
      'Référents | 04 | 1 | 1/0/1/0/0/0/2 | 0 | A6:K6',
      'Référents | 04 | 1 | 2/0/2/0/0/0/4 | 0 | A8:K9',
    ]);
    expect(t.measures.map((m) => m.subtotalRow)).toEqual([5, null, 9]);
    expect(t.measures[0].blocks.map(line)).toEqual(['Maraudes mixtes | 05 | 1 | 100/0/100/0/0/0/200 | 0 | A2:K2', 'Prévention spécialisée | 06 | 1 | 10/0/10/0/0/0/20 | 0 | A4:K4']);
    expect(t.measures.slice(1).map((m) => m.blocks.length)).toEqual([0, 0]);
  });
});

describe('a socle with no printed total, its last measure closed by no subtotal; a control row', () => {
  /**
   *  2  Maraudes 05   Maraude      100 | 0 | 100 | 0 | 0 | 0 | 200
   *  3  Sous total                 100 | 0 | 100 | 0 | 0 | 0 | 200
   *  4  Prévention 06 Éducateurs    10 | 0 |  10 | 0 | 0 | 0 |  20   no subtotal, no socle total
   *  5  Initiatives 10 Épicerie      5 | 0 |   5 | 0 | 0 | 0 |  10
   *  6  Initiatives subtotal         5 | 0 |   5 | 0 | 0 | 0 |  10
   *  7  TOTAUX FINANCIERS          115 | 0 | 115 | (empty) | 0 | 0 | 230
   *  8  Total de contrôle          115 | 0 | 115 | 0 | 0 | 0 | 230
   */
  const rows = (): Typed[][] => [
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
    total('Sous total', [100, 0, 100, 0, 0, 0, 200]),
    action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs', [10, 0, 10, 0, 0, 0, 20]),
    action(INITIATIVE, INITIATIVES, '', 'Épicerie solidaire', [5, 0, 5, 0, 0, 0, 10]),
    total("Sous total engagements à l'initiative du département", [5, 0, 5, 0, 0, 0, 10]),
    total('TOTAUX FINANCIERS', [115, 0, 115, undefined, 0, 0, 230]),
    total('Total de contrôle', [115, 0, 115, 0, 0, 0, 230]),
  ];

  it('the socle’s range runs to its last action row, below its last subtotal', () => {
    const { s } = summarize(sheet(rows()));
    expect(s.tables[0].measures.map((m) => `${line(m)} | ${m.subtotalRow}`)).toEqual([
      'Maraudes mixtes | 05 | 1 | 100/0/100/0/0/0/200 | 0 | A2:K3 | 3',
      'Prévention spécialisée | 06 | 1 | 10/0/10/0/0/0/20 | 0 | A4:K4 | null',
    ]);
    expect(totalsOf(s)).toEqual([
      'Total mesures socles (recalculé) | 05,06 | 2 | 110/0/110/0/0/0/220 | 0 | A2:K4',
      'Total initiatives (recalculé) | 10 | 1 | 5/0/5/0/0/0/10 | 0 | A5:K6',
      'Total général (recalculé) | 05,06,10 | 3 | 115/0/115/0/0/0/230 | 0 | A2:K5',
    ]);
  });

  it('reconciles the socle with nothing printed, and reads an empty printed cell as zero', () => {
    const { s } = summarize(sheet(rows()));
    expect(reconciliationOf(s)).toEqual(['socle - - gap -', 'initiative K6 5/0/5/0/0/0/10 gap 0/0/0/0/0/0/0', 'grand K7 115/0/115/0/0/0/230 gap 0/0/0/0/0/0/0']);
  });
});

describe('sections out of order: a template whose socle a theme may open again (« Prévention » after the initiatives)', () => {
  const template: AnnexTemplate = { ...CALPAE_TEMPLATE, sections: [{ ...CALPAE_TEMPLATE.sections[0], starts: ['prevention'] }, ...CALPAE_TEMPLATE.sections.slice(1)] };
  /**
   *  2  Maraudes 05    Maraude      100 | 0 | 100 | 0 | 0 | 0 | 200   socle, closed by no subtotal
   *  3  Initiatives 10 Épicerie       5 | 0 |   5 | 0 | 0 | 0 |  10   initiative
   *  4  Prévention 06  Éducateurs    10 | 0 |  10 | 0 | 0 | 0 |  20   socle again
   *  5  Sous total                   10 | 0 |  10 | 0 | 0 | 0 |  20
   *  6  TOTAUX FINANCIERS           115 | 0 | 115 | 0 | 0 | 0 | 230
   */
  const rows = (): Typed[][] => [
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
    action(INITIATIVE, INITIATIVES, '', 'Épicerie solidaire', [5, 0, 5, 0, 0, 0, 10]),
    action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs', [10, 0, 10, 0, 0, 0, 20]),
    total('Sous total', [10, 0, 10, 0, 0, 0, 20]),
    total('TOTAUX FINANCIERS', [115, 0, 115, 0, 0, 0, 230]),
  ];

  it('an initiative row ends the socle measure above it; the grand total lists the codes in sheet order', () => {
    const { report, s } = summarize(sheet(rows()), { template });
    expect(report.tables[0].classified.rows.map((r) => `${r.index + 1} ${r.kind} ${r.section}`)).toEqual([
      '2 action socle',
      '3 action initiative',
      '4 action socle',
      '5 subtotal socle',
      '6 grandTotal socle',
    ]);
    // The subtotal adds every action row since the last total (rows 2 to 4: 115, printed 10), and
    // the grand total, the sections' totals (here that subtotal): A, C and F off on both.
    expect(report.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['SUBTOTAL@E5', 'SUBTOTAL@G5', 'SUBTOTAL@K5', 'GRAND_TOTAL@E6', 'GRAND_TOTAL@G6', 'GRAND_TOTAL@K6']);
    const [t] = s.tables;
    expect(t.measures.map((m) => `${line(m)} | ${m.subtotalRow}`)).toEqual([
      'Maraudes mixtes | 05 | 1 | 100/0/100/0/0/0/200 | 0 | A2:K2 | null',
      'Prévention spécialisée | 06 | 1 | 10/0/10/0/0/0/20 | 3 | A4:K5 | 5',
    ]);
    expect(line(t.totals.grand)).toBe(`Total général (recalculé) | 05,10,06 | 3 | 115/0/115/0/0/0/230 | 6 | A2:K4`);
  });
});

describe('an annex with only one of its two levels', () => {
  it('initiatives only: no socle line in the reconciliation, the grand total over the initiatives', () => {
    const { s } = summarize(
      sheet([
        action(INITIATIVE, INITIATIVES, '', 'Épicerie solidaire', [500, 0, 500, 0, 0, 0, 1000]),
        total("Sous total engagements à l'initiative du département", [500, 0, 500, 0, 0, 0, 1000]),
        total('TOTAUX FINANCIERS', [500, 0, 500, 0, 0, 0, 1000]),
      ]),
    );
    const [t] = s.tables;
    expect(t.measures).toEqual([]);
    expect(totalsOf(s)).toEqual([
      'Total mesures socles (recalculé) |  | 0 | 0/0/0/0/0/0/0 | 0 | -',
      'Total initiatives (recalculé) | 10 | 1 | 500/0/500/0/0/0/1000 | 0 | A2:K3',
      'Total général (recalculé) | 10 | 1 | 500/0/500/0/0/0/1000 | 0 | A2:K2',
    ]);
    expect(reconciliationOf(s)).toEqual(['initiative K3 500/0/500/0/0/0/1000 gap 0/0/0/0/0/0/0', 'grand K4 500/0/500/0/0/0/1000 gap 0/0/0/0/0/0/0']);
  });

  it('socle only, without the valued-share column: its columns, ranges to J, no initiative line', () => {
    const grid = sheet([
      action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
      total('Sous total', [100, 0, 100, 0, 0, 0, 200]),
      total('Sous-total engagements des mesures socle', [100, 0, 100, 0, 0, 0, 200]),
      total('TOTAUX FINANCIERS', [100, 0, 100, 0, 0, 0, 200]),
    ]);
    grid.rows = grid.rows.map((r) => r && [...r.slice(0, 7), ...r.slice(8)]);
    const { s } = summarize(grid);
    const [t] = s.tables;
    expect(t.columns).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(t.measures.map(line)).toEqual(['Maraudes mixtes | 05 | 1 | 100/0/100/?/0/0/200 | 0 | A2:J3']);
    expect(totalsOf(s)).toEqual([
      'Total mesures socles (recalculé) | 05 | 1 | 100/0/100/?/0/0/200 | 0 | A2:J4',
      'Total initiatives (recalculé) |  | 0 | 0/0/0/?/0/0/0 | 0 | -',
      'Total général (recalculé) | 05 | 1 | 100/0/100/?/0/0/200 | 0 | A2:J2',
    ]);
    expect(reconciliationOf(s)).toEqual(['socle J4 100/0/100/?/0/0/200 gap 0/0/0/?/0/0/0', 'grand J5 100/0/100/?/0/0/200 gap 0/0/0/?/0/0/0']);
  });
});

describe('initiatives in two blocks under two codes', () => {
  it('each code counts its block once', () => {
    const { s } = summarize(
      sheet([
        action(INITIATIVE, INITIATIVES, '', 'Épicerie solidaire', [500, 0, 500, 0, 0, 0, 1000]),
        action(INITIATIVE, INITIATIVES, '', 'Garage solidaire', [200, 0, 200, 0, 0, 0, 400]),
        action('Insertion', REFERENTS, '', 'Référent insertion', [30, 0, 30, 0, 0, 0, 60]),
        total("Sous total engagements à l'initiative du département", [730, 0, 730, 0, 0, 0, 1460]),
        total('TOTAUX FINANCIERS', [730, 0, 730, 0, 0, 0, 1460]),
      ]),
    );
    const [t] = s.tables;
    expect(t.initiatives.map(line)).toEqual([
      'Épicerie solidaire | 10 | 1 | 500/0/500/0/0/0/1000 | 0 | D2',
      'Garage solidaire | 10 | 1 | 200/0/200/0/0/0/400 | 0 | D3',
      'Référent insertion | 04 | 1 | 30/0/30/0/0/0/60 | 0 | D4',
    ]);
    expect(t.codes.map(line)).toEqual(['Référents de parcours | 04 | 1 | 30/0/30/0/0/0/60 | 0 | -', 'Initiatives locales | 10 | 2 | 700/0/700/0/0/0/1400 | 0 | -']);
  });
});

describe('words of the summary', () => {
  it('in English, a measure with no theme is named after its first row', () => {
    const { s } = summarize(
      sheet([
        action('', REFERENTS, '4.1', 'Référent', [10, 0, 10, 0, 0, 0, 20]),
        total('Sous total', [10, 0, 10, 0, 0, 0, 20]),
        total('Sous-total engagements des mesures socle', [10, 0, 10, 0, 0, 0, 20]),
        total('TOTAUX FINANCIERS', [10, 0, 10, 0, 0, 0, 20]),
      ]),
      { lang: 'en' },
    );
    expect(s.tables[0].measures.map((m) => m.label)).toEqual(['Measure with no theme (row 2)']);
  });

  it('a template with no derived column names none, and works none out', () => {
    const template: AnnexTemplate = { ...CALPAE_TEMPLATE, summaryDerived: [] };
    const report = analyzeSheet(sheet([action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 60, 0, 0, 0, 160]), total('TOTAUX FINANCIERS', [100, 0, 60, 0, 0, 0, 160])]));
    const s = buildSummary(report, { workbook: 'a.xlsx', generatedAt: AT, template, lang: 'en' });
    expect([s.names.gap, s.names.share]).toEqual(['', '']);
    expect([s.tables[0].totals.grand.figures.gapAC, s.tables[0].totals.grand.figures.stateShare]).toEqual([null, null]);
    const fr = buildSummary(report, { workbook: 'a.xlsx', generatedAt: AT });
    expect([fr.names.gap, fr.names.share]).toEqual(['Écart A − C', 'Part État (A+B)/F']);
  });

  it('the summary and its plan in one call, under the name asked for', () => {
    const report = analyzeSheet(sheet([action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]), total('TOTAUX FINANCIERS', [100, 0, 100, 0, 0, 0, 200])]));
    expect(summarySheetPlan(report, { workbook: 'a.xlsx', generatedAt: AT, name: 'Synthèse annexe 9 (2)' }).plan.name).toBe('Synthèse annexe 9 (2)');
    expect(summarySheetPlan(report, { workbook: 'a.xlsx', generatedAt: AT }).plan.name).toBe('Synthèse annexe 9');
  });
});

describe('a section’s total read by its words, wherever it stands', () => {
  it('an initiatives subtotal right after the socle (no socle total, no initiative) is the initiatives’ printed total', () => {
    const { report, s } = summarize(
      sheet([
        action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
        total('Sous total', [100, 0, 100, 0, 0, 0, 200]),
        total("Sous total engagements à l'initiative du département", ZERO),
        total('TOTAUX FINANCIERS', [100, 0, 100, 0, 0, 0, 200]),
      ]),
    );
    expect(report.tables[0].classified.rows.filter((r) => r.kind === 'sectionTotal').map((r) => `${r.index + 1} ${r.section} ${r.closes}`)).toEqual(['4 socle initiative']);
    expect(reconciliationOf(s)).toEqual(['socle - - gap -', 'initiative K4 0/0/0/0/0/0/0 gap 0/0/0/0/0/0/0', 'grand K5 100/0/100/0/0/0/200 gap 0/0/0/0/0/0/0']);
  });
});

describe('socle rows pending when the initiatives’ theme header and a subtotal come', () => {
  it('the initiatives’ subtotal does not close the socle’s measure', () => {
    const { report, s } = summarize(
      sheet([
        action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
        [INITIATIVE],
        total('Sous total', ZERO),
        total('TOTAUX FINANCIERS', [100, 0, 100, 0, 0, 0, 200]),
      ]),
    );
    expect(report.tables[0].classified.rows.map((r) => `${r.index + 1} ${r.kind} ${r.section}`)).toEqual(['2 action socle', '3 themeHeader initiative', '4 subtotal initiative', '5 grandTotal initiative']);
    expect(s.tables[0].measures.map((m) => `${line(m)} | ${m.subtotalRow}`)).toEqual(['Maraudes mixtes | 05 | 1 | 100/0/100/0/0/0/200 | 0 | A2:K2 | null']);
  });
});

describe('a template row with a finding (a stale formula in its F)', () => {
  it('counts it once on its measure and on the socle', () => {
    const { report, s } = summarize(
      sheet([
        action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude de jour', [100, 0, 100, 0, 0, 0, 200]),
        action('Maraudes mixtes', null, '', "Intitulé de l'action n°2", [0, 0, 0, 0, 0, 0, { value: 5, formula: '=E3+F3+G3+I3+J3' }]),
        total('Sous total', [100, 0, 100, 0, 0, 0, 200]),
        total('Sous-total engagements des mesures socle', [100, 0, 100, 0, 0, 0, 200]),
        total('TOTAUX FINANCIERS', [100, 0, 100, 0, 0, 0, 200]),
      ]),
    );
    expect(report.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['STALE_FORMULA@K3']);
    expect(report.tables[0].classified.rows.find((r) => r.index === 2)?.kind).toBe('placeholder');
    expect(s.tables[0].measures.map(line)).toEqual(['Maraudes mixtes | 05 | 1 | 100/0/100/0/0/0/200 | 1 | A2:K4']);
    expect(totalsOf(s)).toEqual([
      'Total mesures socles (recalculé) | 05 | 1 | 100/0/100/0/0/0/200 | 1 | A2:K5',
      'Total initiatives (recalculé) |  | 0 | 0/0/0/0/0/0/0 | 0 | -',
      'Total général (recalculé) | 05 | 1 | 100/0/100/0/0/0/200 | 1 | A2:K3',
    ]);
  });
});

describe('findings by rule over two tables side by side', () => {
  it('their cells in sheet order: by row, then by column, whichever table found them', () => {
    const left = sheet([
      action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
      action('Maraudes mixtes', MARAUDES, '1.2', 'Maraude 2', [100, 0, 90, 0, 0, 0, 190]),
      total('TOTAUX FINANCIERS', [200, 0, 190, 0, 0, 0, 390]),
    ]);
    const right = sheet([
      action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude', [100, 0, 80, 0, 0, 0, 180]),
      action('Maraudes mixtes', MARAUDES, '1.2', 'Maraude 2', [100, 0, 70, 0, 0, 0, 170]),
      total('TOTAUX FINANCIERS', [200, 0, 150, 0, 0, 0, 350]),
    ]);
    // The right-hand table starts in column M: its C column is S.
    const { report, s } = summarize({ ...left, rows: left.rows.map((r, i) => [...(r ?? []), undefined, ...(right.rows[i] ?? [])]) });
    expect(report.findings.map((f) => cellName(f.at))).toEqual(['G3', 'S2', 'S3']);
    expect(s.findingsByRule.map((r) => `${r.rule} ${r.count} ${r.cells.join(',')}`)).toEqual(['A_NEQ_C 3 S2,G3,S3']);
  });
});

describe('a code the template does not know', () => {
  it('its line is named by the text written in the code cell, the code cut off', () => {
    const { s } = summarize(
      sheet([
        action('Maraudes mixtes', '0304 50 19 19 99 - Autre action', '1.1', 'Maraude', [100, 0, 100, 0, 0, 0, 200]),
        total('Sous total', [100, 0, 100, 0, 0, 0, 200]),
        total('Sous-total engagements des mesures socle', [100, 0, 100, 0, 0, 0, 200]),
        total('TOTAUX FINANCIERS', [100, 0, 100, 0, 0, 0, 200]),
      ]),
    );
    expect(s.tables[0].codes.map((c) => `${c.code} | ${line(c)}`)).toEqual(['0304 50 19 19 99 | Autre action | 99 | 1 | 100/0/100/0/0/0/200 | 0 | -']);
  });
});

describe('an action whose code no theme settles', () => {
  it('is counted under no code, beside a template row with no code either', () => {
    const { report, s } = summarize(
      sheet([
        action('Maraudes et prévention spécialisée', null, '3.1', 'Mixte', [50, 0, 50, 0, 0, 0, 100]),
        action('Maraudes et prévention spécialisée', null, '', "Intitulé de l'action n°2", ZERO),
        total('Sous total', [50, 0, 50, 0, 0, 0, 100]),
        total('Sous-total engagements des mesures socle', [50, 0, 50, 0, 0, 0, 100]),
        total('TOTAUX FINANCIERS', [50, 0, 50, 0, 0, 0, 100]),
      ]),
    );
    expect(report.fills).toEqual([]);
    expect(s.tables[0].codes.map((c) => `${c.code} | ${line(c)}`)).toEqual(['null | Sans imputation Chorus |  | 1 | 50/0/50/0/0/0/100 | 1 | -']);
  });
});
