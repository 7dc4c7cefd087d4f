/** GRAND_TOTAL (docs/annexe9.md, règle 4): TOTAUX FINANCIERS equals the sum of the section totals (socle + initiatives). */
import { Rule } from './types';
import { TOTAL_MESSAGE, checkTotals, totalLive } from './totals';

const SECTION_NAMES: Record<string, { fr: string; en: string }> = { socle: { fr: 'socle', en: 'core' }, initiative: { fr: 'initiatives', en: 'initiatives' } };
const sectionsText = (sections: string[], lang: 'fr' | 'en') => sections.map((s) => SECTION_NAMES[s]?.[lang] ?? s).join(' + ');

export const grandTotal: Rule<'GRAND_TOTAL'> = {
  code: 'GRAND_TOTAL',
  priority: 4,
  title: { fr: () => 'TOTAUX FINANCIERS faux', en: () => 'Wrong grand total' },
  message: {
    fr: (f, w, t) => TOTAL_MESSAGE.fr(f, w, t, f.args.of.kind === 'sections' ? sectionsText(f.args.of.sections, 'fr') : 'somme des lignes'),
    en: (f, w, t) => TOTAL_MESSAGE.en(f, w, t, f.args.of.kind === 'sections' ? sectionsText(f.args.of.sections, 'en') : 'sum of the rows'),
  },
  mark: { fill: '#D79BC0', symbol: 'ΣΣ' },
  doc: 'TOTAUX FINANCIERS ≠ socle + initiatives',
  live: totalLive,
  check: (t) => checkTotals(t, 'GRAND_TOTAL', (g) => g.kind === 'grandTotal', () => ({ kind: 'sections', sections: ['socle', 'initiative'] })),
};
