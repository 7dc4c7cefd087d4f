/**
 * Amounts written in running French text: `6 707 058 €`, `110 000 euros`, `200 000€`,
 * `1 362 035,00 €`, `6.707.058 EUR`, `110 000 (cent dix mille) euros`. Read strictly: a figure
 * whose digit groups do not fit (an amount cut by a line break, `6 70 7 058 €`) is not read as
 * some other amount, it is reported as unreadable. Money is exact: decimal.js, then integer cents.
 */
import Decimal from 'decimal.js';

/** Integer number of cents: exact in a `number` far beyond any budget. */
export type Cents = number;

export function centsOf(d: Decimal): Cents {
  return d.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

export function decimalOfCents(cents: Cents): Decimal {
  return new Decimal(cents).dividedBy(100);
}

export interface TextAmount {
  /** Offsets in the stream of the whole match (figure and currency). */
  start: number;
  end: number;
  /** The figure as written. */
  shown: string;
  /** null: digits and a currency, but not a figure that can be read with certainty. */
  cents: Cents | null;
}

// A run of digits with group separators (space, dot), an optional decimal part, an optional
// amount in words between parentheses, then the currency.
// The run is bounded (an amount has at most fifteen digits with their separators): a long run of
// digits and spaces in a hostile document must not make the search quadratic. It never starts in
// the middle of a run of digit groups, so a run too long is no amount rather than its tail.
const RUN = /(?<![\d.,]|\d[ .])(\d[\d .]{0,28}\d|\d)(?:,(\d{1,4}))?(?: ?\([^()\d]{1,80}\))? ?(€|euros?\b|eur\b)/giu;

/**
 * `6 707 058` → 6707058; groups of three after the first (one to three digits), one kind of
 * separator. The run starts and ends with a digit, as does RUN's match with its currency: nothing to trim.
 */
function readGroups(run: string): Decimal | null {
  if (/^\d+$/.test(run)) return run.length <= 12 ? new Decimal(run) : null;
  const sep = /^\d{1,3}( \d{3})+$/.test(run) ? ' ' : /^\d{1,3}(\.\d{3})+$/.test(run) ? '.' : null;
  if (!sep) return null;
  return new Decimal(run.split(sep).join(''));
}

/** Every amount with a currency in `text` between `from` and `to`. */
export function amountsIn(text: string, from = 0, to = text.length): TextAmount[] {
  const out: TextAmount[] = [];
  const slice = text.slice(from, to);
  RUN.lastIndex = 0;
  for (let m = RUN.exec(slice); m; m = RUN.exec(slice)) {
    // A year or a number before the figure ("2023 800 000 €") is not part of it: the run would
    // not group; a figure glued to a preceding number cannot be told apart, so it is unreadable.
    let value = readGroups(m[1]);
    if (value && m[2] !== undefined) value = m[2].length <= 2 ? value.plus(new Decimal(`0.${m[2]}`)) : null;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, shown: m[0], cents: value ? centsOf(value) : null });
  }
  return out;
}

/**
 * The longest text RUN matches (figure 30, decimals 5, words in parentheses 83, space 1, « euros » 5),
 * and the character after it, which `\b` reads: an amount starting in the window is read whole.
 */
const LONGEST_AMOUNT = 125;

/** The first amount starting at `at` or after it (spaces skipped), within `window` characters. */
export function amountAt(text: string, at: number, window = 40): TextAmount | null {
  const first = amountsIn(text, at, at + window + LONGEST_AMOUNT)[0];
  return first && first.start - at <= window ? first : null;
}
