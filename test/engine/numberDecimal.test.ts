/**
 * decimalFromNumber must give exactly the Decimal that `new Decimal(v)` gives: same sign, exponent
 * and digit words, same fields in the same order, so decimal.js cannot tell them apart.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { decimalFromNumber, decimalsEqual } from '../../src/domain/numberDecimal';
import { runs } from '../support/runs';

const SEED = 20230612;

function fieldsOf(d: Decimal): unknown {
  const x = d as unknown as { s: number; e: number; d: number[] };
  return { keys: Object.keys(d), s: x.s, e: x.e, d: x.d, text: d.toString() };
}

function expectSame(v: number): void {
  const fast = decimalFromNumber(v);
  expect(fast).toBeInstanceOf(Decimal);
  expect(fieldsOf(fast)).toEqual(fieldsOf(new Decimal(v)));
}

describe('decimalFromNumber', () => {
  test.each([
    0.1, 0.05, 0.5, 0.125, 1.5, 12.34, 96582.82, 1362035, 1362035.5, 5677535, 9999999, 10000000, 10000000.5, 12345678, 1234567.5, 0.1234567,
    0.12345678, 1000000.1, 123456789.123, 99999999.99, 100000000.01, 0.3333333333333333, 2 / 3, 1e20, 123456789012345680000, 0.000001,
    1.5e-7, 7e-7, 1e21, 1.7976931348623157e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, -42.42, -0.01, -13414116, -1e-7,
  ])('%p', (v) => expectSame(v));

  test('zero, negative zero, NaN and infinities go to decimal.js', () => {
    for (const v of [0, -0, NaN, Infinity, -Infinity]) expect(fieldsOf(decimalFromNumber(v))).toEqual(fieldsOf(new Decimal(v)));
  });

  test('any double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (v) => expectSame(v)), runs(SEED, 20000));
  });

  test('amounts in cents, as an annex has them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(1, 10, 100, 1000), (units, scale) => expectSame(units / scale)),
      runs(SEED, 20000),
    );
  });

  test('arithmetic on it is decimal.js arithmetic', () => {
    const sum = decimalFromNumber(96582.82).plus(decimalFromNumber(0.18)).plus(decimalFromNumber(1e-7));
    expect(sum.toString()).toBe('96583.0000001');
    expect(decimalFromNumber(0.1).plus(decimalFromNumber(0.2)).equals(new Decimal('0.3'))).toBe(true);
  });
});

describe('decimalsEqual', () => {
  const amount = fc
    .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 12 }))
    .map(([units, scale]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)));
  /** The same value reached another way: through arithmetic, from text with zeros, from a number. */
  const otherWay = (d: Decimal): Decimal[] => [
    d.plus(new Decimal('123.456')).minus(new Decimal('123.456')),
    new Decimal(`${d.toFixed()}`),
    new Decimal(d.toFixed(14)),
    d.times(3).dividedBy(3),
    d.toDecimalPlaces(20),
  ];

  test('agrees with decimal.js on equal and unequal pairs', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(decimalsEqual(a, b)).toBe(a.equals(b));
        for (const same of otherWay(a)) {
          expect(decimalsEqual(a, same)).toBe(a.equals(same));
          expect(decimalsEqual(same, b)).toBe(same.equals(b));
        }
        const near = a.plus(new Decimal('1e-12'));
        expect(decimalsEqual(a, near)).toBe(a.equals(near));
      }),
      runs(SEED, 3000),
    );
  });

  test('zeros, signs, and values that are not finite', () => {
    const cases = ['0', '-0', '1', '-1', '0.1', '1e-30', 'Infinity', '-Infinity', 'NaN'].map((t) => new Decimal(t));
    for (const a of cases) for (const b of cases) expect([a.toString(), b.toString(), decimalsEqual(a, b)]).toEqual([a.toString(), b.toString(), a.equals(b)]);
    expect(decimalsEqual(new Decimal(0), new Decimal(-0))).toBe(true);
    expect(decimalsEqual(decimalFromNumber(96582.82), new Decimal('96582.820'))).toBe(true);
  });
});
