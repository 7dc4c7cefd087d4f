/**
 * decimalFromNumber must give exactly the Decimal that `new Decimal(v)` gives: same sign, exponent
 * and digit words, same fields in the same order, so decimal.js cannot tell them apart.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { decimalFromNumber } from '../../src/domain/numberDecimal';

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
    fc.assert(fc.property(fc.double({ noNaN: true }), (v) => expectSame(v)), { seed: SEED, numRuns: 20000 });
  });

  test('amounts in cents, as an annex has them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(1, 10, 100, 1000), (units, scale) => expectSame(units / scale)),
      { seed: SEED, numRuns: 20000 },
    );
  });

  test('arithmetic on it is decimal.js arithmetic', () => {
    const sum = decimalFromNumber(96582.82).plus(decimalFromNumber(0.18)).plus(decimalFromNumber(1e-7));
    expect(sum.toString()).toBe('96583.0000001');
    expect(decimalFromNumber(0.1).plus(decimalFromNumber(0.2)).equals(new Decimal('0.3'))).toBe(true);
  });
});
