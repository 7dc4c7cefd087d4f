import Decimal from 'decimal.js';
import fc from 'fast-check';
import { formatEuro, isDateFormat, parseAmountText, readAmount } from '../../src/domain/amounts';
import { runs } from '../support/runs';

const d = (s: string) => new Decimal(s);

describe('parseAmountText', () => {
  it.each([
    ['1 362 035,00 €', '1362035'],
    ['1\u00A0362\u00A0035,00\u00A0€', '1362035'],
    ['1\u202F362\u202F035,00\u202F€', '1362035'],
    ['1362035', '1362035'],
    ['1.362.035,00', '1362035'],
    ['1 362 035 €', '1362035'],
    ['1,362,035.00', '1362035'],
    ['227 500,50', '227500.5'],
    ['-  €', '0'],
    ['-', '0'],
    ['(1 000,00)', '-1000'],
    ['-1 000,50 €', '-1000.5'],
    ['+12', '12'],
    ['12,5 EUR', '12.5'],
    ['1.362', '1362'],
    ['0.125', '0.125'],
    ["1'362'035.00", '1362035'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseAmountText(text)?.toFixed()).toBe(d(expected).toFixed());
  });

  it.each(['abc', 'environ 300 000', '1,2,3,4', '12..5', '1 362,035,00', '€', '--5'])('refuses %j', (text) => {
    expect(parseAmountText(text)).toBeNull();
  });

  it('gives back, to the cent, every amount it formats (French and English)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (cents) => {
        const value = new Decimal(cents.toString()).dividedBy(100);
        expect(parseAmountText(formatEuro(value, 'fr'))!.equals(value)).toBe(true);
        expect(parseAmountText(formatEuro(value, 'fr').replace(/ /g, '\u00A0'))!.equals(value)).toBe(true);
        expect(parseAmountText(formatEuro(value, 'en'))!.equals(value)).toBe(true);
      }),
      runs(20230612, 300),
    );
  });
});

describe('readAmount', () => {
  it('reads numbers in whole cents, the noise of a double below the cent rounded away', () => {
    const r = readAmount({ value: 0.1 + 0.2 });
    expect(r).toMatchObject({ kind: 'amount', value: 30 });
    expect(readAmount({ value: 96582.82 })).toMatchObject({ kind: 'amount', value: 9658282 });
    expect(readAmount({ value: 1.005 })).toMatchObject({ kind: 'amount', value: 101 }); // the double's shortest form is 1.005: half up
    expect(readAmount({ value: -1.005 })).toMatchObject({ kind: 'amount', value: -101 });
    // In a table in thousands of euros, still whole cents of a euro: 5 677,535 k€.
    expect(readAmount({ value: 5677.535 }, 5)).toMatchObject({ kind: 'amount', value: 567753500 });
    expect(readAmount({ value: '5 677,535' }, 5)).toMatchObject({ kind: 'amount', value: 567753500, fromText: true });
  });
  it('refuses amounts beyond ten thousand billion euros, where whole numbers stop being exact', () => {
    expect(readAmount({ value: 1e13 })).toMatchObject({ kind: 'amount', value: 1e15 });
    expect(readAmount({ value: 1e13 + 1 })).toMatchObject({ kind: 'unreadable', reason: 'tooLarge' });
    expect(readAmount({ value: '99 999 999 999 999 999,00 €' })).toMatchObject({ kind: 'unreadable', reason: 'tooLarge' });
  });
  it('treats blanks and the accounting zero as zero', () => {
    expect(readAmount(null).kind).toBe('empty');
    expect(readAmount({ value: '   ' }).kind).toBe('empty');
    const dash = readAmount({ value: '-  €' });
    expect(dash).toMatchObject({ kind: 'amount', value: 0 });
  });
  it('says why a cell is not an amount, without throwing', () => {
    expect(readAmount({ value: { error: '#REF!' } })).toMatchObject({ kind: 'unreadable', reason: 'error', shown: '#REF!' });
    expect(readAmount({ value: '#N/A' })).toMatchObject({ kind: 'unreadable', reason: 'error' });
    expect(readAmount({ value: new Date('2023-06-12') })).toMatchObject({ kind: 'unreadable', reason: 'date', shown: '2023-06-12' });
    expect(readAmount({ value: 45089, numFmt: 'dd/mm/yyyy' })).toMatchObject({ kind: 'unreadable', reason: 'date' });
    expect(readAmount({ value: true })).toMatchObject({ kind: 'unreadable', reason: 'boolean' });
    expect(readAmount({ value: 'à préciser' })).toMatchObject({ kind: 'unreadable', reason: 'text', shown: 'à préciser' });
    expect(readAmount({ value: null, formula: '=SUM(F7:F8)' })).toMatchObject({ kind: 'unreadable', reason: 'formulaWithoutValue' });
  });
  it('takes formula results as the amount', () => {
    expect(readAmount({ value: 600000, formula: '=SUM(F7:F8)' })).toMatchObject({ kind: 'amount' });
  });
});

describe('isDateFormat', () => {
  it.each([['dd/mm/yyyy', true], ['[$-40C]d mmmm yyyy;@', true], ['mm-dd-yy', true], ['#,##0.00\\ "€"', false], ['_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-', false], ['General', false], ['0%', false]])(
    '%s → %s',
    (fmt, expected) => expect(isDateFormat(fmt)).toBe(expected),
  );
});

describe('formatEuro', () => {
  it('writes amounts the French way', () => {
    expect(formatEuro(d('1362035'))).toBe('1\u202f362\u202f035,00\u00a0€');
    expect(formatEuro(d('-320000'))).toBe('-320\u202f000,00\u00a0€');
    expect(formatEuro(d('0.005'))).toBe('0,01\u00a0€');
    expect(formatEuro(d('1280000'), 'en')).toBe('€1,280,000.00');
  });
});
