/**
 * Amounts written in the convention's running text, read strictly: digit groups with one kind of
 * separator, two decimals at most, an amount in words between parentheses, then the currency.
 * Small hand-typed texts; offsets and cents typed by hand.
 */
import { amountAt, amountsIn } from '../../../src/domain/convention/money';

const cents = (text: string) => amountsIn(text).map((a) => a.cents);

describe('amountsIn: what a figure is', () => {
  it('reads groups of three after a first group of one to three digits, separated by spaces or dots', () => {
    expect(amountsIn('6.707.058 €')).toEqual([{ start: 0, end: 11, shown: '6.707.058 €', cents: 670705800 }]);
    expect(cents('12.345 EUR')).toEqual([1234500]);
    expect(cents('6 707 058 €')).toEqual([670705800]);
    expect(cents('110 000 euros')).toEqual([11000000]);
    expect(cents('200 000€')).toEqual([20000000]);
  });

  it('a group of other than three digits, a first group of four, or two kinds of separator: unreadable, never another amount', () => {
    expect(amountsIn('1 234 56 €')).toEqual([{ start: 0, end: 10, shown: '1 234 56 €', cents: null }]);
    expect(cents('1.234.56 €')).toEqual([null]);
    expect(cents('1234.567 €')).toEqual([null]);
    expect(cents('1 234.567 €')).toEqual([null]);
    expect(cents('6 70 7 058 €')).toEqual([null]);
  });

  it('a figure without separators has twelve digits at most', () => {
    expect(cents('123456789012 €')).toEqual([12345678901200]);
    expect(cents('1234567890123 €')).toEqual([null]);
  });

  it('one or two decimals after a comma; more is unreadable', () => {
    expect(cents('10,5 €')).toEqual([1050]);
    expect(cents('1 362 035,00 €')).toEqual([136203500]);
    expect(cents('10,123 €')).toEqual([null]);
  });

  it('offsets are in the whole text when reading from the middle of it, up to the end given', () => {
    const text = 'Article 2 : 5 000 € puis 7 000 €.';
    expect(amountsIn(text, 12)).toEqual([
      { start: 12, end: 19, shown: '5 000 €', cents: 500000 },
      { start: 25, end: 32, shown: '7 000 €', cents: 700000 },
    ]);
    expect(amountsIn(text, 12, 20)).toEqual([{ start: 12, end: 19, shown: '5 000 €', cents: 500000 }]);
  });
});

describe('amountAt: the first amount within a window', () => {
  it('takes an amount starting within the window, not one starting after it, and none when there is none', () => {
    expect(amountAt('à 5 000 €', 0, 2)).toEqual({ start: 2, end: 9, shown: '5 000 €', cents: 500000 });
    expect(amountAt('à 5 000 €', 0, 1)).toBeNull();
    expect(amountAt('à la somme de 5 000 €', 0, 4)).toBeNull();
    expect(amountAt('aucun montant', 0, 4)).toBeNull();
  });

  it('reads the whole amount when it is followed by its value in words, however long (« 6 707 058 (six millions …) euros »)', () => {
    const text = '6 707 058 (six millions sept cent sept mille cinquante-huit) euros par an';
    expect(amountAt(text, 0, 4)).toEqual({ start: 0, end: 66, shown: '6 707 058 (six millions sept cent sept mille cinquante-huit) euros', cents: 670705800 });
  });

  it('reads the longest amount the reader accepts (30 characters of figure, 4 decimals, 80 of words) starting at the edge of the window', () => {
    const longest = `12 3 4 5 6 7 8 9 0 1 2 3 4 5 6,1234 (${'cent '.repeat(16)}) euros`;
    expect(longest.length).toBe(124);
    expect(amountAt(`de ${longest}.`, 0, 3)).toEqual({ start: 3, end: 127, shown: longest, cents: null });
  });
});
