/** ROW_TOTAL alone (src/domain/rules/rowTotal.ts): F = A+B+C+D+E on every row, the valued share not added. */
import calpae from '../../../src/domain/templates/calpae-annexe9.json';
import { analyzeSheet } from '../../../src/domain';
import { ruleOf } from '../../../src/domain/rules/registry';
import { CALPAE_TEMPLATE, TemplateDescription, compileTemplate } from '../../../src/domain/template';
import { findingCardText, findingText } from '../../../src/domain/words/render';
import { Typed, put, reference, sheet, total } from '../../support/hand-table';
import { brief, findingsOf, messages, tableOf } from '../../support/rule-table';

/** ROW_TOTAL findings of the whole engine: formulas explained, findings moved to the figure at fault. */
function rowTotals(body: Typed[][]) {
  return analyzeSheet(sheet(body)).findings.filter((f) => f.rule === 'ROW_TOTAL');
}

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
    expect(findingCardText(found[0], 'fr')).toBe('F affiché 210,00\u00a0€, A+B+C+D+E = 200,00\u00a0€ — écart +10,00\u00a0€. Corrigez F en 200,00\u00a0€ ou vérifiez les montants A à E de cette ligne.');
    expect(findingCardText(found[0], 'en')).toBe('F shows €210.00, A+B+C+D+E = €200.00 — gap +€10.00. Correct F to €200.00 or check amounts A to E of this row.');
  });

  it('a total of one part names that part alone', () => {
    const d = JSON.parse(JSON.stringify(calpae)) as TemplateDescription;
    d.total = { ...d.total, parts: ['A'] };
    const template = compileTemplate(d);
    const [f] = rule.check(tableOf(reference(), template));
    expect(brief([f])).toEqual(['ROW_TOTAL@K2 100→200']);
    expect(findingText(f, 'fr', template)).toBe('«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: F affiché 200,00\u00a0€, A = 100,00\u00a0€ — écart +100,00\u00a0€. Corrigez F en 100,00\u00a0€ ou vérifiez les montants A de cette ligne.');
    expect(findingText(f, 'en', template)).toBe('"Maraude de jour" (row 2): F shows €200.00, A = €100.00 — gap +€100.00. Correct F to €100.00 or check amounts A of this row.');
  });

  it('F a formula that adds a cell that is not a part: the formula to write instead', () => {
    const body = reference();
    put(body, 2, 'F', { value: 500, formula: '=E2+F2+G2+I2+J2+E3' });
    const [f, ...more] = rowTotals(body);
    expect(more).toEqual([]);
    expect(findingText(f, 'fr')).toBe(
      '«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: F affiché 500,00\u00a0€, A+B+C+D+E = 200,00\u00a0€ — écart +300,00\u00a0€\u202f; la formule =E2+F2+G2+I2+J2+E3 compte aussi la colonne E. Corrigez la formule\u00a0: =E2+F2+G2+I2+J2.',
    );
    expect(findingText(f, 'en')).toBe('"Maraude de jour" (row 2): F shows €500.00, A+B+C+D+E = €200.00 — gap +€300.00; the formula =E2+F2+G2+I2+J2+E3 also counts column E. Correct the formula: =E2+F2+G2+I2+J2.');
  });

  it('F a formula that counts every part but skips one typed as text: the figures to check, not the formula', () => {
    const body = reference();
    put(body, 2, 'C', '100');
    put(body, 2, 'F', { value: 100, formula: '=SUM(E2:G2,I2:J2)' });
    const [f, ...more] = rowTotals(body);
    expect(more).toEqual([]);
    expect(findingText(f, 'fr')).toBe(
      '«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: F affiché 100,00\u00a0€, A+B+C+D+E = 200,00\u00a0€ — écart -100,00\u00a0€\u202f; la formule =SOMME(E2:G2;I2:J2) ignore G2, saisi en texte. Corrigez F en 200,00\u00a0€ ou vérifiez les montants A à E de cette ligne.',
    );
    expect(findingText(f, 'en')).toBe(
      '"Maraude de jour" (row 2): F shows €100.00, A+B+C+D+E = €200.00 — gap -€100.00; the formula =SUM(E2:G2,I2:J2) skips G2, typed as text. Correct F to €200.00 or check amounts A to E of this row.',
    );
  });

  it('a part off while F and the total above agree: the finding is on the part, F expected to be right', () => {
    const body = reference();
    put(body, 2, 'A', 110);
    const [f, ...more] = rowTotals(body);
    expect(more).toEqual([]);
    expect(findingText(f, 'fr')).toBe(
      '«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: A affiché 110,00\u00a0€, attendu d’après F et les autres colonnes 100,00\u00a0€ — écart +10,00\u00a0€ (F ≠ A+B+C+D+E et le total au-dessus s’écarte du même montant). Corrigez A en 100,00\u00a0€.',
    );
    expect(findingText(f, 'en')).toBe(
      '"Maraude de jour" (row 2): A shows €110.00, expected from F and the other columns €100.00 — gap +€10.00 (F ≠ A+B+C+D+E and the total above is off by the same amount). Correct A to €100.00.',
    );
    expect(findingCardText(f, 'fr')).toBe('A affiché 110,00\u00a0€, attendu d’après F et les autres colonnes 100,00\u00a0€ — écart +10,00\u00a0€ (F ≠ A+B+C+D+E et le total au-dessus s’écarte du même montant). Corrigez A en 100,00\u00a0€.');
  });

  it('a row read as an unrecognised total is not checked (a notice says so)', () => {
    const body = reference();
    body.splice(2, 0, total('Total', [1, 0, 1, 0, 0, 0, 5]));
    expect(tableOf(body).table.rows[2].kind).toBe('unclassified');
    expect(findingsOf('ROW_TOTAL', body)).toEqual([]);
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
