/** STALE_FORMULA alone (src/domain/rules/staleFormula.ts): a stored formula result its formula no longer gives. */
import { ruleOf } from '../../../src/domain/rules/registry';
import { findingCardText } from '../../../src/domain/words/render';
import { put, reference, total } from '../../support/hand-table';
import { brief, findingsOf, messages, tableOf } from '../../support/rule-table';

describe('STALE_FORMULA: « formule non recalculée »', () => {
  it('a formula whose stored value is what it gives: nothing', () => {
    const body = reference();
    put(body, 2, 'F', { value: 200, formula: '=E2+F2+G2+I2+J2' });
    expect(findingsOf('STALE_FORMULA', body)).toEqual([]);
  });

  it('a stored value the formula no longer gives: at the cell, what the formula gives expected', () => {
    const body = reference();
    put(body, 2, 'F', { value: 210, formula: '=E2+F2+G2+I2+J2' });
    const found = findingsOf('STALE_FORMULA', body);
    expect(brief(found)).toEqual(['STALE_FORMULA@K2 200→210']);
    expect(found[0].args).toEqual({ formula: '=E2+F2+G2+I2+J2' });
    expect(messages(found[0])).toEqual({
      fr: '«\u00a0Maraude de jour\u00a0» (ligne 2), colonne F\u00a0: formule non recalculée, =E2+F2+G2+I2+J2 donne 200,00\u00a0€ mais le fichier enregistre 210,00\u00a0€. Recalculez le classeur (Formules > Calculer maintenant, ou F9) puis enregistrez-le.',
      en: '"Maraude de jour" (row 2), column F: formula not recalculated, =E2+F2+G2+I2+J2 gives €200.00 but the file stores €210.00. Recalculate the workbook (Formulas > Calculate Now, or F9), then save it.',
    });
    // The card shows the cell, hence its column.
    expect(findingCardText(found[0], 'fr')).toBe('Formule non recalculée, =E2+F2+G2+I2+J2 donne 200,00\u00a0€ mais le fichier enregistre 210,00\u00a0€. Recalculez le classeur (Formules > Calculer maintenant, ou F9) puis enregistrez-le.');
    expect(findingCardText(found[0], 'en')).toBe('Formula not recalculated, =E2+F2+G2+I2+J2 gives €200.00 but the file stores €210.00. Recalculate the workbook (Formulas > Calculate Now, or F9), then save it.');
    expect(ruleOf('STALE_FORMULA').live(found[0])).toEqual({ kind: 'stored', value: 21000 });
  });

  it('on a row read as an unrecognised total: not reported (the row is not checked, a notice says so)', () => {
    const body = reference();
    body.splice(2, 0, total('Total', [1, 0, 1, 0, 0, 0, { value: 5, formula: '=E4+G4' }]));
    const t = tableOf(body);
    expect(t.table.rows[2].kind).toBe('unclassified');
    expect(t.stale.map((c) => `${c.formula} ${c.computed}→${c.stored}`)).toEqual(['=E4+G4 200→500']);
    expect(findingsOf('STALE_FORMULA', body)).toEqual([]);
  });
});
