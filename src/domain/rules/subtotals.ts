/** SUBTOTAL (docs/annexe9.md, règle 3): a theme subtotal equals, column by column, the sum of the action rows it closes. */
import { Rule } from './types';
import { TOTAL_MESSAGE, checkTotals, totalLive } from './totals';

export const subtotal: Rule<'SUBTOTAL'> = {
  code: 'SUBTOTAL',
  priority: 2,
  title: { fr: () => 'Sous-totaux faux', en: () => 'Wrong subtotals' },
  message: {
    fr: (f, w, t) => TOTAL_MESSAGE.fr(f, w, t, 'somme des lignes'),
    en: (f, w, t) => TOTAL_MESSAGE.en(f, w, t, 'sum of the rows'),
  },
  mark: { fill: '#F5B69A', symbol: 'Σ' },
  doc: 'a theme subtotal ≠ the sum of the action rows it closes',
  live: totalLive,
  check: (t) => checkTotals(t, 'SUBTOTAL', (g) => g.kind === 'subtotal', () => ({ kind: 'rows' })),
};
