/**
 * A_NEQ_C (docs/annexe9.md, règle 1): on an action row, the State's share is matched by the
 * département's in the template's ratio — A = C for the 50/50 of the CALPAE convention, C = A ×
 * 30/70 for a 70/30 one. The partner's amount expected is the State's times the ratio, to the cent.
 */
import { mulDivMoney } from '../money';
import { Rule } from './types';
import { amountsOf, letter, sharesText } from './words';

const equalShares = (s: { state: number; partner: number }) => s.state === s.partner;

export const coFinancing: Rule<'A_NEQ_C'> = {
  code: 'A_NEQ_C',
  priority: 6,
  title: {
    fr: (t) => `Cofinancement ${sharesText(t)} (${letter(t, t.coFinancing.state)} ≠ ${letter(t, t.coFinancing.departement)}${equalShares(shares(t)) ? '' : ` × ${t.coFinancing.shares.state}/${t.coFinancing.shares.departement}`})`,
    en: (t) => `${sharesText(t)} co-financing (${letter(t, t.coFinancing.state)} ≠ ${letter(t, t.coFinancing.departement)}${equalShares(shares(t)) ? '' : ` × ${t.coFinancing.shares.state}/${t.coFinancing.shares.departement}`})`,
  },
  message: {
    fr(f, w, t) {
      const [a, c] = [letter(t, f.args.state), letter(t, f.args.partner)];
      const ratio = `${f.args.shares.state}/${f.args.shares.partner}`;
      // C typed in euros in a table in k€, or else A.
      const euros = w.typedInEuros(f, f.actual, f.expected, c) || w.typedInEuros(f, f.expected, f.actual, a);
      const { expected, actual, gap } = amountsOf(f, w);
      const stateAmount = w.amount(f.args.stateAmount, f.unit);
      if (equalShares(f.args.shares)) {
        return { about: w.who(f, t), says: `cofinancement ${ratio} non respecté, part État (${a}) ${expected}, part département (${c}) ${actual} — écart ${gap}. Reportez en ${c} le montant de ${a} (${ratio}) ou justifiez l’écart.${euros}` };
      }
      return { about: w.who(f, t), says: `cofinancement ${ratio} non respecté, part État (${a}) ${stateAmount}, part département (${c}) ${actual} au lieu de ${expected} — écart ${gap}. Portez ${c} à ${expected} (${ratio}) ou justifiez l’écart.${euros}` };
    },
    en(f, w, t) {
      const [a, c] = [letter(t, f.args.state), letter(t, f.args.partner)];
      const ratio = `${f.args.shares.state}/${f.args.shares.partner}`;
      // C typed in euros in a table in k€, or else A.
      const euros = w.typedInEuros(f, f.actual, f.expected, c) || w.typedInEuros(f, f.expected, f.actual, a);
      const { expected, actual, gap } = amountsOf(f, w);
      const stateAmount = w.amount(f.args.stateAmount, f.unit);
      if (equalShares(f.args.shares)) {
        return { about: w.who(f, t), says: `${ratio} co-financing not met, State share (${a}) ${expected}, département share (${c}) ${actual} — gap ${gap}. Copy the amount of ${a} into ${c} (${ratio}) or explain the gap.${euros}` };
      }
      return { about: w.who(f, t), says: `${ratio} co-financing not met, State share (${a}) ${stateAmount}, département share (${c}) ${actual} instead of ${expected} — gap ${gap}. Bring ${c} to ${expected} (${ratio}) or explain the gap.${euros}` };
    },
  },
  mark: { fill: '#A9D8F5', symbol: '½' },
  doc: 'action row: State share A ≠ département share C (50/50 co-financing)',
  live: (f) => ({ kind: 'share', state: f.args.state, partner: f.args.partner, shares: f.args.shares }),
  check(t) {
    const { state, departement: partner } = t.template.coFinancing;
    const s = shares(t.template);
    const out = [];
    for (const row of t.table.rows) {
      if (row.kind !== 'action') continue;
      const a = t.value(row, state);
      const c = t.value(row, partner);
      if (typeof a !== 'number' || typeof c !== 'number') continue;
      const expected = mulDivMoney(a, s.partner, s.state);
      if (c !== expected) out.push(t.finding('A_NEQ_C', row, partner, expected, c, { state, partner, shares: s, stateAmount: a }));
    }
    return out;
  },
};

function shares(t: { coFinancing: { shares: { state: number; departement: number } } }): { state: number; partner: number } {
  return { state: t.coFinancing.shares.state, partner: t.coFinancing.shares.departement };
}
