/** The comparison's formatting: signed changes, rates, text made safe to print; by hand. */
import { centsOf, coFinanced, isZeroRow } from '../../../src/domain/compare/cents';
import Decimal from 'decimal.js';
import { formatChange, formatRate, plain, safeJson } from '../../../src/domain/compare/format';

describe('formatting for the comparison', () => {
  it('a change: signed with a true minus, zero without a sign', () => {
    expect(formatChange(0, 'fr')).toBe('0,00\u00a0€');
    expect(formatChange(0, 'en')).toBe('€0.00');
    expect(formatChange(123456789, 'fr')).toBe('+1\u202f234\u202f567,89\u00a0€');
    expect(formatChange(-250, 'en')).toBe('−€2.50');
  });

  it('a rate to one decimal, half up, French and English', () => {
    expect(formatRate('0.8750', 'fr')).toBe('87,5\u202f%');
    expect(formatRate('0.8750', 'en')).toBe('87.5%');
    expect(formatRate('1.0667', 'fr')).toBe('106,7\u202f%');
    expect(formatRate('0.0005', 'fr')).toBe('0,1\u202f%');
    expect(formatRate('0.0004', 'en')).toBe('0.0%');
    expect(formatRate('2', 'fr')).toBe('200,0\u202f%');
  });

  it('text from a workbook: every C0 and C1 control and direction mark becomes a space, the rest stays', () => {
    expect(plain('a\u0000b\u001fc\u007fd\u009fe\u200ef\u200fg\u202ah\u202ei\u2066j\u2069k')).toBe('a b c d e f g h i j k');
    expect(plain('«\u00a0Référent\u202funique\u00a0» – 1\u202f000 €')).toBe('«\u00a0Référent\u202funique\u00a0» – 1\u202f000 €');
    expect(safeJson(['\u2028\u2029\u007f\u2066é'])).toBe('[\n  "\\u2028\\u2029\\u007f\\u2066é"\n]');
  });

  it('cents: whole, signed, past 2^43 cents on the exact path; A + C; a row of zeros', () => {
    expect(centsOf('12.345')).toBe(1235);
    expect(centsOf(-0.005)).toBe(-1);
    expect(centsOf(new Decimal('-0.001'))).toBe(0);
    expect(Object.is(centsOf(new Decimal('-0.001')), 0)).toBe(true);
    expect(centsOf(new Decimal('90000000000.01'))).toBe(9000000000001);
    expect(coFinanced({ A: 100, C: 250 })).toBe(350);
    expect([coFinanced({ A: 100 }), coFinanced({ A: null, C: 1 }), coFinanced({ A: 1, C: null }), coFinanced({ C: 1 })]).toEqual([null, null, null, null]);
    expect([isZeroRow({}), isZeroRow({ A: 0, F: 0 }), isZeroRow({ A: 0, F: 1 }), isZeroRow({ A: null })]).toEqual([true, true, false, false]);
  });
});
