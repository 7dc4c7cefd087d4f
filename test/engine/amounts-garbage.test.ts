/**
 * Text that looks like an amount but is not one is refused, never read as a neighbouring figure
 * (issue 18: anchors of the reader's patterns that no test pinned). Each pair: the refused text and
 * the written form the same pattern does accept, by hand.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { parseAmountMoney, parseAmountText } from '../../src/domain/amounts';
import { runs } from '../support/runs';

describe('refused, never read as a nearby amount', () => {
  it.each([
    ['montant néant', null, 'néant', 0],
    ['12(3)', null, '(12)', -1200],
    ['(12)3', null, '(3)', -300],
    ['1-2', null, '-2', -200],
    ['1.2345.678', null, '1.234.567', 123_456_700],
    ['1234.567.890', null, '234.567.890', 23_456_789_000],
    ['12.3456,7', null, '12.345,7', 1_234_570],
    // A letter before or after the digits.
    ['x12', null, '12', 1200],
    ['12x', null, '12,', 1200],
    // A separator first, then the other kind: no thousands group before it.
    [',5.3', null, ',5', 50],
    ['.5,3', null, '.5', 50],
    ['1.234,5.6', null, '1.234,5', 123_450],
  ])('%s → %s, while %s → %s cents', (refused, none, accepted, cents) => {
    expect(parseAmountMoney(refused)).toBe(none);
    expect(parseAmountText(refused)).toBeNull();
    expect(parseAmountMoney(accepted)).toBe(cents);
  });
});

describe('zeros', () => {
  it.each(['-0', '-00', '-0,00', '(0)', '(0,0)', '- 0 €', '−0,000'])('%j is zero, without a sign', (text) => {
    const d = parseAmountText(text)!;
    expect(d.isZero()).toBe(true);
    // A negative zero would be refused where a negative amount is (the convention panel).
    expect(d.isNegative()).toBe(false);
    expect(Object.is(parseAmountMoney(text), 0)).toBe(true);
  });

  it('leading zeros say nothing, even more than fifteen digits of them', () => {
    expect(parseAmountMoney('007')).toBe(700);
    expect(parseAmountMoney('-007,50')).toBe(-750);
    expect(parseAmountText('007,5')!.toFixed()).toBe('7.5');
    expect(parseAmountMoney('0000000000000000012,34')).toBe(1234);
    expect(parseAmountMoney('0 001 000,00')).toBe(100_000);
  });
});

describe('any text', () => {
  // Characters of amounts and of what surrounds them, mixed at random.
  const piece = fc.constantFrom(...'0123456789', '0', '1', '.', ',', "'", ' ', '-', '+', '(', ')', '€', 'EUR', 'néant', '\u2212', 'x', '#', 'e');
  it('is read without throwing: refused, too large, or whole cents that agree with parseAmountText', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((a) => a.join('')), fc.constantFrom(2, 5), (text, decimals) => {
        const m = parseAmountMoney(text, decimals);
        const d = parseAmountText(text);
        if (m === null) {
          expect(d).toBeNull();
          return;
        }
        expect(d).not.toBeNull();
        if (m === 'tooLarge') return;
        expect(Number.isSafeInteger(m)).toBe(true);
        expect(m).toBe(d!.times(new Decimal(10).pow(decimals)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0);
      }),
      runs(20230612, 3000),
    );
  });
});
