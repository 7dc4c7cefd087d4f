/** UNREADABLE_AMOUNT alone (src/domain/rules/unreadable.ts): a cell that is not an amount, reported once, where it is. */
import { ruleOf } from '../../../src/domain/rules/registry';
import { put, reference } from '../../support/hand-table';
import { brief, findingsOf, messages, tableOf } from '../../support/rule-table';

describe('UNREADABLE_AMOUNT: what is not an amount, and why', () => {
  it('holds on the reference table', () => {
    expect(findingsOf('UNREADABLE_AMOUNT', reference())).toEqual([]);
  });

  it.each([
    ['text', { value: 'à préciser' }, 'à préciser'],
    ['error', { value: { error: '#REF!' } }, '#REF!'],
    ['boolean', { value: true }, 'VRAI'],
    ['tooLarge', { value: 1e14 }, '100000000000000'],
    ['formulaWithoutValue', { value: null, formula: '=E2*2' }, '=E2*2'],
  ] as const)('%s: one finding at the cell, with what it shows', (reason, cell, shown) => {
    const body = reference();
    put(body, 3, 'A', cell);
    const found = findingsOf('UNREADABLE_AMOUNT', body);
    expect(brief(found)).toEqual(['UNREADABLE_AMOUNT@E3 -→-']);
    expect(found[0].args).toEqual({ reason, shown });
    expect(ruleOf('UNREADABLE_AMOUNT').live(found[0])).toEqual({ kind: 'unreadable' });
  });

  it('says what to do, in both languages', () => {
    const body = reference();
    put(body, 3, 'A', { value: 1e14 });
    expect(messages(findingsOf('UNREADABLE_AMOUNT', body)[0])).toEqual({
      fr: "«\u00a0Maraude de nuit\u00a0» (ligne 3), colonne A\u00a0: «\u00a0100000000000000\u00a0» est un montant hors de portée (plus de 10\u202f000 milliards d’euros), que le contrôle ne peut pas additionner exactement. Les totaux qui dépendent de cette cellule ne sont pas contrôlés. Vérifiez le montant de E3.",
      en: '"Maraude de nuit" (row 3), column A: "100000000000000" is an amount out of range (over ten thousand billion euros), which the check cannot add up exactly. Totals that depend on this cell are not checked. Check the amount in E3.',
    });
  });
});

describe('UNREADABLE_AMOUNT: a row the check cannot name', () => {
  it('is not checked, even with text in an amount column (a notice says the row is not recognised)', () => {
    const body = reference();
    // After row 3, a row that reads like a total the template does not name, its A unreadable.
    body.splice(2, 0, [null, null, null, 'Coût total du dispositif', { value: 'à voir' }, 0, 7, 0, 0, 0, 14]);
    expect(tableOf(body).table.rows.map((r) => r.kind)).toEqual(['action', 'action', 'unclassified', 'subtotal', 'action', 'subtotal', 'sectionTotal', 'action', 'sectionTotal', 'grandTotal']);
    expect(findingsOf('UNREADABLE_AMOUNT', body)).toEqual([]);
  });
});
