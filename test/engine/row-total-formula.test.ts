/**
 * ROW_TOTAL on a row whose F is a formula that leaves out a column: the advice is the formula
 * corrected, not a figure to type (issue 18: the formula branch of the rule's words had no test in
 * the engine; the corpus goldens cover it through the command line only). By hand.
 */
import { analyzeSheet, cellName, findingText } from '../../src/domain';
import { at, reference, sheet } from '../support/hand-table';

describe('F as a formula that misses a column', () => {
  // Row 3 (Maraude de nuit): A 300, B 20, C 300, F = E3+G3+I3+J3 (leaves out B, column F) = 600;
  // the totals above count the 20 of B, so the wrong figure is F3 itself.
  function report() {
    const body = reference();
    at(body, 3)[5] = 20;
    at(body, 3)[10] = { value: 600, formula: '=E3+G3+I3+J3' };
    for (const [row, f] of [[4, 820], [7, 2820], [10, 3820]]) {
      at(body, row)[5] = 20;
      at(body, row)[10] = f;
    }
    return analyzeSheet(sheet(body));
  }

  it('is found on F, and the advice is the formula corrected', () => {
    const f = report().findings.find((x) => x.rule === 'ROW_TOTAL')!;
    expect(cellName(f.at)).toBe('K3');
    expect(f.formula).toMatchObject({ evaluated: true, suggestion: '=E3+F3+G3+I3+J3' });
    expect(findingText(f, 'fr')).toBe(
      '«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: F affiché 600,00\u00a0€, A+B+C+D+E = 620,00\u00a0€ — écart -20,00\u00a0€\u202f; la formule =E3+G3+I3+J3 ne compte pas la colonne F. Corrigez la formule\u00a0: =E3+F3+G3+I3+J3.',
    );
    expect(findingText(f, 'en')).toBe(
      '"Maraude de nuit" (row 3): F shows €600.00, A+B+C+D+E = €620.00 — gap -€20.00; the formula =E3+G3+I3+J3 leaves out column F. Correct the formula: =E3+F3+G3+I3+J3.',
    );
  });
});
