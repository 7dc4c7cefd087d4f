/** SECTION_TOTAL alone (src/domain/rules/sectionTotals.ts): the socle adds its subtotals, the initiatives their rows. */
import { put, reference } from '../../support/hand-table';
import { brief, findingsOf, messages } from '../../support/rule-table';

describe('SECTION_TOTAL: each section’s total against its parts as printed', () => {
  it('holds on the reference table', () => {
    expect(findingsOf('SECTION_TOTAL', reference())).toEqual([]);
  });

  it('the socle sub-total adds up the subtotals; the initiative sub-total its rows', () => {
    const body = reference();
    put(body, 7, 'A', 1500);
    put(body, 9, 'C', 450);
    const found = findingsOf('SECTION_TOTAL', body);
    expect(brief(found)).toEqual(['SECTION_TOTAL@E7 1400→1500', 'SECTION_TOTAL@G9 500→450']);
    expect(found.map((f) => f.args.of)).toEqual([{ kind: 'subtotals' }, { kind: 'rows' }]);
    expect(messages(found[0]).fr).toBe('Sous-total mesures socle (ligne 7)\u00a0: A affiché 1\u202f500,00\u00a0€, somme des sous-totaux 1\u202f400,00\u00a0€ — écart +100,00\u00a0€. Corrigez A en 1\u202f400,00\u00a0€ ou vérifiez les lignes 4 et 6.');
    expect(messages(found[1]).en).toBe('Initiatives subtotal (row 9): C shows €450.00, sum of the rows €500.00 — gap -€50.00. Correct C to €500.00 or check row 8.');
  });
});
