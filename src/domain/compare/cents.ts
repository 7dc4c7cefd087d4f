/**
 * Money in integer cents: sums, changes and the one division the comparison needs (a share of a
 * spending), exact to the cent. The division goes through decimal.js with enough precision for the
 * product of two amounts, then rounds once, half away from zero (« arrondi commercial »).
 */
import Decimal from 'decimal.js';
import { AmountKey, Cents, CentsRow } from './comparable';

// Two amounts of up to 10^15 cents multiply to 31 digits: 40 significant digits leave room.
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Below this many cents, a whole number of cents times 100 is exact in a double. */
const SAFE_CENTS = 2 ** 53 / 1024;

/** Cents of a decimal amount in euros, rounded half away from zero (Excel's float noise below the cent goes). */
export function centsOf(euros: Decimal | string | number): Cents {
  // Most amounts have at most two decimals: their double times 100 rounds to the exact cents.
  if (euros instanceof Decimal && euros.decimalPlaces() <= 2) {
    const cents = Math.round(euros.toNumber() * 100) || 0; // never -0
    if (Math.abs(cents) < SAFE_CENTS) return cents;
  }
  return new Exact(euros).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
}

/**
 * Cents of an amount read from a number cell, when the number is a whole number of cents (the
 * usual case): `c / 100 === v` says the double is the one nearest `c / 100`, so its decimal value,
 * as the engine reads it, is exactly c cents. Null otherwise (take the decimal path).
 */
export function centsOfNumber(v: number): Cents | null {
  const c = Math.round(v * 100);
  return c / 100 === v && Math.abs(c) < SAFE_CENTS ? c || 0 : null;
}

/** `a × b / c`, rounded to the cent half away from zero; null when c is 0. */
export function mulDiv(a: Cents, b: Cents, c: Cents): Cents | null {
  if (c === 0) return null;
  return new Exact(a).times(b).dividedBy(c).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
}

/** `num / den` as a decimal string with four places (`0.8750`), half away from zero; null when den is 0. */
export function ratio(num: Cents, den: Cents): string | null {
  if (den === 0) return null;
  return new Exact(num).dividedBy(den).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
}

/** Cents as a Decimal of euros, for formatting. */
export function euros(c: Cents): Decimal {
  return new Decimal(c).dividedBy(100);
}

/** Cents as the decimal string of `annex9 check --json` (`"1280000"`, `"12.5"`). */
export function centsString(c: Cents | null): string | null {
  return c === null ? null : euros(c).toFixed();
}

/** A + C of a row or group (the year's co-financed money); null when either is unknown. */
export function coFinanced(row: CentsRow): Cents | null {
  const a = row.A;
  const c = row.C;
  if (a === undefined || a === null || c === undefined || c === null) return null;
  return a + c;
}

/** True when every column holds zero (or is absent). */
export function isZeroRow(row: CentsRow): boolean {
  for (const k of Object.keys(row) as AmountKey[]) if (row[k] !== 0) return false;
  return true;
}
