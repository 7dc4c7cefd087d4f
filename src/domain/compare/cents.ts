/**
 * Money in integer cents: sums, changes and the one division the comparison needs (a share of a
 * spending), exact to the cent. The division goes through decimal.js with enough precision for the
 * product of two amounts, then rounds once, half away from zero (« arrondi commercial »).
 */
import Decimal from 'decimal.js';
import { AmountKey, Cents, CentsRow } from './comparable';

// Two amounts of up to 10^15 cents multiply to 31 digits: 40 significant digits leave room.
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * Cents of a decimal amount in euros, rounded half away from zero (Excel's float noise below the cent goes).
 * Only the command line's few --notified amounts come here (cells go through money.ts): decimal.js
 * every time, no double of euros on the way.
 */
export function centsOf(euros: Decimal | string | number): Cents {
  return new Exact(euros).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
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
