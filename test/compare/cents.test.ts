/** Money in cents: conversions and the one division, exact and rounded half away from zero. */
import Decimal from 'decimal.js';
import { centsOf, centsString, mulDiv, ratio } from '../../src/domain/compare/cents';
import { formatCents, formatChange, plain, safeJson } from '../../src/domain/compare/format';

describe('cents', () => {
  it('converts euros to cents exactly, rounding half away from zero below the cent', () => {
    expect(centsOf(new Decimal('1362035'))).toBe(136203500);
    expect(centsOf(new Decimal('0.1'))).toBe(10);
    expect(centsOf(new Decimal('1.005'))).toBe(101); // 1.005 as a double is 1.00499…: not taken as one
    expect(centsOf(new Decimal('-1.005'))).toBe(-101);
    expect(centsOf(new Decimal('0.30000000000000004'))).toBe(30); // Excel's float noise
    expect(centsOf(new Decimal('87960930222.07'))).toBe(8796093022207); // just under 2^43 cents
    expect(centsOf(new Decimal('999999999999.99'))).toBe(99999999999999); // past it: the exact path
    expect(Object.is(centsOf(new Decimal('-0')), 0)).toBe(true);
  });

  it('keeps a two-decimal amount of tens of thousands of billions exact, where a double of euros is a cent off', () => {
    // 43 411 941 120 355,27 € as a double times 100 rounds to …528: the cents come from the decimal.
    expect(centsOf(new Decimal('43411941120355.27'))).toBe(4341194112035527);
    expect(centsOf(new Decimal('-43411941120355.27'))).toBe(-4341194112035527);
    expect(centsOf('35734061221647.09')).toBe(3573406122164709);
  });

  it('divides a product to the cent, half away from zero', () => {
    expect(mulDiv(40000001, 1, 2)).toBe(20000001); // 200 000,005 → 200 000,01
    expect(mulDiv(-40000001, 1, 2)).toBe(-20000001);
    expect(mulDiv(15000000, 8952300, 16904600)).toBe(7943666);
    // Two large amounts: a product of 30 digits stays exact.
    expect(mulDiv(999999999999999, 999999999999999, 999999999999999)).toBe(999999999999999);
    expect(mulDiv(1, 1, 0)).toBeNull();
    expect(ratio(40000001, 60000000)).toBe('0.6667');
    expect(ratio(1, 0)).toBeNull();
    expect(centsString(12345)).toBe('123.45');
    expect(centsString(-100)).toBe('-1');
    expect(centsString(null)).toBeNull();
  });

  it('formats amounts the French way, and changes with their sign', () => {
    expect(formatCents(136203500, 'fr')).toBe('1\u202f362\u202f035,00\u00a0€');
    expect(formatCents(-5, 'fr')).toBe('-0,05\u00a0€');
    expect(formatCents(136203500, 'en')).toBe('€1,362,035.00');
    expect(formatChange(50000, 'fr')).toBe('+500,00\u00a0€');
    expect(formatChange(-1, 'fr')).toBe('−0,01\u00a0€');
  });

  it('keeps control characters and direction overrides read from a workbook off the terminal', () => {
    expect(plain('Titre\u001b[2J\u009b31m\u202eevil')).toBe('Titre [2J 31m evil');
    const json = safeJson({ t: 'a\u009bb\u202ec\u001bd' });
    expect(json).toBe('{\n  "t": "a\\u009bb\\u202ec\\u001bd"\n}');
    expect(JSON.parse(json).t).toBe('a\u009bb\u202ec\u001bd');
  });
});
