/**
 * The unit a table's amounts are written in (src/domain/units.ts), by hand: what says « k€ »,
 * where it is looked for (header, title rows up to the table above, number formats), and how
 * amounts and gaps are then written.
 */
import { Cell, SheetGrid } from '../../../src/domain/grid';
import { TableLayout } from '../../../src/domain/layout';
import { CALPAE_TEMPLATE } from '../../../src/domain/template';
import { amountString, decimalsOf, detectUnit, formatAmount, formatGap, saysThousands } from '../../../src/domain/units';

const NB = '\u00a0';
const NNB = '\u202f';

/** A table whose header is grid row 10, amounts A and C in columns 1 and 2, data rows 11 to 49 (grid). */
function layout(headerTexts: string[] = ['Intitulé', 'Participation État', 'Crédits CD']): TableLayout {
  return {
    headerTop: 10,
    headerBottom: 10,
    dataStart: 11,
    dataEnd: 50,
    columns: { title: 0, A: 1, C: 2 },
    letters: 'none',
    missingColumns: [],
    labelledAmountColumns: 2,
    span: { left: 0, right: 3 },
    headerTexts,
  };
}

/** An empty grid of 60 rows at sheet row 101 (grid row r is sheet row r + 101), cells set by `put`. */
function grid(): SheetGrid {
  return { name: 'Annexe', origin: { row: 100, col: 0 }, rows: Array.from({ length: 60 }, () => []), merges: [] };
}
function put(g: SheetGrid, r: number, c: number, cell: Cell | string): void {
  g.rows[r]![c] = typeof cell === 'string' ? { value: cell } : cell;
}

const EUROS = { unit: '€', said: null, row: null };

describe('detectUnit', () => {
  it('nothing says thousands: euros', () => {
    const g = grid();
    put(g, 9, 0, 'Annexe 9 — en euros');
    put(g, 11, 1, { value: 5, numFmt: '#,##0.00 "€"' });
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 0)).toEqual(EUROS);
  });

  it('a header cell saying it, on the header row', () => {
    expect(detectUnit(grid(), layout(['Intitulé', 'Participation État (en K€)']), CALPAE_TEMPLATE, 0)).toEqual({ unit: 'k€', said: 'Participation État (en K€)', row: 111 });
  });

  it('a title up to 8 rows above the header, the nearest first, not past the table above', () => {
    const g = grid();
    put(g, 2, 0, 'Montants en milliers d’euros');
    g.rows[4] = undefined;
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 0)).toEqual({ unit: 'k€', said: 'Montants en milliers d’euros', row: 103 });
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 2)).toEqual({ unit: 'k€', said: 'Montants en milliers d’euros', row: 103 });
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 3)).toEqual(EUROS);
    put(g, 9, 3, { value: 12 });
    put(g, 9, 4, { value: null });
    put(g, 9, 5, 'k€');
    put(g, 9, 6, 'en K€');
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 0)).toEqual({ unit: 'k€', said: 'k€', row: 110 });
  });

  it('a title 9 rows above the header is too far (rows missing in between are skipped)', () => {
    const g = grid();
    put(g, 1, 0, 'en k€');
    g.rows[5] = undefined;
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 0)).toEqual(EUROS);
  });

  it('a text of 300 characters is read, a longer one is not (a paragraph, not a title)', () => {
    const g = grid();
    const text = `en k€ ${'x'.repeat(294)}`;
    put(g, 8, 0, text);
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 0)).toEqual({ unit: 'k€', said: text, row: 109 });
    put(g, 8, 0, `${text}x`);
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 0)).toEqual(EUROS);
  });

  it.each(['#,##0.000 "k€"', '#,##0 " K€ "', '[$k€-40C] #,##0'])('a number format printing « k€ » in an amount column: %s', (numFmt) => {
    const g = grid();
    put(g, 12, 2, { value: 5, numFmt });
    expect(detectUnit(g, layout(), CALPAE_TEMPLATE, 0)).toEqual({ unit: 'k€', said: numFmt, row: 113 });
  });

  it('number formats: only in amount columns, within the first 30 data rows of the table', () => {
    const fmt = '#,##0 "k€"';
    const at = (r: number, c: number) => {
      const g = grid();
      put(g, r, c, { value: 5, numFmt: fmt });
      return detectUnit(g, layout(), CALPAE_TEMPLATE, 0);
    };
    expect(at(11, 1)).toEqual({ unit: 'k€', said: fmt, row: 112 });
    expect(at(40, 1)).toEqual({ unit: 'k€', said: fmt, row: 141 });
    expect([at(41, 1), at(11, 0), at(11, 3), at(10, 1)]).toEqual([EUROS, EUROS, EUROS, EUROS]);
    expect(detectUnit(grid(), { ...layout(), dataEnd: 12 }, CALPAE_TEMPLATE, 0)).toEqual(EUROS);
    const g = grid();
    put(g, 12, 1, { value: 5, numFmt: fmt });
    expect(detectUnit(g, { ...layout(), dataEnd: 12 }, CALPAE_TEMPLATE, 0)).toEqual(EUROS);
    expect(detectUnit(g, { ...layout(), dataEnd: 13 }, CALPAE_TEMPLATE, 0)).toEqual({ unit: 'k€', said: fmt, row: 113 });
  });
});

describe('saysThousands', () => {
  it.each([
    'k€',
    'en k €',
    'Montants (kEUR)',
    'en k eur',
    'en k euro',
    'en k euros',
    'en KEUR',
    'en milliers',
    'milliers d’euros',
    "millier d'euro",
    'milliers de euros',
    'milliers d euros',
    'milliers deuros',
    'milliers d €',
    'milliers d\u00a0€',
    'Montants en milliers d’Euros',
    'k\u00a0€',
  ])('« %s » says thousands', (text) => {
    expect(saysThousands(text)).toBe(true);
  });

  it.each(['3k€', 'park €', 'k europe', 'keurope', 'en millierss', 'milliers', 'des milliers de projets', 'en euros', 'k', 'kg €'])('« %s » does not', (text) => {
    expect(saysThousands(text)).toBe(false);
  });
});

describe('amounts written in their unit', () => {
  it('decimals of the minor unit', () => {
    expect([decimalsOf('€'), decimalsOf('k€')]).toEqual([2, 5]);
  });

  it('formatAmount: euros as the French and English write them, French by default', () => {
    expect(formatAmount(136203500, '€')).toBe(`1${NNB}362${NNB}035,00${NB}€`);
    expect(formatAmount(136203500, '€', 'en')).toBe('€1,362,035.00');
    expect(formatAmount(-50, '€', 'fr')).toBe(`-0,50${NB}€`);
  });

  it('formatAmount: thousands with the decimals the amount has, French by default', () => {
    expect(formatAmount(123456700000, 'k€')).toBe(`1${NNB}234${NNB}567${NB}k€`);
    expect(formatAmount(100000, 'k€', 'en')).toBe('1 k€');
    expect(formatAmount(-150000, 'k€', 'en')).toBe('-1.5 k€');
    expect(formatAmount(-123450000, 'k€', 'fr')).toBe(`-1${NNB}234,5${NB}k€`);
  });

  it('formatGap: signed as actual − expected, no sign on zero', () => {
    expect(formatGap(100, '€')).toBe(`+1,00${NB}€`);
    expect(formatGap(0, '€')).toBe(`0,00${NB}€`);
    expect(formatGap(-32000000, '€', 'fr')).toBe(`-320${NNB}000,00${NB}€`);
    expect(formatGap(100, 'k€', 'en')).toBe('+0.001 k€');
    expect(formatGap(-100, 'k€', 'en')).toBe('-0.001 k€');
  });

  it('amountString: every decimal printed, none added', () => {
    expect([amountString(128000000, '€'), amountString(50, '€'), amountString(-150, '€'), amountString(0, '€')]).toEqual(['1280000', '0.5', '-1.5', '0']);
    expect(amountString(-100, 'k€')).toBe('-0.001');
  });
});
