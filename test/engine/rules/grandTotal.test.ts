/** GRAND_TOTAL alone (src/domain/rules/grandTotal.ts): TOTAUX FINANCIERS adds up the section totals. */
import { cellName } from '../../../src/domain/findings';
import { put, reference } from '../../support/hand-table';
import { brief, findingsOf, messages } from '../../support/rule-table';

describe('GRAND_TOTAL: the grand total against its sections', () => {
  it('holds on the reference table', () => {
    expect(findingsOf('GRAND_TOTAL', reference())).toEqual([]);
  });

  it('F too high: at it, socle + initiatives expected', () => {
    const body = reference();
    put(body, 10, 'F', 3900);
    const [f, ...more] = findingsOf('GRAND_TOTAL', body);
    expect(more).toEqual([]);
    expect(brief([f])).toEqual(['GRAND_TOTAL@K10 3800→3900']);
    expect(f.args.parts.map((p) => cellName(p.at))).toEqual(['K7', 'K9']);
    expect(f.args.of).toEqual({ kind: 'sections', sections: ['socle', 'initiative'] });
    expect(messages(f)).toEqual({
      fr: 'TOTAUX FINANCIERS (ligne 10)\u00a0: F affiché 3\u202f900,00\u00a0€, socle + initiatives 3\u202f800,00\u00a0€ — écart +100,00\u00a0€. Corrigez F en 3\u202f800,00\u00a0€ ou vérifiez les lignes 7 et 9.',
      en: 'Grand total (row 10): F shows €3,900.00, core + initiatives €3,800.00 — gap +€100.00. Correct F to €3,800.00 or check rows 7 and 9.',
    });
  });

  it('leaves the subtotals and the section totals to their own rules', () => {
    const body = reference();
    put(body, 4, 'A', 410); // a subtotal off against its rows
    put(body, 7, 'C', 1500); // the socle off against its subtotals…
    put(body, 10, 'C', 2000); // …and the grand total right against the sections as printed
    expect(findingsOf('GRAND_TOTAL', body)).toEqual([]);
  });
});
