/**
 * The corners of reading and writing amounts and labels, each with its answer written by hand:
 * the ways people type zero, signs and separators, what is not an amount, how cents round, how
 * labels are normalised and Chorus codes recognised.
 */
import Decimal from 'decimal.js';
import {
  CALPAE_TEMPLATE,
  Cell,
  codesForTheme,
  decimalString,
  formatEuro,
  isDateFormat,
  parseAmountText,
  parseChorusCode,
  readAmount,
  toCents,
} from '../../src/domain';
import { moneyOfDecimal } from '../../src/domain/money';
import { cellText, containsWords, displayText, leadingCharacter, normalizeLabel, startsWithWords } from '../../src/domain/text';

const d = (s: string) => new Decimal(s);
const read = (text: string) => parseAmountText(text)?.toFixed() ?? null;

describe('amount text', () => {
  it.each([
    ['néant', '0'],
    ['NEANT', '0'],
    ['Néant', '0'],
    ['\u2013', '0'], // en dash
    ['\u2212', '0'], // minus sign
    ['--', '0'],
    ['\u2212 1 000', '-1000'],
    ['\u2013250', '-250'],
    ['(-12)', '12'], // negative twice
    ['(+12)', '-12'],
    [',5', '0.5'],
    ['.5', '0.5'],
    ['12,345', '12.345'], // a comma is always the decimal separator alone
    ['1234.567', '1234.567'], // four digits before: not a thousands dot
    ['999.999', '999999'],
    ['1.000.000', '1000000'],
    ['1,000,000', '1000000'],
    ['1 000 000,5', '1000000.5'],
    ['12 €', '12'],
    ['12 euros', '12'],
    ['12euro', '12'],
    ['0,00', '0'],
  ])('reads %j as %s', (text, expected) => expect(read(text)).toBe(expected));

  it.each([
    ['', 'nothing'],
    ['   ', 'spaces'],
    ['1.234,56,7', 'two decimal commas'],
    ['12.34,5', 'a badly grouped integer part'],
    ['1.23.456', 'a badly grouped number'],
    ['1,23,456', 'a badly grouped number with commas'],
    ['12,3.4.5', 'groups after the decimal separator'],
    ['1 2a', 'a letter'],
    ['+-5', 'two signs'],
    ['(5', 'an unclosed parenthesis'],
    ["'", 'a lone quote'],
    ['.', 'a lone dot'],
    ['néant 5', 'néant and a number'],
  ])('refuses %j (%s)', (text) => expect(parseAmountText(text)).toBeNull());
});

describe('readAmount', () => {
  it('numbers: the same double read twice is the same amount; zero is the shared zero', () => {
    const first = readAmount({ value: 1234.5 });
    expect(first).toMatchObject({ kind: 'amount', fromText: false });
    expect(first.kind === 'amount' && first.value).toBe(123450);
    expect(readAmount({ value: 1234.5 })).toEqual(first);
    expect(readAmount({ value: -0.01 })).toMatchObject({ kind: 'amount' });
    expect((readAmount({ value: -0.01 }) as { value: number }).value).toBe(-1);
    const z = readAmount({ value: 0 });
    expect(z.kind === 'amount' && z.value === 0 && !z.fromText).toBe(true);
    // Nine distinct amounts in a row, then the first again: still read right.
    for (let i = 1; i <= 9; i++) expect((readAmount({ value: i + 0.25 }) as { value: number }).value).toBe(i * 100 + 25);
    expect((readAmount({ value: 1.25 }) as { value: number }).value).toBe(125);
  });

  it('numbers: a number read again among the last eight is the same shared reading, per unit', () => {
    const a = readAmount({ value: 2.5 });
    const b = readAmount({ value: 3.75 });
    expect(readAmount({ value: 3.75 })).toBe(b);
    expect(readAmount({ value: 2.5 })).toBe(a);
    // The same number in a table in k€: other minor units, not the reading in euros.
    expect(readAmount({ value: 2.5 }, 5)).toEqual({ kind: 'amount', value: 250_000, fromText: false });
    expect(readAmount({ value: 2.5 }, 2)).toEqual({ kind: 'amount', value: 250, fromText: false });
    expect(readAmount({ value: 2.5 }, 5)).toEqual({ kind: 'amount', value: 250_000, fromText: false });
  });

  it('numbers: zero, and what rounds to zero, are always the one shared zero', () => {
    const zero = readAmount({ value: 0 });
    expect(zero).toEqual({ kind: 'amount', value: 0, fromText: false });
    for (let i = 1; i <= 9; i++) readAmount({ value: i * 1000 });
    expect(readAmount({ value: 0 })).toBe(zero);
    expect(readAmount({ value: 0.001 })).toBe(zero);
    expect(readAmount({ value: -0.004 })).toBe(zero);
  });

  it('a cell whose value the adapter left out: blank, or a formula without its value', () => {
    expect(readAmount({} as Cell)).toEqual({ kind: 'empty', value: 0 });
    expect(readAmount({ formula: '=SOMME(E2:E3)' } as Cell)).toEqual({ kind: 'unreadable', reason: 'formulaWithoutValue', shown: '=SOMME(E2:E3)' });
  });

  it('too large as text: the text shown as typed, without its surrounding spaces', () => {
    expect(readAmount({ value: ' 99 999 999 999 999 999,00 € ' })).toEqual({ kind: 'unreadable', reason: 'tooLarge', shown: '99 999 999 999 999 999,00 €' });
  });

  it('an error value only when the whole text is one', () => {
    expect(readAmount({ value: '#GETTING_DATA' })).toEqual({ kind: 'unreadable', reason: 'error', shown: '#GETTING_DATA' });
    expect(readAmount({ value: '#REF!.' })).toEqual({ kind: 'unreadable', reason: 'text', shown: '#REF!.' });
    expect(readAmount({ value: '#N/AB' })).toEqual({ kind: 'unreadable', reason: 'text', shown: '#N/AB' });
    expect(readAmount({ value: 'voir #REF!' })).toEqual({ kind: 'unreadable', reason: 'text', shown: 'voir #REF!' });
  });

  it('numbers that are not money', () => {
    expect(readAmount({ value: Infinity })).toEqual({ kind: 'unreadable', reason: 'error', shown: 'Infinity' });
    expect(readAmount({ value: NaN })).toEqual({ kind: 'unreadable', reason: 'error', shown: 'NaN' });
    expect(readAmount({ value: 45089, numFmt: 'd mmm yyyy' })).toEqual({ kind: 'unreadable', reason: 'date', shown: '45089' });
    expect(readAmount({ value: 0.5, numFmt: 'hh:mm' })).toEqual({ kind: 'unreadable', reason: 'date', shown: '0.5' });
    expect(readAmount({ value: 45089, numFmt: '#,##0.00 "€"' })).toMatchObject({ kind: 'amount' });
    expect(readAmount({ value: false })).toEqual({ kind: 'unreadable', reason: 'boolean', shown: 'FAUX' });
  });

  it('text: amounts, blanks, Excel errors typed or computed, and other text', () => {
    expect(readAmount({ value: ' 1 000,50 € ' })).toMatchObject({ kind: 'amount', fromText: true });
    expect(readAmount({ value: '' })).toEqual({ kind: 'empty', value: 0 });
    expect(readAmount({ value: '', formula: '=A1' })).toEqual({ kind: 'unreadable', reason: 'formulaWithoutValue', shown: '=A1' });
    expect(readAmount(undefined)).toMatchObject({ kind: 'empty' });
    expect(readAmount({ value: '\u00A0\t' })).toMatchObject({ kind: 'empty' });
    for (const e of ['#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#N/A', ' #REF! ']) {
      expect(readAmount({ value: e })).toEqual({ kind: 'unreadable', reason: 'error', shown: e.trim() });
    }
    expect(readAmount({ value: '#5' })).toEqual({ kind: 'unreadable', reason: 'text', shown: '#5' });
    expect(readAmount({ value: '#REF! voir' })).toEqual({ kind: 'unreadable', reason: 'text', shown: '#REF! voir' });
    expect(readAmount({ value: ' environ 300 ' })).toEqual({ kind: 'unreadable', reason: 'text', shown: 'environ 300' });
    expect(readAmount({ value: { error: '#N/A' } })).toEqual({ kind: 'unreadable', reason: 'error', shown: '#N/A' });
  });
});

describe('date formats', () => {
  it.each([
    ['d/m/yy', true],
    ['[h]:mm:ss', true], // elapsed time: minutes and seconds, not money either
    ['h:mm', true],
    ['yyyy', true],
    ['mmm-yy', true],
    ['"Année "yyyy', true],
    ['0.00" d"', false], // a literal d after digit placeholders
    ['#,##0" m"', false],
    ['\\d0', false], // an escaped d
    ['@', false],
    ['', false],
    [undefined, false],
    ['General', false],
    ['_-* #,##0.00_-', false],
    ['dd/mm/yyyy;@', true],
    // No digit placeholder, and a d, m, y or h only in what is not a date token: a literal, a colour,
    // an escaped character, a padding character. A number, not a date.
    ['General" HT"', false],
    ['[Rouge]General;[Bleu]-General', false],
    ['General\\ \\H\\T', false],
    ['General_)', false],
    [';;;', false], // hidden: no token of any kind
  ])('%j → %s', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
    // Asked again (remembered), and after another format: the same answer.
    expect(isDateFormat(fmt)).toBe(expected);
    isDateFormat('0.00');
    expect(isDateFormat(fmt)).toBe(expected);
  });
});

describe('cents', () => {
  it('rounds half away from zero, on both sides of zero', () => {
    expect(toCents(d('0.005')).toFixed()).toBe('0.01');
    expect(toCents(d('0.015')).toFixed()).toBe('0.02');
    expect(toCents(d('0.0049999')).toFixed()).toBe('0');
    expect(toCents(d('-0.005')).toFixed()).toBe('-0.01');
    expect(toCents(d('-0.0049')).toFixed()).toBe('0');
    expect(toCents(d('2.675')).toFixed()).toBe('2.68');
  });

  it('compares to the cent: each amount is read in whole cents, rounded half away from zero', () => {
    const cents = (x: string) => moneyOfDecimal(d(x), 2);
    expect(cents('0.7999999999999999')).toBe(cents('0.8'));
    expect(cents('0.30000000000000004')).toBe(cents('0.3'));
    expect(cents('-0.7999999999999999')).toBe(cents('-0.8'));
    expect(cents('0.005')).toBe(cents('0.01'));
    expect(cents('0.0049')).not.toBe(cents('0.01'));
    expect(cents('0.01')).not.toBe(cents('0.02'));
    expect(cents('100')).toBe(cents('100.00'));
    expect(cents('0')).toBe(cents('-0'));
  });

  it('writes amounts in French and in English, negative and rounded', () => {
    expect(formatEuro(d('0'))).toBe('0,00\u00a0€');
    expect(formatEuro(d('-0.001'))).toBe('0,00\u00a0€'); // no minus sign on a zero
    expect(formatEuro(d('-0.005'))).toBe('-0,01\u00a0€');
    expect(formatEuro(d('999.995'))).toBe('1\u202f000,00\u00a0€');
    expect(formatEuro(d('1234567.8'))).toBe('1\u202f234\u202f567,80\u00a0€');
    expect(formatEuro(d('-1234567.8'), 'en')).toBe('-€1,234,567.80');
    expect(formatEuro(d('12'), 'en')).toBe('€12.00');
    expect(formatEuro(d('123'), 'fr')).toBe('123,00\u00a0€');
  });

  it('decimal strings for JSON keep the cents only when there are some', () => {
    expect(decimalString(d('1280000'))).toBe('1280000');
    expect(decimalString(d('0.5'))).toBe('0.5');
    expect(decimalString(d('0.125'))).toBe('0.13');
    expect(decimalString(d('-3.10'))).toBe('-3.1');
  });
});

describe('labels', () => {
  it('normalises case, accents, apostrophes, years and punctuation', () => {
    expect(normalizeLabel("  Crédits CD 2022\nreportés sur 2023 (le cas échéant) ")).toBe('credits cd yyyy reportes sur yyyy le cas echeant');
    expect(normalizeLabel('Intitulé de l’action')).toBe('intitule de l action');
    expect(normalizeLabel('l\u02BCaction l`action l\u00B4action l\u2018action')).toBe('l action l action l action l action');
    expect(normalizeLabel('Année 1999, 2100 et 12023')).toBe('annee yyyy 2100 et 12023');
    expect(normalizeLabel('A+B+C')).toBe('a b c');
    expect(normalizeLabel('—')).toBe('');
  });

  it('the first character kept, and whole-word matching', () => {
    expect(leadingCharacter('  « Sous-total »')).toBe('s');
    expect(leadingCharacter('ÉTAT')).toBe('e');
    expect(leadingCharacter('(2023)')).toBe('2');
    expect(leadingCharacter('Zèbre')).toBe('z');
    expect(leadingCharacter('— … ')).toBe('');
    expect(leadingCharacter('')).toBe('');
    expect(containsWords('sous total socle', 'total')).toBe(true);
    expect(containsWords('sous totaux', 'total')).toBe(false);
    expect(containsWords('total', 'total')).toBe(true);
    expect(containsWords('', '')).toBe(true);
    expect(containsWords('x', '')).toBe(false);
    expect(startsWithWords('sous total socle', 'sous total')).toBe(true);
    expect(startsWithWords('sous totaux', 'sous total')).toBe(false);
    expect(startsWithWords('sous total', 'sous total')).toBe(true);
  });

  it('shows titles on one line, and leaves clean ones as they are', () => {
    expect(displayText('Maraude\nde  nuit ')).toBe('Maraude de nuit');
    expect(displayText(' Maraude')).toBe('Maraude');
    expect(displayText('Maraude\u00A0de nuit')).toBe('Maraude de nuit');
    expect(displayText('Maraude de nuit')).toBe('Maraude de nuit');
    expect(displayText('')).toBe('');
    expect(displayText('a\u2003b')).toBe('a\u2003b'); // a lone em space inside: kept as typed
    expect(cellText('x')).toBe('x');
    expect(cellText(12)).toBe('');
    expect(cellText(null)).toBe('');
  });
});

describe('Chorus codes', () => {
  it('recognises a code written in full, compact, or with a leading zero missing', () => {
    expect(parseChorusCode(CALPAE_TEMPLATE, '0304 50 19 19 05 - Maraudes')).toBe('0304 50 19 19 05');
    expect(parseChorusCode(CALPAE_TEMPLATE, '304501919 07')).toBe('0304 50 19 19 07');
    expect(parseChorusCode(CALPAE_TEMPLATE, '030450191907')).toBe('0304 50 19 19 07');
    expect(parseChorusCode(CALPAE_TEMPLATE, 'code 304 50 19 19 10')).toBe('0304 50 19 19 10');
    // A code of the programme the template does not list keeps its canonical form.
    expect(parseChorusCode(CALPAE_TEMPLATE, '0304 50 19 19 42')).toBe('0304 50 19 19 42');
    expect(parseChorusCode(CALPAE_TEMPLATE, '0177 10 11 12 13')).toBeNull();
    expect(parseChorusCode(CALPAE_TEMPLATE, '')).toBeNull();
  });

  it('finds the codes whose theme words a theme contains', () => {
    const codes = (theme: string) => codesForTheme(CALPAE_TEMPLATE, normalizeLabel(theme)).map((c) => c.code);
    expect(codes('Maraudes mixtes')).toEqual(['0304 50 19 19 05']);
    expect(codes('Mise en place du plan de formation des travailleurs sociaux')).toEqual(['0304 50 19 19 02']);
    expect(codes('Référents de parcours')).toEqual(['0304 50 19 19 04']);
    expect(codes('Maraudes et prévention spécialisée')).toEqual(['0304 50 19 19 05', '0304 50 19 19 06']);
    expect(codes('Maraudeurs')).toEqual([]); // whole words only
    expect(codes('')).toEqual([]);
  });
});
