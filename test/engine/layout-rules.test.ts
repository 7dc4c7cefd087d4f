/**
 * The pieces behind issue 12, one by one: header bands joined column by column, tables side by
 * side, total labels as people type them, amounts in thousands, the formulas the check reads,
 * stale formula results, and the fills it refuses to make.
 */
import { Cell, MergedArea, SheetGrid, analyzeSheet, locateTables } from '../../src/domain';
import { CALPAE_TEMPLATE } from '../../src/domain/template';
import { TotalLabelReader } from '../../src/domain/totalLabels';
import { amountString, decimalsOf, formatAmount, saysThousands } from '../../src/domain/units';
import { readAmount } from '../../src/domain/amounts';
import { FormulaEvaluator, formulaForDisplay, parseSimpleFormula } from '../../src/domain/formulas';
import { recalculate } from '../../src/domain/recalc';
import { WORDS } from '../../src/domain/words';
import { cellName, findingText, proposalWhy } from '../../src/domain';
import { kindName } from '../support/kinds';

type Raw = string | number | null | Cell;

function sheet(raw: Raw[][], merges: MergedArea[] = [], name = 'Annexe'): SheetGrid {
  return { name, origin: { row: 0, col: 0 }, rows: raw.map((r) => r.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))), merges };
}

const brief = (g: SheetGrid) => analyzeSheet(g).findings.map((f) => `${f.rule}@${cellName(f.at)}`);
const linesOf = (rows: number[], lang: 'fr' | 'en') => WORDS[lang].lines(rows);

const HEADER_TWO_ROWS: Raw[][] = [
  ['Thème', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits Etat 2022', 'Crédits CD', 'Crédits CD 2022', 'Autres financeurs', 'Budget global'],
  [null, null, null, 'notifiée 2023', 'reportés sur 2023', 'affectés 2023', 'reportés sur 2023', null, '(A+B+C+D+E)'],
];

describe('a header written over two rows', () => {
  it('joins each column before matching: B and D are found, C is not taken for D', () => {
    const [layout] = locateTables(sheet(HEADER_TWO_ROWS), CALPAE_TEMPLATE);
    expect(layout.headerTop).toBe(0);
    expect(layout.headerBottom).toBe(1);
    expect(layout.columns).toMatchObject({ theme: 0, imputation: 1, title: 2, A: 3, B: 4, C: 5, D: 6, E: 7, F: 8 });
    expect(layout.missingColumns).toEqual(['valorisation']);
  });

  it('checks F = A+B+C+D+E with B and D, and finds the error in D', () => {
    const g = sheet([
      ...HEADER_TWO_ROWS,
      ['Maraudes mixtes', '0304 50 19 19 05', 'Maraude', 10, 5, 10, 3, 0, 28],
      [null, null, 'Sous total', 10, 5, 10, 30, 0, 28],
    ]);
    expect(brief(g)).toEqual(['SUBTOTAL@G4']);
  });

  it('keeps a first data row without amounts out of the header (a Chorus code, a template title)', () => {
    const g = sheet([
      ...HEADER_TWO_ROWS,
      ['Maraudes mixtes', '0304 50 19 19 05 - Maraudes', "intitulé de l'action n°1", null, null, null, null, null, null],
      [null, null, 'Maraude', 10, 0, 10, 0, 0, 20],
    ]);
    const [layout] = locateTables(g, CALPAE_TEMPLATE);
    expect(layout.dataStart).toBe(2);
  });

  it('leaves the title rows above out of the band', () => {
    const g = sheet([['ANNEXE 9 – TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL'], ['Budget global de la convention 2023'], ...HEADER_TWO_ROWS]);
    const [layout] = locateTables(g, CALPAE_TEMPLATE);
    expect([layout.headerTop, layout.headerBottom]).toEqual([2, 3]);
    expect(layout.columns.F).toBe(8);
  });
});

describe('tables side by side', () => {
  const annex: Raw[] = ['Thème', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
  const recap: Raw[] = ['Imputation chorus', 'Participation État', 'Crédits CD affectés', 'Budget global'];

  it('a recap by code to the right, one empty column apart, is not read as the annex nor as a table', () => {
    const g = sheet([
      [...annex, null, ...recap],
      ['Maraudes', '0304 50 19 19 05', 'Maraude', 10, 10, 20, null, '0304 50 19 19 05', 10, 10, 20],
      [null, null, 'TOTAUX FINANCIERS', 10, 10, 20, null, 'TOTAL', 999, 1, 0],
    ]);
    const tables = locateTables(g, CALPAE_TEMPLATE);
    expect(tables).toHaveLength(1);
    expect(tables[0].span).toEqual({ left: 0, right: 5 });
    expect(brief(g)).toEqual([]);
  });

  it('a second annex to the right, with its own titles, is a table of its own', () => {
    const g = sheet([
      [...annex, null, ...annex],
      ['Maraudes', '0304 50 19 19 05', 'Maraude', 10, 10, 20, null, 'Maraudes', '0304 50 19 19 05', 'Maraude', 10, 9, 20],
    ]);
    const tables = locateTables(g, CALPAE_TEMPLATE);
    expect(tables.map((t) => t.columns.A)).toEqual([3, 10]);
    expect(brief(g)).toEqual(['A_NEQ_C@L2', 'ROW_TOTAL@M2']);
  });
});

describe('total labels as people type them', () => {
  const reader = new TotalLabelReader(CALPAE_TEMPLATE);
  it.each([
    ['Sous total', 'subtotal'],
    ['Ss-total', 'subtotal'],
    ['S/Total :', 'subtotal'],
    ['S-total', 'subtotal'],
    ['SOUS-TOTAL', 'subtotal'],
    ['Soustotal', 'subtotal'],
    ['Sous-totaux', 'subtotal'],
    ['Total partiel', 'subtotal'],
    ['S/TOTAL ENGAGEMENTS DES MESURES SOCLE :', 'socleSubtotal'],
    ['Total des mesures socle', 'socleSubtotal'],
    ["Ss-total engagements à l'initiative du département", 'initiativeSubtotal'],
    ['Total général', 'grandTotal'],
    ['TOTAL GENERAL', 'grandTotal'],
    ['Total de contrôle', 'control'],
  ])('« %s » is a %s', (label, kind) => {
    const read = reader.read(label);
    expect(read?.kind).toBe('named');
    expect(read?.kind === 'named' ? kindName({ kind: read.total.kind, section: read.total.section }) : null).toBe(kind);
  });

  it('« TOTAL » and a theme name is a theme total; other « total » labels are uncertain; titles are no totals', () => {
    expect(reader.read('TOTAL Maraudes mixtes')).toEqual({ kind: 'themeTotal', rest: 'maraudes mixtes' });
    expect(reader.namesTheme('maraudes mixtes', ['maraudes mixtes le cas echeant'])).toBe(true);
    expect(reader.namesTheme('hors valorisation', ['maraudes mixtes'])).toBe(false);
    expect(reader.read('Montant total hors valorisation')).toEqual({ kind: 'uncertain' });
    expect(reader.read('Accompagnement global')).toBeNull();
    expect(reader.read('Totalement gratuit')).toBeNull();
  });

  it('an action titled with the word « total » is not an action that gets a code: unclassified, with a notice', () => {
    const g = sheet([
      ['Thème', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'],
      ['Maraudes mixtes', '0304 50 19 19 05', 'Maraude', 10, 10, 20],
      [null, null, 'Coût total du dispositif', 7, 7, 14],
      [null, null, 'Sous total', 17, 17, 34],
    ]);
    const report = analyzeSheet(g);
    expect(report.tables[0].classified.rows.map((r) => r.kind)).toEqual(['action', 'unclassified', 'subtotal']);
    expect(report.findings).toEqual([]);
    expect(report.fills).toEqual([]);
    expect(report.notices.map((n) => n.code)).toContain('UNCLASSIFIED_ROW');
  });
});

describe('amounts in thousands', () => {
  it.each(["en milliers d'euros", 'Montants en K€', '(k€)', 'en kEUR', 'en milliers d’euros', 'K euros'])('« %s » says thousands', (text) => {
    expect(saysThousands(text)).toBe(true);
  });
  it.each(['Budget global', 'Park €', 'en euros', 'kilomètres'])('« %s » does not', (text) => {
    expect(saysThousands(text)).toBe(false);
  });

  it('shows and gives amounts with the decimals they have, never as euros', () => {
    // Held in cents of a euro: 5 677,535 k€ is 567 753 500 cents.
    expect(formatAmount(567753500, 'k€', 'fr')).toBe('5\u202f677,535\u00a0k€');
    expect(formatAmount(128000000, 'k€', 'fr')).toBe('1\u202f280\u00a0k€');
    expect(formatAmount(-100, 'k€', 'fr')).toBe('-0,001\u00a0k€');
    expect(formatAmount(567753500, 'k€', 'en')).toBe('5,677.535 k€');
    expect(amountString(567753500, 'k€')).toBe('5677.535');
    expect(amountString(30000, 'k€')).toBe('0.3');
  });

  it('counts a gap of 0,001 k€ (one euro), not float noise', () => {
    const cents = (v: number) => (readAmount({ value: v }, decimalsOf('k€')) as { value: number }).value;
    expect(cents(200.001)).not.toBe(cents(200));
    expect(cents(0.1 + 0.2)).toBe(cents(0.3));
  });
});

describe('the formulas the check reads', () => {
  it('reads SUM / SOMME over ranges and lists, and + chains of cells; nothing else', () => {
    expect(parseSimpleFormula('=SUM(L22:L37)', 'Annexe')).toMatchObject({ singleRange: true, refs: [{ top: 21, bottom: 36, left: 11, right: 11, inSum: true }] });
    expect(parseSimpleFormula('=SOMME(L7;L10;L12)', 'Annexe')?.refs).toHaveLength(3);
    expect(parseSimpleFormula('=+$L$11+L14', 'Annexe')?.refs.map((r) => r.top)).toEqual([10, 13]);
    expect(parseSimpleFormula("='Annexe'!L5+SUM(L6:L7)", 'Annexe')?.refs).toHaveLength(2);
    for (const other of ['=ROUND(SUM(L5:L6),0)', '=L5-L6', '=SUM(L:L)', '=Budget!L5+L6', '=L5*2', '="a"&L5', '=SUM(L5:L6)/2']) {
      expect(parseSimpleFormula(other, 'Annexe')).toBeNull();
    }
    expect(formulaForDisplay('=SUM(L5:L6,L8)', 'fr')).toBe('=SOMME(L5:L6;L8)');
  });

  it('recomputes them as Excel does: text skipped by SUM, unknown after +, a loop or another formula unknown', () => {
    const g = sheet([
      [10, '5 €', { value: 0, formula: '=SUM(A1:B1)' }, { value: 0, formula: '=A1+B1' }, { value: 0, formula: '=E1' }, { value: 0, formula: '=ROUND(A1,0)' }, { value: 0, formula: '=SUM(A1:F1)' }],
    ]);
    const ev = new FormulaEvaluator(g, 2);
    expect(ev.evaluate(0, 2)).toBe(1000);
    expect(ev.evaluate(0, 3)).toBeUndefined();
    expect(ev.evaluate(0, 4)).toBeUndefined();
    expect(ev.evaluate(0, 6)).toBeUndefined();
  });

  it('sorts stale stored results from formulas with none', () => {
    const g = sheet([[1, 2, { value: 4, formula: '=A1+B1' }, { value: null, formula: '=SUM(A1:B1)' }, { value: 3, formula: '=SUM(A1:B1)' }]]);
    const r = recalculate(g, [{ rows: { start: 0, end: 1 }, cols: [2, 3, 4], decimals: 2 }]);
    expect(r.stale.map((c) => [c.gridCol, c.stored, c.computed])).toEqual([[2, 400, 300]]);
    expect(r.computed.map((c) => c.gridCol)).toEqual([3]);
    expect(r.grid.rows[0]![2]!.value).toBe(3);
    expect(g.rows[0]![2]!.value).toBe(4); // the sheet read is left as it was
  });
});

describe('what to do, in the user’s words', () => {
  it('names rows the way people read them', () => {
    expect(linesOf([46, 47, 48, 49], 'fr')).toBe('les lignes 46 à 49');
    expect(linesOf([12, 20, 28], 'fr')).toBe('les lignes 12, 20 et 28');
    expect(linesOf([9], 'fr')).toBe('la ligne 9');
    expect(linesOf([12, 20], 'en')).toBe('rows 12 and 20');
  });
});

describe('codes are written only where nothing is in doubt', () => {
  const header: Raw[] = ['Thème', 'Imputation chorus', 'Fiche action', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];

  it('a row with money but no title nor fiche number: proposed, not written', () => {
    const g = sheet([header, ['Maraudes mixtes', '0304 50 19 19 05 - Maraudes', null, 'Maraude', 10, 10, 20], [null, null, null, null, 7, 7, 14], [null, null, null, 'Sous total', 17, 17, 35]]);
    const report = analyzeSheet(g);
    expect(report.fills).toEqual([]);
    expect(report.proposals).toEqual([expect.objectContaining({ cell: 'B3', reason: 'noTitle' })]);
    expect(proposalWhy(report.proposals[0], 'fr')).toBe('ligne 3\u00a0: ni intitulé ni numéro de fiche, est-ce bien une action\u202f?');
    expect(findingText(report.findings.find((f) => f.rule === 'MISSING_IMPUTATION')!, 'fr')).toContain('probable, non écrit');
  });

  it('a row after the last total of a table with no grand total: proposed (« hors du tableau de l’annexe ? »)', () => {
    const g = sheet([header, ['Maraudes mixtes', '0304 50 19 19 05 - Maraudes', '1.1', 'Maraude', 10, 10, 20], [null, null, null, 'Sous total', 10, 10, 20], [null, null, null, null, null, null, null], ['Maraudes mixtes', null, '1.2', 'Maraude de jour', 5, 5, 10]]);
    const report = analyzeSheet(g);
    expect(report.fills).toEqual([]);
    expect(report.proposals.map((p) => proposalWhy(p, 'fr'))).toEqual(["ligne 5\u00a0: hors du tableau de l’annexe\u202f? (après son dernier total)"]);
  });
});
