/** VALORISATION_EXCEEDS_C (docs/annexe9.md, règle 5): a capped column (« Dont valorisation CD ») never exceeds its cap (C). */
import { Rule } from './types';
import { amountsOf, letter } from './words';

export const capped: Rule<'VALORISATION_EXCEEDS_C'> = {
  code: 'VALORISATION_EXCEEDS_C',
  priority: 7,
  title: {
    fr: () => 'Valorisation supérieure aux crédits CD',
    en: (t) => `Valued share above ${letter(t, t.capped[0]?.max ?? 'C')}`,
  },
  message: {
    fr(f, w, t) {
      const { expected, actual, gap } = amountsOf(f, w);
      const max = letter(t, f.args.max);
      return { about: w.who(f, t), says: `dont valorisation CD ${actual} dépasse les crédits CD (${max}) ${expected} — écart ${gap}. Ramenez la valorisation à ${expected} au plus, ou corrigez ${max}.` };
    },
    en(f, w, t) {
      const { expected, actual, gap } = amountsOf(f, w);
      const max = letter(t, f.args.max);
      return { about: w.who(f, t), says: `valued share ${actual} exceeds ${max} ${expected} — gap ${gap}. Bring the valued share down to ${expected} at most, or correct ${max}.` };
    },
  },
  mark: { fill: '#F3EC8E', symbol: 'V' },
  doc: '"dont valorisation CD" above C',
  live: (f) => ({ kind: 'atMost', column: f.column as 'valorisation', max: f.args.max }),
  check(t) {
    const out = [];
    for (const row of t.table.rows) {
      if (row.kind !== 'action') continue;
      // A column the table lacks has no value on any row: its cap is skipped below.
      for (const cap of t.template.capped) {
        const x = t.value(row, cap.column);
        const max = t.value(row, cap.max);
        if (typeof x !== 'number' || typeof max !== 'number') continue;
        // A blank or zero valued share exceeds nothing, even when C is negative (a reversal).
        if (x !== 0 && x > max) out.push(t.finding('VALORISATION_EXCEEDS_C', row, cap.column, max, x, { max: cap.max }));
      }
    }
    return out;
  },
};
