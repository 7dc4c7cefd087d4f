/** VALORISATION_EXCEEDS_C (docs/annexe9.md, règle 5): a capped column (« Dont valorisation CD ») never exceeds its cap (C). */
import { Rule } from './types';
import { letter } from './words';

export const capped: Rule<'VALORISATION_EXCEEDS_C'> = {
  code: 'VALORISATION_EXCEEDS_C',
  priority: 7,
  title: {
    fr: () => 'Valorisation supérieure aux crédits CD',
    en: (t) => `Valued share above ${letter(t, t.capped[0]?.max ?? 'C')}`,
  },
  message: {
    fr: (f, w, t) => ({
      about: w.who(f, t),
      says: `dont valorisation CD ${f.actual !== null ? w.amount(f.actual, f.unit) : ''} dépasse les crédits CD (${letter(t, f.args.max)}) ${f.expected !== null ? w.amount(f.expected, f.unit) : ''} — écart ${f.difference !== null ? w.gap(f.difference, f.unit) : ''}. Ramenez la valorisation à ${f.expected !== null ? w.amount(f.expected, f.unit) : ''} au plus, ou corrigez ${letter(t, f.args.max)}.`,
    }),
    en: (f, w, t) => ({
      about: w.who(f, t),
      says: `valued share ${f.actual !== null ? w.amount(f.actual, f.unit) : ''} exceeds ${letter(t, f.args.max)} ${f.expected !== null ? w.amount(f.expected, f.unit) : ''} — gap ${f.difference !== null ? w.gap(f.difference, f.unit) : ''}. Bring the valued share down to ${f.expected !== null ? w.amount(f.expected, f.unit) : ''} at most, or correct ${letter(t, f.args.max)}.`,
    }),
  },
  mark: { fill: '#F3EC8E', symbol: 'V' },
  doc: '"dont valorisation CD" above C',
  live: (f) => ({ kind: 'atMost', column: f.column as 'valorisation', max: f.args.max }),
  check(t) {
    const caps = t.template.capped.filter((cap) => t.layout.columns[cap.column] !== undefined && t.layout.columns[cap.max] !== undefined);
    const out = [];
    for (const row of t.table.rows) {
      if (row.kind !== 'action') continue;
      for (const cap of caps) {
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
