/**
 * A Decimal from a JS number, built without decimal.js's string parser.
 *
 * `new Decimal(96582.82)` formats the double (shortest round-trip form, `"96582.82"`) then parses
 * that text with regular expressions and slices: about 1 µs a cell, most of the engine's time on a
 * 100 000-row annex. Here the same text is read digit by digit into the same base-10⁷ words, and
 * the result is a real decimal.js instance with exactly the fields the library would have set
 * (test/engine/numberDecimal.test.ts compares them on hundreds of thousands of values). Anything
 * unusual (exponent form, small integers, which the library already builds fast) goes to the library.
 */
import Decimal from 'decimal.js';

/** decimal.js's digit words are base 10⁷ (its LOG_BASE). */
const LOG_BASE = 7;
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];
const PROTOTYPE = Decimal.prototype;

/**
 * Below 2^43 a double is less than 0.001 from the value it stands for, while two amounts in cents
 * are 0.01 apart: a double that is the nearest one to some k/100 has k/100 as its shortest decimal
 * form, the very text String() would give. So an amount in cents is built from the integer k,
 * without formatting the double at all.
 */
const CENTS_EXACT_BELOW = 2 ** 43;

/** decimal.js's words of k × 10⁻², k a whole number below 2^53 (not zero). */
function fromCents(sign: number, k: number): Decimal {
  // Trailing zeros dropped: value = m × 10^scale, m with no trailing zero.
  let m = k;
  let scale = -2;
  while (m % 10 === 0) {
    m /= 10;
    scale++;
  }
  let digits = 1;
  for (let p = 10; p <= m; p *= 10) digits++;
  const e = digits - 1 + scale;
  const head = headDigits(e);
  // Words from the right: the last one holds what is left after the head and the full words,
  // padded with zeros on the right up to 7 digits.
  const full = digits <= head ? 0 : Math.ceil((digits - head) / LOG_BASE);
  const lastDigits = full === 0 ? digits : digits - head - (full - 1) * LOG_BASE;
  // At most 16 digits (k < 2^53): four words at most, kept in locals.
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let rest = m;
  let take = lastDigits;
  const pad = full === 0 ? head - digits : LOG_BASE - lastDigits;
  for (let i = full; i >= 0; i--) {
    const p = POW10[take];
    const low = i === 0 ? rest : rest % p;
    rest = (rest - low) / p; // exact: an integer below 2^53 divided by one of its divisors
    const word = i === full ? low * POW10[pad] : low;
    if (i === 0) w0 = word;
    else if (i === 1) w1 = word;
    else if (i === 2) w2 = word;
    else w3 = word;
    take = LOG_BASE;
  }
  return makeDecimal(sign, e, wordList(full + 1, w0, w1, w2, w3));
}

/** How many digits decimal.js puts in the first word of a number whose leading digit is 10^e: (e + 1) mod 7, 7 for 0. */
function headDigits(e: number): number {
  let head = (e + 1) % LOG_BASE;
  if (e < 0) head += LOG_BASE;
  return head === 0 ? LOG_BASE : head;
}

/** The words as an exact-size literal: a double has at most 17 significant digits, four words. */
function wordList(count: number, w0: number, w1: number, w2: number, w3: number): number[] {
  return count === 1 ? [w0] : count === 2 ? [w0, w1] : count === 3 ? [w0, w1, w2] : [w0, w1, w2, w3];
}

/** A decimal.js instance with these fields, set in the order its constructor sets them. */
function makeDecimal(s: number, e: number, d: number[]): Decimal {
  const x = Object.create(PROTOTYPE) as DecimalFields;
  x.constructor = Decimal;
  x.s = s;
  x.e = e;
  x.d = d;
  return x as unknown as Decimal;
}

interface DecimalFields {
  constructor: unknown;
  s: number;
  e: number;
  /** null for NaN and ±Infinity. */
  d: number[] | null;
}

export function decimalFromNumber(v: number): Decimal {
  const a = v < 0 ? -v : v;
  if (a === 0 || a !== a || a === Infinity || (a < 1e7 && a === Math.floor(a))) return new Decimal(v);
  if (a < CENTS_EXACT_BELOW) {
    const cents = Math.round(a * 100);
    if (cents / 100 === a) return fromCents(v < 0 ? -1 : 1, cents);
  }
  const text = String(a); // the same text decimal.js starts from (Number.prototype.toString)
  const n = text.length;
  let dot = n;
  let first = -1; // text index of the first significant digit
  let last = -1; // text index of the last significant digit
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 46) dot = k;
    else if (c < 48 || c > 57) return new Decimal(v); // 1e+21, 1e-7: exponent form
    else if (c !== 48) {
      if (first < 0) first = k;
      last = k;
    }
  }
  // As decimal.js: e is the base-10 exponent of the first significant digit; the first word holds
  // (e + 1) mod 7 digits, the others 7, the last one padded with zeros on the right.
  const e = first < dot ? dot - first - 1 : dot - first;
  const head = headDigits(e);
  // At most four words, kept in locals (see wordList).
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let words = 0;
  let word = 0;
  let inWord = 0;
  let size = head;
  // Past the last significant digit, zeros complete the last word.
  for (let k = first; k <= last || inWord !== 0; k++) {
    if (k === dot) continue;
    word = word * 10 + (k <= last ? text.charCodeAt(k) - 48 : 0);
    if (++inWord === size) {
      if (words === 0) w0 = word;
      else if (words === 1) w1 = word;
      else if (words === 2) w2 = word;
      else w3 = word;
      words++;
      word = 0;
      inWord = 0;
      size = LOG_BASE;
    }
  }
  return makeDecimal(v < 0 ? -1 : 1, e, wordList(words, w0, w1, w2, w3));
}

/**
 * a = b, for two Decimals, without the copy of `b` that decimal.js's comparisons make: a finite
 * non-zero Decimal is held in one way only (sign, exponent, digit words without trailing zero
 * words), so equal values have equal fields. Zeros of either sign are equal; anything not finite
 * goes to decimal.js (test/engine/numberDecimal.test.ts checks both ways against `equals`).
 */
export function decimalsEqual(a: Decimal, b: Decimal): boolean {
  const x = a as unknown as DecimalFields;
  const y = b as unknown as DecimalFields;
  const xd = x.d;
  const yd = y.d;
  if (!xd || !yd) return a.equals(b); // NaN is not even equal to itself
  if (a === b) return true;
  if (xd[0] === 0 || yd[0] === 0) return xd[0] === yd[0];
  if (x.s !== y.s || x.e !== y.e || xd.length !== yd.length) return false;
  for (let i = 0; i < xd.length; i++) if (xd[i] !== yd[i]) return false;
  return true;
}
