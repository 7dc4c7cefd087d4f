/** GRAND_TOTAL (docs/annexe9.md, règle 4): the grand total (TOTAUX FINANCIERS) equals the sum of the section totals. */
import { Rule } from './types';
import { TOTAL_MESSAGE, checkTotals, totalLive } from './totals';
import { sectionsSum } from './words';

export const grandTotal: Rule<'GRAND_TOTAL'> = {
  code: 'GRAND_TOTAL',
  priority: 4,
  title: { fr: (t) => `${t.grandTotal.name.fr} faux`, en: () => 'Wrong grand total' },
  message: {
    fr: (f, w, t) => TOTAL_MESSAGE.fr(f, w, t, f.args.of.kind === 'sections' ? sectionsSum(t, f.args.of.sections, 'fr') : 'somme des lignes'),
    en: (f, w, t) => TOTAL_MESSAGE.en(f, w, t, f.args.of.kind === 'sections' ? sectionsSum(t, f.args.of.sections, 'en') : 'sum of the rows'),
  },
  mark: { fill: '#D79BC0', symbol: 'ΣΣ' },
  doc: 'TOTAUX FINANCIERS ≠ socle + initiatives',
  live: totalLive,
  check: (t) => checkTotals(t, 'GRAND_TOTAL', (g) => g.kind === 'grandTotal', () => ({ kind: 'sections', sections: t.template.sections.map((s) => s.id) })),
};
