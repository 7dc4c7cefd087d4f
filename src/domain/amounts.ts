/**
 * Reading amounts. Money is exact: every amount becomes a whole number of minor units (money.ts),
 * never a float of euros. Amounts arrive as numbers, as text typed the French way
 * (`1 362 035,00 €`), as the accounting zero (`-  €`), or as things that are not amounts at all
 * (text, error values, dates).
 */
import Decimal from 'decimal.js';
import { Cell, isCellError } from './grid';
import { Decimals, Money, moneyDecimal, moneyOfDigits, moneyOfNumber } from './money';

export type AmountReading =
  | { kind: 'empty'; value: 0 }
  | { kind: 'amount'; value: Money; fromText: boolean }
  | { kind: 'unreadable'; reason: UnreadableReason; shown: string };

/** `tooLarge`: beyond ten thousand billion euros, where whole numbers stop being exact. */
export type UnreadableReason = 'text' | 'error' | 'date' | 'boolean' | 'formulaWithoutValue' | 'tooLarge';

/** Minor units of a table in euros: the cent. */
export const EURO_DECIMALS = 2;

// Shared readings: most cells of an annex are blank or zero, and a sheet can have 100 000 rows.
const EMPTY_READING: AmountReading = Object.freeze({ kind: 'empty', value: 0 }) as AmountReading;
const ZERO_READING: AmountReading = Object.freeze({ kind: 'amount', value: 0, fromText: false }) as AmountReading;

// Spaces people (and Excel) put in amounts: normal, non-breaking, narrow non-breaking, thin, figure.
const SPACES = /[\s\u00A0\u202F\u2009\u2007\u2008\u200A]/g;
const CURRENCY = /(€|eur(os?)?)/gi;

/** Number formats that show a date or a time: such a cell in an amount column is a date, not money. */
const dateFormats = new Map<string, boolean>();

export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  // A sheet uses a handful of formats over thousands of cells: each is read once.
  return dateFormats.get(numFmt) ?? rememberDateFormat(numFmt);
}

function rememberDateFormat(numFmt: string): boolean {
  const isDate = computeIsDateFormat(numFmt);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: this only bounds the memory a sheet of many formats takes; a format not kept is read again, with the same answer
  if (dateFormats.size < 1000) dateFormats.set(numFmt, isDate);
  return isDate;
}

function computeIsDateFormat(numFmt: string): boolean {
  const bare = numFmt
    .replace(/"[^"]*"/g, '') // quoted literals
    .replace(/\[[^\]]*\]/g, '') // [Red], [$-40C]
    .replace(/\\./g, '') // escaped characters
    .replace(/_.|\*./g, ''); // padding
  // A date or time shows day, month, year or hour tokens and no digit placeholders.
  return /[dmyh]/i.test(bare) && !/[#0?]/.test(bare);
}

/** An amount as written: sign and digits, before any arithmetic. */
interface WrittenAmount {
  negative: boolean;
  intPart: string;
  fracPart: string;
}

/**
 * Parse amount text the way French users type it. Returns null when the text is not an amount.
 * Accepted: `1 362 035,00 €`, `1362035`, `1.362.035,00`, `1 362 035 €`, `1,362,035.00`, `-  €`,
 * `(1 000,00)` (negative), `-1 000,50`, `+12`, `12,5 EUR`.
 */
export function parseAmountText(raw: string): Decimal | null {
  const w = readWritten(raw);
  if (!w) return null;
  const value = new Decimal(w.fracPart ? `${w.intPart}.${w.fracPart}` : w.intPart);
  return w.negative ? value.negated() : value;
}

/** The same, in minor units (`decimals` 2 for euros); `tooLarge` beyond the range. */
export function parseAmountMoney(raw: string, decimals: Decimals = EURO_DECIMALS): Money | 'tooLarge' | null {
  const w = readWritten(raw);
  if (!w) return null;
  return moneyOfDigits(w.negative, w.intPart, w.fracPart, decimals) ?? 'tooLarge';
}

const ZERO_WRITTEN: WrittenAmount = { negative: false, intPart: '0', fracPart: '' };

function readWritten(raw: string): WrittenAmount | null {
  let s = raw.replace(SPACES, '').replace(CURRENCY, '');
  // Accounting zero: a lone dash (Excel shows `-  €`).
  if (/^[-\u2013\u2212]+$/.test(s) || /^n[ée]ant$/i.test(s)) return ZERO_WRITTEN;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  // `.*` takes the rest: the spaces removed above include every line break.
  const sign = /^([+\-\u2212\u2013])(.*)/.exec(s);
  if (sign) {
    if (sign[1] !== '+') negative = !negative;
    s = sign[2];
  }
  if (!/^[0-9.,']+$/.test(s) || !/[0-9]/.test(s)) return null;
  s = s.replace(/'/g, ''); // Swiss grouping 1'362'035
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let intPart: string;
  let fracPart = '';
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    const dec = s[Math.max(lastComma, lastDot)];
    const group = dec === ',' ? '.' : ',';
    const [i, f, ...rest] = s.split(dec);
    if (rest.length) return null;
    if (!isGrouped(i, group)) return null;
    intPart = i.split(group).join('');
    fracPart = f;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = s.split(sep);
    if (parts.length > 2) {
      // Several separators of one kind: thousands grouping (1.362.035).
      if (!isGrouped(s, sep)) return null;
      intPart = parts.join('');
    } else if (sep === '.' && parts[1].length === 3 && /^[1-9]\d{0,2}$/.test(parts[0])) {
      // `1.362` in a French annex is one thousand three hundred and sixty-two.
      intPart = parts.join('');
    } else {
      intPart = parts[0];
      fracPart = parts[1];
    }
  } else {
    intPart = s;
  }
  // Only digits are left (the test of allowed characters above, then each branch): `,5` is 0,5.
  // Stryker disable next-line ConditionalExpression,StringLiteral: Number('') and decimal.js (`.5`) read an empty integer part as 0 too, and a separator alone is refused above; the line only says it
  if (intPart === '') intPart = '0';
  // A zero has no sign: `-0,00` is 0.
  if (negative && /^0*$/.test(intPart) && /^0*$/.test(fracPart)) negative = false;
  return { negative, intPart, fracPart };
}

/** Digits grouped by threes (`1.362.035`); `s` holds at least one `group` (its callers' cases). */
function isGrouped(s: string, group: string): boolean {
  const parts = s.split(group);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/**
 * Readings of numbers. A row repeats its amounts (A = C, the valued share = C, F = 2 × A), so the
 * last few readings are kept and shared (nothing writes to a reading): a reading object per cell
 * of a 100 000-row annex would cost more than comparing a few numbers.
 */
const RECENT = 8;
const recentValues: number[] = new Array(RECENT).fill(NaN);
const recentDecimals: number[] = new Array(RECENT).fill(-1);
const recentReadings: AmountReading[] = new Array(RECENT).fill(EMPTY_READING);
let recentNext = 0;

function numberReading(v: number, decimals: Decimals): AmountReading {
  let i = RECENT;
  while (i--) if (recentValues[i] === v && recentDecimals[i] === decimals) return recentReadings[i];
  const money = moneyOfNumber(v, decimals);
  const reading: AmountReading = money === null ? { kind: 'unreadable', reason: 'tooLarge', shown: String(v) } : money === 0 ? ZERO_READING : { kind: 'amount', value: money, fromText: false };
  recentValues[recentNext] = v;
  recentDecimals[recentNext] = decimals;
  recentReadings[recentNext] = reading;
  recentNext = (recentNext + 1) % RECENT;
  return reading;
}

/**
 * Read one cell as an amount, in minor units of `decimals` (2: a table in euros, 5: in k€).
 * Never throws: what is not an amount is said to be unreadable.
 */
export function readAmount(cell: Cell | null | undefined, decimals: Decimals = EURO_DECIMALS): AmountReading {
  if (!cell) return EMPTY_READING;
  const v = cell.value;
  if (v === null || v === undefined || v === '') {
    if (cell.formula) return { kind: 'unreadable', reason: 'formulaWithoutValue', shown: cell.formula };
    return EMPTY_READING;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'unreadable', reason: 'error', shown: String(v) };
    if (isDateFormat(cell.numFmt)) return { kind: 'unreadable', reason: 'date', shown: String(v) };
    return numberReading(v, decimals);
  }
  if (v instanceof Date) return { kind: 'unreadable', reason: 'date', shown: v.toISOString().slice(0, 10) };
  if (typeof v === 'boolean') return { kind: 'unreadable', reason: 'boolean', shown: v ? 'VRAI' : 'FAUX' };
  if (isCellError(v)) return { kind: 'unreadable', reason: 'error', shown: v.error };
  const text = String(v);
  if (/^\s*$/.test(text)) return EMPTY_READING;
  if (/^#(REF!|VALUE!|N\/A|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i.test(text.trim())) {
    return { kind: 'unreadable', reason: 'error', shown: text.trim() };
  }
  const parsed = parseAmountMoney(text, decimals);
  if (parsed === 'tooLarge') return { kind: 'unreadable', reason: 'tooLarge', shown: text.trim() };
  if (parsed !== null) return { kind: 'amount', value: parsed, fromText: true };
  return { kind: 'unreadable', reason: 'text', shown: text.trim() };
}

/** Amounts are shown to the cent: Excel's own float sums carry noise below it. */
export function toCents(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * French typesetting's spaces in an amount, as Intl's fr-FR writes them: a narrow no-break space
 * between groups of digits, a no-break space before the unit — an amount never breaks across lines.
 */
export const FR_DIGIT_GROUP = '\u202f';
export const FR_BEFORE_UNIT = '\u00a0';

/** `1 362 035,00 €` (the spaces are FR_DIGIT_GROUP and FR_BEFORE_UNIT). */
export function formatEuro(d: Decimal, lang: 'fr' | 'en' = 'fr'): string {
  const cents = toCents(d);
  const negative = cents.isNegative() && !cents.isZero();
  const [int, frac] = cents.abs().toFixed(2).split('.');
  if (lang === 'en') {
    return `${negative ? '-' : ''}€${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
  }
  return `${negative ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, FR_DIGIT_GROUP)},${frac}${FR_BEFORE_UNIT}€`;
}

/** Cents (minor units of a table in euros) as `1 362 035,00 €`. */
export function formatCents(cents: Money, lang: 'fr' | 'en' = 'fr'): string {
  return formatEuro(moneyDecimal(cents, EURO_DECIMALS), lang);
}

/** A decimal as a plain string for JSON (`"1280000"`, `"0.5"`), cents kept when present. */
export function decimalString(d: Decimal): string {
  return toCents(d).toFixed();
}
