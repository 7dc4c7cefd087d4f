/**
 * The convention's figures as the comparison takes them, from a hand-typed extraction: a code
 * stated twice is added up with both places, amounts typed by hand replace the document's for
 * their codes (saying what they replace) and are added for codes the document does not name.
 * Data is built inside each test (Stryker counts only what runs in a test).
 */
import { CodeStatement, ConventionExtraction, FigureSource, SourceRef, figuresFromExtraction, typedFigures, typedOver, withTypedCodes } from '../../../src/domain/convention';

const C03 = '0304 50 19 19 03';
const C05 = '0304 50 19 19 05';
const C07 = '0304 50 19 19 07';

const ref = (first: number, quote: string): SourceRef => ({ unit: 'line', first, last: first, quote });
const code = (c: string, cents: number, line: number): CodeStatement => ({ code: c, shown: c.replace(/ /g, ''), known: true, cents, source: ref(line, `${c} : ${cents / 100} €`) });
const extraction = (over: Partial<ConventionExtraction>): ConventionExtraction => ({
  format: 'text',
  unit: 'line',
  parts: 500,
  year: 2023,
  stateTotal: null,
  stateTotalMentions: [],
  codes: [],
  fiches: [],
  unread: [],
  isConvention: true,
  removedLines: 0,
  ...over,
});

describe('figures from an extraction', () => {
  it('a code stated twice is one figure: its amounts added up, both places kept in order', () => {
    const x = extraction({ codes: [code(C03, 10000, 417), code(C07, 5000, 420), code(C03, 2500, 431)] });
    expect(figuresFromExtraction(x, 'convention.pdf').codes).toEqual([
      { code: C03, cents: 12500, sources: [{ kind: 'document', ref: ref(417, `${C03} : 100 €`) }, { kind: 'document', ref: ref(431, `${C03} : 25 €`) }] },
      { code: C07, cents: 5000, sources: [{ kind: 'document', ref: ref(420, `${C07} : 50 €`) }] },
    ]);
  });

  it('the whole figures: document, unit, year, State total and fiches with their places', () => {
    const x = extraction({
      unit: 'page',
      year: 2024,
      stateTotal: { cents: 30000, source: ref(3, 'total') },
      fiches: [
        { number: 1, title: 'Insertion', aliases: ['Insertion des jeunes'], heading: ref(10, 'FICHE 1'), total: 2000, stateShare: 1000, source: ref(12, 'budget') },
        { number: 2, title: 'Logement', aliases: [], heading: ref(20, 'FICHE 2'), total: null, stateShare: null, source: null },
      ],
    });
    expect(figuresFromExtraction(x, null)).toEqual({
      document: null,
      unit: 'page',
      year: 2024,
      stateTotal: { cents: 30000, source: { kind: 'document', ref: ref(3, 'total') } },
      codes: [],
      fiches: [
        { number: 1, title: 'Insertion', aliases: ['Insertion des jeunes'], total: 2000, stateShare: 1000, source: { kind: 'document', ref: ref(12, 'budget') } },
        { number: 2, title: 'Logement', aliases: [], total: null, stateShare: null, source: null },
      ],
    });
  });
});

describe('amounts typed by hand', () => {
  it('replace the document’s amount of their code, naming the first place the document stated it', () => {
    const figures = figuresFromExtraction(extraction({ codes: [code(C03, 10000, 417), code(C07, 5000, 420), code(C03, 2500, 431)] }), 'c.pdf');
    expect(withTypedCodes(figures, [{ code: C03, cents: 9900 }]).codes).toEqual([
      { code: C03, cents: 9900, sources: [{ kind: 'typed', replaces: ref(417, `${C03} : 100 €`) }] },
      { code: C07, cents: 5000, sources: [{ kind: 'document', ref: ref(420, `${C07} : 50 €`) }] },
    ]);
  });

  it('typed over an amount already typed: the document’s place is still the one replaced', () => {
    const figures = typedFigures([]);
    const once = {
      ...figures,
      codes: [{ code: C05, cents: 100, sources: [{ kind: 'typed' as const }, { kind: 'document' as const, ref: ref(50, 'q') }] }],
    };
    expect(withTypedCodes(once, [{ code: C05, cents: 700 }]).codes).toEqual([{ code: C05, cents: 700, sources: [{ kind: 'typed', replaces: ref(50, 'q') }] }]);
  });

  it('typed twice: the second amount still names the document’s place the first replaced', () => {
    const figures = figuresFromExtraction(extraction({ codes: [code(C03, 10000, 417)] }), 'c.pdf');
    const twice = withTypedCodes(withTypedCodes(figures, [{ code: C03, cents: 9900 }]), [{ code: C03, cents: 9800 }]);
    expect(twice.codes).toEqual([{ code: C03, cents: 9800, sources: [{ kind: 'typed', replaces: ref(417, `${C03} : 100 €`) }] }]);
  });

  it('a typed figure over a read one, or over one already typed, names what the document said; over nothing, nothing', () => {
    const read: FigureSource = { kind: 'document', ref: ref(12, 'q') };
    expect(typedOver(500, { sources: [read] })).toEqual({ cents: 500, sources: [{ kind: 'typed', replaces: ref(12, 'q') }] });
    expect(typedOver(600, { sources: [{ kind: 'typed', replaces: ref(12, 'q') }] })).toEqual({ cents: 600, sources: [{ kind: 'typed', replaces: ref(12, 'q') }] });
    expect(typedOver(600, { sources: [{ kind: 'typed' }] })).toEqual({ cents: 600, sources: [{ kind: 'typed' }] });
    expect(typedOver(600, null)).toEqual({ cents: 600, sources: [{ kind: 'typed' }] });
  });

  it('a typed code the document does not name is added after the document’s, once', () => {
    const figures = figuresFromExtraction(extraction({ codes: [code(C03, 10000, 417)] }), 'c.pdf');
    expect(withTypedCodes(figures, [{ code: C07, cents: 300 }, { code: C05, cents: 200 }]).codes).toEqual([
      { code: C03, cents: 10000, sources: [{ kind: 'document', ref: ref(417, `${C03} : 100 €`) }] },
      { code: C07, cents: 300, sources: [{ kind: 'typed' }] },
      { code: C05, cents: 200, sources: [{ kind: 'typed' }] },
    ]);
  });

  it('with no document: the typed amounts alone', () => {
    expect(typedFigures([{ code: C07, cents: 300 }])).toEqual({ document: null, unit: 'line', year: null, stateTotal: null, codes: [{ code: C07, cents: 300, sources: [{ kind: 'typed' }] }], fiches: [] });
  });
});
