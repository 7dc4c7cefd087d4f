/**
 * Money in whole cents (src/domain/money.ts) against decimal.js, the reference: a number read from
 * a cell, an amount typed as text, in euros (2 decimals) and in thousands of euros (5), give the
 * cents decimal.js gives for the same decimal value, rounded half away from zero; out of range is
 * refused, never rounded.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { parseAmountMoney, parseAmountText } from '../../src/domain/amounts';
import { MAX_CELL_MONEY, addMoney, isExact, moneyDecimal, moneyNumber, moneyOfDecimal, moneyOfDigits, moneyOfNumber, mulDivMoney, rescale } from '../../src/domain/money';

const RUNS = { seed: 20230612, numRuns: 5000 };

/** What decimal.js says: the double's decimal value (its shortest form, as `new Decimal(v)` reads it), in minor units. */
function reference(v: number, decimals: number): number | null {
  const m = new Decimal(v).times(new Decimal(10).pow(decimals)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return m.abs().greaterThan(MAX_CELL_MONEY) ? null : m.toNumber() || 0;
}

const amountLike = fc.oneof(
  // Whole cents, as most cells hold.
  fc.integer({ min: -(2 ** 48), max: 2 ** 48 }).map((c) => c / 100),
  // Thousandths and finer: k€ with three decimals, sub-cent amounts, float sums.
  fc.integer({ min: -(2 ** 45), max: 2 ** 45 }).map((c) => c / 1000),
  fc.tuple(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 10 ** 7 })).map(([a, b]) => a / 100 + b / 100),
  fc.double({ min: -1e14, max: 1e14, noNaN: true }),
);

describe('moneyOfNumber', () => {
  it.each([2, 5])('gives what decimal.js gives, %i decimals', (decimals) => {
    fc.assert(
      fc.property(amountLike, (v) => {
        expect(moneyOfNumber(v, decimals)).toBe(reference(v, decimals));
      }),
      RUNS,
    );
  });

  it('reads the noise of Excel sums as the cents meant, and half cents half up', () => {
    expect(moneyOfNumber(0.1 + 0.2, 2)).toBe(30);
    expect(moneyOfNumber(12134116.000000002, 2)).toBe(1213411600);
    expect(moneyOfNumber(1.005, 2)).toBe(101);
    expect(moneyOfNumber(-1.005, 2)).toBe(-101);
    expect(moneyOfNumber(5677.535, 5)).toBe(567753500);
    expect(Object.is(moneyOfNumber(-0, 2), 0)).toBe(true);
    expect(moneyOfNumber(Infinity, 2)).toBeNull();
    expect(moneyOfNumber(NaN, 2)).toBeNull();
  });
});

describe('amounts typed as text', () => {
  it('give the cents of the decimal parseAmountText reads', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 7 }), fc.constantFrom(2, 5), (digits, places, decimals) => {
        const text = new Decimal(digits.toString()).dividedBy(new Decimal(10).pow(places)).toFixed(places).replace('.', ',');
        const parsed = parseAmountText(text)!;
        const want = moneyOfDecimal(parsed, decimals);
        expect(parseAmountMoney(text, decimals)).toBe(want === null ? 'tooLarge' : want);
      }),
      RUNS,
    );
  });
});

describe('arithmetic', () => {
  it('adds exactly, and says when a sum leaves the exact range', () => {
    expect(addMoney(MAX_CELL_MONEY, MAX_CELL_MONEY)).toBe(2 * MAX_CELL_MONEY);
    expect(addMoney(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(addMoney(Number.MAX_SAFE_INTEGER, 1)).toBeNull();
  });

  it('writes cents back as the decimal of the unit, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(2, 5), (m, decimals) => {
        expect(moneyDecimal(m, decimals).equals(new Decimal(m).dividedBy(new Decimal(10).pow(decimals)))).toBe(true);
      }),
      RUNS,
    );
  });

  it('shares and rescales round half away from zero, as decimal.js does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (m, num, den) => {
        const want = new Decimal(m).times(num).dividedBy(den).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
        expect(mulDivMoney(m, num, den)).toBe(want);
        expect(rescale(m, 3, 0)).toBe(new Decimal(m).dividedBy(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0);
      }),
      RUNS,
    );
  });
});

describe('by hand, at the edges (mutants that survived the first domain run, issue 18)', () => {
  it('rescale: up multiplies exactly, down rounds half away from zero, same unit is the same amount', () => {
    expect(rescale(123, 2, 5)).toBe(123_000); // 1,23 in cents, then in units of 10^-5
    expect(rescale(-7, 2, 3)).toBe(-70);
    expect(rescale(123_456, 5, 2)).toBe(123);
    expect(rescale(123_500, 5, 2)).toBe(124);
    expect(rescale(-123_500, 5, 2)).toBe(-124);
    expect(rescale(-123_499, 5, 2)).toBe(-123);
    expect(rescale(499, 3, 0)).toBe(0);
    expect(Object.is(rescale(-499, 3, 0), 0)).toBe(true); // never -0
    expect(rescale(42, 2, 2)).toBe(42);
  });

  it('isExact and addMoney: exact up to 2^53 − 1 either side, refused beyond', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(isExact(max)).toBe(true);
    expect(isExact(-max)).toBe(true);
    expect(isExact(max + 1)).toBe(false);
    expect(isExact(-max - 1)).toBe(false);
    expect(isExact(0)).toBe(true);
    expect(addMoney(max - 1, 1)).toBe(max);
    expect(addMoney(-max + 1, -1)).toBe(-max);
    expect(addMoney(max, 1)).toBeNull();
    expect(addMoney(-max, -1)).toBeNull();
  });

  it('mulDivMoney: a share rounded half away from zero; a ratio of one is the amount itself', () => {
    expect(mulDivMoney(101, 1, 2)).toBe(51);
    expect(mulDivMoney(-101, 1, 2)).toBe(-51);
    expect(mulDivMoney(100, 70, 30)).toBe(233);
    expect(mulDivMoney(12_345, 3, 3)).toBe(12_345);
  });

  it('moneyOfNumber beyond the fast path (over 2^51 minor units): still exact, or refused past the cap', () => {
    expect(moneyOfNumber(9_999_999_999_999.99, 2)).toBe(reference(9_999_999_999_999.99, 2));
    expect(moneyOfNumber(1e13, 2)).toBe(MAX_CELL_MONEY); // 10^15 cents: the cap itself is read
    expect(moneyOfNumber(-1e13, 2)).toBe(-MAX_CELL_MONEY);
    expect(moneyOfNumber(1.0000000000001e13, 2)).toBeNull(); // 10^15 + 10 cents: past the cap, refused
    expect(moneyOfNumber(Infinity, 2)).toBeNull();
    expect(moneyOfNumber(NaN, 2)).toBeNull();
  });

  it('not a number: refused, never zero', () => {
    expect(moneyOfDecimal(new Decimal(NaN), 2)).toBeNull();
    expect(moneyOfDecimal(new Decimal(-Infinity), 2)).toBeNull();
    expect(moneyOfNumber(-Infinity, 5)).toBeNull();
  });

  it('a minor unit finer than the table of powers of ten (ten decimals and more) is still exact', () => {
    expect(moneyNumber(300_000_000_000, 11)).toBe(3);
    expect(moneyOfNumber(1.5, 10)).toBe(15_000_000_000);
    expect(moneyOfDigits(false, '1', '5', 10)).toBe(15_000_000_000);
    expect(rescale(3, 0, 11)).toBe(300_000_000_000);
  });
});
