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

interface DecimalFields {
  constructor: unknown;
  s: number;
  e: number;
  d: number[];
}

export function decimalFromNumber(v: number): Decimal {
  const a = v < 0 ? -v : v;
  if (a === 0 || a !== a || a === Infinity || (a < 1e7 && a === Math.floor(a))) return new Decimal(v);
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
  let head = (e + 1) % LOG_BASE;
  if (e < 0) head += LOG_BASE;
  if (head === 0) head = LOG_BASE;
  // A double has at most 17 significant digits: four words at most, built as an exact-size literal.
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let words = 0;
  let word = 0;
  let inWord = 0;
  let size = head;
  for (let k = first; k <= last; k++) {
    if (k === dot) continue;
    word = word * 10 + (text.charCodeAt(k) - 48);
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
  if (inWord) {
    word *= POW10[size - inWord];
    if (words === 0) w0 = word;
    else if (words === 1) w1 = word;
    else if (words === 2) w2 = word;
    else w3 = word;
    words++;
  }
  const d = words === 1 ? [w0] : words === 2 ? [w0, w1] : words === 3 ? [w0, w1, w2] : [w0, w1, w2, w3];
  const x = Object.create(PROTOTYPE) as DecimalFields;
  // The fields in the order decimal.js's constructor sets them.
  x.constructor = Decimal;
  x.s = v < 0 ? -1 : 1;
  x.e = e;
  x.d = d;
  return x as unknown as Decimal;
}
