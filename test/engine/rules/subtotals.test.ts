/** SUBTOTAL alone (src/domain/rules/subtotals.ts): a theme subtotal adds up the action rows it closes. */
import { cellName } from '../../../src/domain/findings';
import { ruleOf } from '../../../src/domain/rules/registry';
import { put, reference } from '../../support/hand-table';
import { brief, findingsOf, messages } from '../../support/rule-table';

const rule = ruleOf('SUBTOTAL');

describe('SUBTOTAL: each theme subtotal, column by column', () => {
  it('holds on the reference table', () => {
    expect(findingsOf('SUBTOTAL', reference())).toEqual([]);
  });

  it('a subtotal too high in A: at it, the rows’ sum expected, the rows named', () => {
    const body = reference();
    put(body, 4, 'A', 410);
    const found = findingsOf('SUBTOTAL', body);
    expect(brief(found)).toEqual(['SUBTOTAL@E4 400→410']);
    const [f] = found;
    expect(f.args.parts.map((p) => cellName(p.at))).toEqual(['E2', 'E3']);
    expect(f.args).toMatchObject({ offParts: [], equalsActionRows: false, of: { kind: 'rows' } });
    expect(messages(f)).toEqual({
      fr: 'Sous-total (ligne 4)\u00a0: A affiché 410,00\u00a0€, somme des lignes 400,00\u00a0€ — écart +10,00\u00a0€. Corrigez A en 400,00\u00a0€ ou vérifiez les lignes 2 à 3.',
      en: 'Subtotal (row 4): A shows €410.00, sum of the rows €400.00 — gap +€10.00. Correct A to €400.00 or check rows 2 to 3.',
    });
    expect(rule.live(f)).toEqual({ kind: 'columnSum', column: 'A', partRows: [1, 2] });
  });

  it('leaves the section totals to their own rule', () => {
    const body = reference();
    put(body, 7, 'A', 1500);
    expect(findingsOf('SUBTOTAL', body)).toEqual([]);
  });
});
