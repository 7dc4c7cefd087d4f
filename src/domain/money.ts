/**
 * Money inside the engine: a whole number of minor units held in a `number`. The minor unit is
 * the cent of a euro whatever the unit the table is written in: 0,01 in a table in euros, 0,00001
 * in a table in thousands of euros (k€), so « 5 677,535 k€ » is exact and a gap of 0,001 k€ is
 * real (docs/annexe9.md, "Montants"). Sums and comparisons are integer arithmetic, exact while
 * they stay below 2^53 minor units; a cell or a sum beyond that range is refused, never rounded.
 * decimal.js reads what is finer than a minor unit (rounded half away from zero, as Excel's
 * ROUND) and writes amounts for people and for JSON.
 */
import Decimal from 'decimal.js';

/** Whole minor units (cents of a euro). */
export type Money = number;

/** How many decimals of a written amount one minor unit is: 2 for euros, 5 for thousands of euros. */
export type Decimals = number;

/**
 * The largest amount a cell may hold, in minor units: 10^15 cents, ten thousand billion euros.
 * Far beyond any annex; a sum of nine thousand such cells still stays exact.
 */
export const MAX_CELL_MONEY = 1e15;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

function pow10(decimals: Decimals): number {
  return POW10[decimals] ?? 10 ** decimals;
}

/**
 * The minor units of a number read from a cell, rounded half away from zero below the minor
 * unit (a double from Excel carries noise there); null when out of range or not finite.
 */
export function moneyOfNumber(v: number, decimals: Decimals): Money | null {
  // Nearly every amount is a whole number of minor units: then m / 10^d gives back the double
  // itself, and the double is the one nearest m / 10^d. Up to the cap (10^15 minor units, below
  // 2^51) two numbers with `decimals` decimals are further apart than two doubles, so m is exactly
  // what the double stands for; beyond the cap the amount is refused either way. Anything else
  // (noise below the minor unit, infinities, NaN) goes to decimal.js.
  // Stryker disable next-line ArithmeticOperator: a wrong m fails the test below, and decimal.js then gives the same cents
  const m = Math.round(v * pow10(decimals));
  // Stryker disable next-line ArithmeticOperator,BlockStatement: leaving this fast path (m × 10^d is never v but for 0) reaches decimal.js, which gives the same cents
  if (m / pow10(decimals) === v) {
    return Math.abs(m) <= MAX_CELL_MONEY ? m || 0 : null;
  }
  return moneyOfDecimal(new Decimal(v), decimals);
}

/** The minor units of a decimal amount, rounded half away from zero; null beyond the range. */
export function moneyOfDecimal(d: Decimal, decimals: Decimals): Money | null {
  if (!d.isFinite()) return null;
  const m = d.times(pow10(decimals)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (m.abs().greaterThan(MAX_CELL_MONEY)) return null;
  return m.toNumber() || 0;
}

/**
 * The minor units of an amount written as digits (`intPart`.`fracPart`, no sign), read without a
 * Decimal when it has no more decimals than the minor unit (the common case); null beyond range.
 */
export function moneyOfDigits(negative: boolean, intPart: string, fracPart: string, decimals: Decimals): Money | null {
  // Stryker disable next-line BlockStatement: without this fast path decimal.js gives the same cents
  if (fracPart.length <= decimals) {
    // Number reads up to 15 digits exactly; more are beyond the cap, unless they are leading zeros,
    // which Number reads exactly too.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: decimal.js below gives the same cents, and 16 digits or more without leading zeros are beyond the cap either way
    if (intPart.length <= 15) {
      const m = Number(intPart) * pow10(decimals) + (fracPart ? Number(fracPart) * pow10(decimals - fracPart.length) : 0);
      if (m <= MAX_CELL_MONEY) return negative ? -m || 0 : m;
      return null;
    }
  }
  const d = new Decimal(fracPart ? `${intPart}.${fracPart}` : intPart);
  return moneyOfDecimal(negative ? d.negated() : d, decimals);
}

/** a + b, or null when the sum leaves the range where whole numbers are exact. */
export function addMoney(a: Money, b: Money): Money | null {
  const s = a + b;
  return s <= Number.MAX_SAFE_INTEGER && s >= -Number.MAX_SAFE_INTEGER ? s : null;
}

/** True for a sum still exact. */
export function isExact(m: Money): boolean {
  return m <= Number.MAX_SAFE_INTEGER && m >= -Number.MAX_SAFE_INTEGER;
}

/** The amount as written in the table's unit, exactly (for formatting and JSON). */
export function moneyDecimal(m: Money, decimals: Decimals): Decimal {
  return new Decimal(m).dividedBy(pow10(decimals));
}

/** The amount in the table's unit as a double (what a spreadsheet cell holds). */
export function moneyNumber(m: Money, decimals: Decimals): number {
  return m / pow10(decimals);
}

/** `m × num / den`, rounded half away from zero to the minor unit (a share of an amount). */
export function mulDivMoney(m: Money, num: number, den: number): Money {
  if (num === den) return m;
  return new Decimal(m).times(num).dividedBy(den).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
}

/** The same amount in another minor unit (cents of the unit written), rounded half away from zero. */
export function rescale(m: Money, from: Decimals, to: Decimals): Money {
  return new Decimal(m).times(Decimal.pow(10, to - from)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
}
