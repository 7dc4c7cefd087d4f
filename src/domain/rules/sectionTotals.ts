/**
 * SECTION_TOTAL (docs/annexe9.md, règle 4): a section's total equals the sum of its parts as
 * printed — the socle sub-total its subtotals, the initiative sub-total its rows.
 */
import { sectionOf } from '../template';
import { Rule } from './types';
import { either } from './words';
import { TOTAL_MESSAGE, checkTotals, totalLive } from './totals';

export const sectionTotal: Rule<'SECTION_TOTAL'> = {
  code: 'SECTION_TOTAL',
  priority: 3,
  title: { fr: (t) => `Sous-totaux ${either(t.sections.map((s) => s.name.fr), 'ou')} faux`, en: () => 'Wrong section totals' },
  message: {
    fr: (f, w, t) => TOTAL_MESSAGE.fr(f, w, t, f.args.of.kind === 'subtotals' ? 'somme des sous-totaux' : 'somme des lignes'),
    en: (f, w, t) => TOTAL_MESSAGE.en(f, w, t, f.args.of.kind === 'subtotals' ? 'sum of the subtotals' : 'sum of the rows'),
  },
  mark: { fill: '#E9B3D3', symbol: 'Σ²' },
  doc: 'socle sub-total ≠ sum of the socle subtotals; initiative sub-total ≠ sum of its rows',
  live: totalLive,
  check: (t) =>
    checkTotals(
      t,
      'SECTION_TOTAL',
      (g) => g.kind === 'sectionTotal',
      // A section total's group always names the section it closes (totalGroups.ts).
      (g) => ({ kind: sectionOf(t.template, g.section!)?.total.adds === 'subtotals' ? 'subtotals' : 'rows' }),
    ),
};
