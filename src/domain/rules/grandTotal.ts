/** GRAND_TOTAL (docs/annexe9.md, règle 4): the grand total (TOTAUX FINANCIERS) equals the sum of the section totals. */
import { Rule } from './types';
import { TOTAL_MESSAGE, checkTotals, totalLive } from './totals';
import { sectionsSum } from './words';

/** What a total of rows is called: `of` is typed for every total, but the grand total's check always says it adds the sections. */
// Stryker disable next-line StringLiteral,ObjectLiteral: never shown, GRAND_TOTAL's check (below) always gives `of` the kind 'sections'
const OF_ROWS = { fr: 'somme des lignes', en: 'sum of the rows' };

export const grandTotal: Rule<'GRAND_TOTAL'> = {
  code: 'GRAND_TOTAL',
  priority: 4,
  title: { fr: (t) => `${t.grandTotal.name.fr} faux`, en: () => 'Wrong grand total' },
  message: {
    fr: (f, w, t) => TOTAL_MESSAGE.fr(f, w, t, f.args.of.kind === 'sections' ? sectionsSum(t, f.args.of.sections, 'fr') : OF_ROWS.fr),
    en: (f, w, t) => TOTAL_MESSAGE.en(f, w, t, f.args.of.kind === 'sections' ? sectionsSum(t, f.args.of.sections, 'en') : OF_ROWS.en),
  },
  mark: { fill: '#D79BC0', symbol: 'ΣΣ' },
  doc: 'TOTAUX FINANCIERS ≠ socle + initiatives',
  live: totalLive,
  check: (t) => checkTotals(t, 'GRAND_TOTAL', (g) => g.kind === 'grandTotal', () => ({ kind: 'sections', sections: t.template.sections.map((s) => s.id) })),
};
