/**
 * The annex against its convention on small hand-built figures (no sheet, no text): which
 * comparisons are made, each finding whole (cells, sources, gap), what is left out (an unreadable
 * code, a code nobody pays on) and the order findings come in. Expectations are typed by hand.
 * Data is built inside each test (Stryker counts only what runs in a test).
 */
import { AnnexActionRow, AnnexFigures, ConventionFigures, FicheFigure, FigureSource, checkConvention, compareWithAnnex } from '../../../src/domain/convention';

const C03 = '0304 50 19 19 03';
const C05 = '0304 50 19 19 05';
const C07 = '0304 50 19 19 07';

const doc = (first: number, last = first, quote = 'q'): FigureSource => ({ kind: 'document', ref: { unit: 'line', first, last, quote } });
const figuresOf = (over: Partial<ConventionFigures>): ConventionFigures => ({ document: null, unit: 'line', year: 2023, stateTotal: null, codes: [], fiches: [], ...over });
const annexOf = (over: Partial<AnnexFigures>): AnnexFigures => ({ sheet: 'Annexe 9', totalA: null, codes: [], rows: [], ...over });
const fiche = (number: number | null, title: string, total: number | null, stateShare: number | null): FicheFigure => ({ number, title, aliases: [], total, stateShare, source: doc(4190, 4192) });
/** An action row: A in column F, F (total) in column L, as on the sample annex. */
const row = (n: number, title: string, A: number | null, F: number | null, hasMoney = A !== null || F !== null): AnnexActionRow => ({
  row: n,
  title,
  fiche: null,
  code: null,
  A: A === null ? null : { cents: A, cell: `F${n}` },
  F: F === null ? null : { cents: F, cell: `L${n}` },
  hasMoney,
});

describe('the convention against itself (article 3.1 against article 2)', () => {
  it('nothing to compare without a State total or without codes', () => {
    expect(checkConvention(figuresOf({ codes: [{ code: C03, cents: 100, sources: [doc(417)] }] }))).toEqual([]);
    expect(checkConvention(figuresOf({ stateTotal: { cents: 300, source: doc(358) } }))).toEqual([]);
  });

  it('the codes add up to the total: no finding', () => {
    const figures = figuresOf({
      stateTotal: { cents: 30000, source: doc(358) },
      codes: [
        { code: C03, cents: 10000, sources: [doc(417)] },
        { code: C07, cents: 20000, sources: [doc(429)] },
      ],
    });
    expect(checkConvention(figures)).toEqual([]);
  });

  it('they do not: one finding, with every statement on each side', () => {
    const figures = figuresOf({
      stateTotal: { cents: 30000, source: doc(358) },
      codes: [
        { code: C03, cents: 10000, sources: [doc(417), doc(420)] },
        { code: C07, cents: 25000, sources: [doc(429)] },
      ],
    });
    expect(checkConvention(figures)).toEqual([
      { rule: 'CONVENTION_SPLIT', actual: { cents: 35000, sources: [doc(417), doc(420), doc(429)] }, expected: { cents: 30000, sources: [doc(358)] }, difference: 5000 },
    ]);
  });
});

describe('article 2 against the annex’s total A', () => {
  it('the printed TOTAUX FINANCIERS cell: the finding names it', () => {
    const c = compareWithAnnex(figuresOf({ stateTotal: { cents: 50000, source: doc(358) } }), annexOf({ totalA: { cents: 45000, cell: 'F51', printed: true, unreadable: false } }));
    expect(c.findings).toEqual([
      {
        rule: 'CONVENTION_TOTAL',
        actual: { cents: 45000, annex: { sheet: 'Annexe 9', cell: 'F51', cells: ['F51'], row: null, title: null, printed: true } },
        expected: { cents: 50000, sources: [doc(358)] },
        difference: -5000,
      },
    ]);
    expect(c.compared).toEqual({ split: false, total: true, codes: false, fiches: false });
  });

  it('the action rows added up: no cell', () => {
    const c = compareWithAnnex(figuresOf({ stateTotal: { cents: 50000, source: doc(358) } }), annexOf({ totalA: { cents: 60000, cell: null, printed: false, unreadable: false } }));
    expect(c.findings).toEqual([
      {
        rule: 'CONVENTION_TOTAL',
        actual: { cents: 60000, annex: { sheet: 'Annexe 9', cell: null, cells: [], row: null, title: null, printed: false } },
        expected: { cents: 50000, sources: [doc(358)] },
        difference: 10000,
      },
    ]);
  });

  it('an unreadable total is not compared', () => {
    const c = compareWithAnnex(figuresOf({ stateTotal: { cents: 50000, source: doc(358) } }), annexOf({ totalA: { cents: 0, cell: 'F51', printed: true, unreadable: true } }));
    expect(c.findings).toEqual([]);
    expect(c.compared).toEqual({ split: false, total: false, codes: false, fiches: false });
  });
});

describe('article 3.1 against column A, code by code', () => {
  it('with a State total and codes, the split and the codes are compared', () => {
    const figures = figuresOf({ stateTotal: { cents: 10000, source: doc(358) }, codes: [{ code: C03, cents: 10000, sources: [doc(417)] }] });
    const c = compareWithAnnex(figures, annexOf({ codes: [{ code: C03, cents: 10000, cells: ['F13'], unreadable: false }] }));
    expect(c.findings).toEqual([]);
    expect(c.compared).toEqual({ split: true, total: false, codes: true, fiches: false });
  });

  it('a code the annex pays on and the document does not name is reported, even beside a typed amount', () => {
    const figures = figuresOf({
      codes: [
        { code: C03, cents: 10000, sources: [doc(417)] },
        { code: C05, cents: 5000, sources: [{ kind: 'typed' }] },
      ],
    });
    const annex = annexOf({
      codes: [
        { code: C03, cents: 10000, cells: ['F13'], unreadable: false },
        { code: C07, cents: 7000, cells: ['F22', 'F24'], unreadable: false },
      ],
    });
    expect(compareWithAnnex(figures, annex).findings).toEqual([
      {
        rule: 'CONVENTION_CODE',
        code: C05,
        actual: { cents: 0, annex: { sheet: 'Annexe 9', cell: null, cells: [], row: null, title: null } },
        expected: { cents: 5000, sources: [{ kind: 'typed' }] },
        difference: -5000,
      },
      {
        rule: 'CONVENTION_CODE',
        code: C07,
        actual: { cents: 7000, annex: { sheet: 'Annexe 9', cell: 'F22', cells: ['F22', 'F24'], row: null, title: null } },
        expected: { cents: null, sources: [] },
        difference: 7000,
      },
    ]);
  });

  it('codes come in code order, whatever the document’s order', () => {
    const figures = figuresOf({
      codes: [
        { code: C07, cents: 7000, sources: [doc(429)] },
        { code: C05, cents: 5000, sources: [doc(423)] },
      ],
    });
    const annex = annexOf({ codes: [{ code: C03, cents: 3000, cells: ['F13'], unreadable: false }] });
    expect(compareWithAnnex(figures, annex).findings.map((f) => [f.code, f.difference])).toEqual([
      [C03, 3000],
      [C05, -5000],
      [C07, -7000],
    ]);
  });

  it('a code read in the document and corrected by hand still says the document was read', () => {
    const figures = figuresOf({ codes: [{ code: C03, cents: 10000, sources: [{ kind: 'typed' }, doc(417)] }] });
    const annex = annexOf({
      codes: [
        { code: C03, cents: 10000, cells: ['F13'], unreadable: false },
        { code: C07, cents: 7000, cells: ['F22'], unreadable: false },
      ],
    });
    expect(compareWithAnnex(figures, annex).findings.map((f) => [f.code, f.actual.cents, f.expected.cents])).toEqual([[C07, 7000, null]]);
  });

  it('amounts typed alone say nothing of the codes they do not name', () => {
    const figures = figuresOf({ codes: [{ code: C03, cents: 10000, sources: [{ kind: 'typed' }] }] });
    const annex = annexOf({
      codes: [
        { code: C03, cents: 12000, cells: ['F13'], unreadable: false },
        { code: C07, cents: 7000, cells: ['F22'], unreadable: false },
      ],
    });
    expect(compareWithAnnex(figures, annex).findings.map((f) => [f.code, f.actual.cents, f.expected.cents, f.difference])).toEqual([[C03, 12000, 10000, 2000]]);
  });

  it('an unreadable code of the annex is not compared; a code at zero nobody names is no finding', () => {
    const figures = figuresOf({ codes: [{ code: C03, cents: 10000, sources: [doc(417)] }] });
    const annex = annexOf({
      codes: [
        { code: C03, cents: 4000, cells: ['F13', 'F14'], unreadable: true },
        { code: C05, cents: 0, cells: ['F20'], unreadable: false },
        { code: C07, cents: 3000, cells: ['F22'], unreadable: true },
      ],
    });
    const c = compareWithAnnex(figures, annex);
    expect(c.findings).toEqual([]);
    expect(c.compared).toEqual({ split: false, total: false, codes: true, fiches: false });
  });
});

describe('the fiches against their rows', () => {
  it('a fiche matched by title whose budget and State share differ: both findings, whole', () => {
    const figures = figuresOf({ fiches: [fiche(7, 'Premières heures', 20000000, 10000000)] });
    const c = compareWithAnnex(figures, annexOf({ rows: [row(28, 'Premières Heures', 12000000, 24000000)] }));
    const match = { method: 'title', score: 1, ambiguousRows: [] };
    expect(c.findings).toEqual([
      {
        rule: 'FICHE_BUDGET',
        fiche: { number: 7, title: 'Premières heures' },
        match,
        actual: { cents: 24000000, annex: { sheet: 'Annexe 9', cell: 'L28', cells: ['L28'], row: 28, title: 'Premières Heures' } },
        expected: { cents: 20000000, sources: [doc(4190, 4192)] },
        difference: 4000000,
      },
      {
        rule: 'FICHE_STATE_SHARE',
        fiche: { number: 7, title: 'Premières heures' },
        match,
        actual: { cents: 12000000, annex: { sheet: 'Annexe 9', cell: 'F28', cells: ['F28'], row: 28, title: 'Premières Heures' } },
        expected: { cents: 10000000, sources: [doc(4190, 4192)] },
        difference: 2000000,
      },
    ]);
    expect(c.compared).toEqual({ split: false, total: false, codes: false, fiches: true });
  });

  it('a row with money and no fiche points at A, else F, else at no cell', () => {
    const figures = figuresOf({ fiches: [fiche(7, 'Premières heures', null, null)] });
    const rows = [row(28, 'Premières Heures', 100, 200), row(31, 'Maraudes', 50000, 100000), row(32, 'Chantiers', null, 80000), row(33, 'Coup de pouce', null, null, true), row(34, 'Vide', 0, 0, false)];
    const c = compareWithAnnex(figures, annexOf({ rows }));
    const place = (cell: string | null, n: number, title: string) => ({ sheet: 'Annexe 9', cell, cells: cell ? [cell] : [], row: n, title });
    expect(c.findings).toEqual([
      { rule: 'ROW_WITHOUT_FICHE', actual: { cents: 50000, annex: place('F31', 31, 'Maraudes') }, expected: { cents: null }, difference: null },
      { rule: 'ROW_WITHOUT_FICHE', actual: { cents: null, annex: place('L32', 32, 'Chantiers') }, expected: { cents: null }, difference: null },
      { rule: 'ROW_WITHOUT_FICHE', actual: { cents: null, annex: place(null, 33, 'Coup de pouce') }, expected: { cents: null }, difference: null },
    ]);
  });

  it('findings come rule by rule (the registry’s order), not fiche by fiche', () => {
    const figures = figuresOf({
      stateTotal: { cents: 1000, source: doc(358) },
      codes: [{ code: C03, cents: 900, sources: [doc(417)] }],
      fiches: [fiche(1, 'Projets innovants', 500, 250), fiche(7, 'Premières heures', 20000, 10000)],
    });
    const annex = annexOf({
      totalA: { cents: 1200, cell: 'F51', printed: true, unreadable: false },
      codes: [{ code: C03, cents: 800, cells: ['F13'], unreadable: false }],
      rows: [row(28, 'Premières Heures', 12000, 24000), row(31, 'Maraudes', 400, 800)],
    });
    const c = compareWithAnnex(figures, annex);
    expect(c.findings.map((f) => [f.rule, f.code ?? f.fiche?.number ?? f.actual.annex?.row])).toEqual([
      ['CONVENTION_SPLIT', undefined],
      ['CONVENTION_TOTAL', null],
      ['CONVENTION_CODE', C03],
      ['FICHE_BUDGET', 7],
      ['FICHE_STATE_SHARE', 7],
      ['FICHE_UNMATCHED', 1],
      ['ROW_WITHOUT_FICHE', 31],
    ]);
    expect(c.matches.map((m) => [m.fiche, m.rowNumber, m.rowTitle, m.method])).toEqual([
      [0, null, null, null],
      [1, 28, 'Premières Heures', 'title'],
    ]);
    expect(c.compared).toEqual({ split: true, total: true, codes: true, fiches: true });
  });
});
