/** ROW_TOTAL alone (src/domain/rules/rowTotal.ts): F = A+B+C+D+E on every row, the valued share not added. */
import { ruleOf } from '../../../src/domain/rules/registry';
import { CALPAE_TEMPLATE } from '../../../src/domain/template';
import { put, reference } from '../../support/hand-table';
import { brief, findingsOf, messages } from '../../support/rule-table';

const rule = ruleOf('ROW_TOTAL');

describe('ROW_TOTAL: a row’s total is the sum of its parts', () => {
  it('holds on the reference table, whose valued share is not part of F', () => {
    expect(findingsOf('ROW_TOTAL', reference())).toEqual([]);
  });

  it('F off on an action row and on a total row: at F, the parts’ sum expected', () => {
    const body = reference();
    put(body, 2, 'F', 210);
    put(body, 7, 'E', 5);
    const found = findingsOf('ROW_TOTAL', body);
    expect(brief(found)).toEqual(['ROW_TOTAL@K2 200→210', 'ROW_TOTAL@K7 2805→2800']);
    expect(found[0].args).toEqual({ total: 'F', parts: ['A', 'B', 'C', 'D', 'E'] });
    expect(messages(found[0])).toEqual({
      fr: '«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: F affiché 210,00\u00a0€, A+B+C+D+E = 200,00\u00a0€ — écart +10,00\u00a0€. Corrigez F en 200,00\u00a0€ ou vérifiez les montants A à E de cette ligne.',
      en: '"Maraude de jour" (row 2): F shows €210.00, A+B+C+D+E = €200.00 — gap +€10.00. Correct F to €200.00 or check amounts A to E of this row.',
    });
    expect(rule.live(found[0])).toEqual({ kind: 'rowSum', total: 'F', parts: ['A', 'B', 'C', 'D', 'E'] });
  });

  it('a part that cannot be read: no sum, no finding', () => {
    const body = reference();
    put(body, 2, 'B', { value: 'à voir' });
    put(body, 2, 'F', 999);
    expect(findingsOf('ROW_TOTAL', body)).toEqual([]);
  });

  it('its title writes the template’s total', () => {
    expect(rule.title.fr(CALPAE_TEMPLATE)).toBe('Budget global F ≠ A+B+C+D+E');
    expect(rule.title.en(CALPAE_TEMPLATE)).toBe('Row total F ≠ A+B+C+D+E');
  });
});
