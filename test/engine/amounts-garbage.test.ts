/**
 * Text that looks like an amount but is not one is refused, never read as a neighbouring figure
 * (issue 18: anchors of the reader's patterns that no test pinned). Each pair: the refused text and
 * the written form the same pattern does accept, by hand.
 */
import { parseAmountMoney } from '../../src/domain/amounts';

describe('refused, never read as a nearby amount', () => {
  it.each([
    ['montant néant', null, 'néant', 0],
    ['12(3)', null, '(12)', -1200],
    ['(12)3', null, '(3)', -300],
    ['1-2', null, '-2', -200],
    ['1.2345.678', null, '1.234.567', 123_456_700],
    ['1234.567.890', null, '234.567.890', 23_456_789_000],
    ['12.3456,7', null, '12.345,7', 1_234_570],
  ])('%s → %s, while %s → %s cents', (refused, none, accepted, cents) => {
    expect(parseAmountMoney(refused)).toBe(none);
    expect(parseAmountMoney(accepted)).toBe(cents);
  });
});
