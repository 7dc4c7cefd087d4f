/** SUBTOTAL alone (src/domain/rules/subtotals.ts): a theme subtotal adds up the action rows it closes. */
import { analyzeSheet } from '../../../src/domain';
import { cellName } from '../../../src/domain/findings';
import { ruleOf } from '../../../src/domain/rules/registry';
import { Typed, put, reference, sheet, total } from '../../support/hand-table';
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

  it('a subtotal repeated right under another adds up no row: it says so, and what to do, not « vérifiez . »', () => {
    const body = reference();
    // Row 5 repeats the subtotal of row 4 (a copy pasted twice).
    body.splice(3, 0, total('Sous total', [400, 0, 400, 50, 0, 0, 800]));
    const found = findingsOf('SUBTOTAL', body);
    expect(brief(found)).toEqual(['SUBTOTAL@E5 0→400', 'SUBTOTAL@G5 0→400', 'SUBTOTAL@H5 0→50', 'SUBTOTAL@K5 0→800']);
    expect(found[0].args.parts).toEqual([]);
    expect(messages(found[0])).toEqual({
      fr: 'Sous-total (ligne 5)\u00a0: A affiché 400,00\u00a0€, somme des lignes 0,00\u00a0€ — écart +400,00\u00a0€. Ce total n’additionne aucune ligne\u00a0: supprimez-le s’il en répète un autre, sinon videz A.',
      en: 'Subtotal (row 5): A shows €400.00, sum of the rows €0.00 — gap +€400.00. This total adds up no row: delete it if it repeats another one, otherwise clear A.',
    });
  });

  it('leaves the section totals to their own rule', () => {
    const body = reference();
    put(body, 7, 'A', 1500);
    expect(findingsOf('SUBTOTAL', body)).toEqual([]);
  });
});

describe('SUBTOTAL: an empty total cell', () => {
  it('is not checked (columns B, D, E are often left blank)', () => {
    const body = reference();
    put(body, 4, 'B', null);
    expect(findingsOf('SUBTOTAL', body)).toEqual([]);
  });
});

describe('SUBTOTAL that is a formula: what to correct, in both languages', () => {
  /** The messages of the finding at `cell` once the whole sheet is checked (formula notes are added then). */
  function messagesAt(body: Typed[][], cell: string) {
    const found = analyzeSheet(sheet(body)).findings.filter((f) => cellName(f.at) === cell);
    expect(found).toHaveLength(1);
    return messages(found[0]);
  }

  it('one that leaves out a row: the formula', () => {
    const body = reference();
    put(body, 4, 'A', { value: 100, formula: '=E2' });
    expect(messagesAt(body, 'E4')).toEqual({
      fr: 'Sous-total (ligne 4)\u00a0: A affiché 100,00\u00a0€, somme des lignes 400,00\u00a0€ — écart -300,00\u00a0€\u202f; la formule =E2 ne compte pas la ligne 3 (Maraude de nuit). Corrigez la formule\u00a0: =SOMME(E2:E3).',
      en: 'Subtotal (row 4): A shows €100.00, sum of the rows €400.00 — gap -€300.00; the formula =E2 leaves out row 3 (Maraude de nuit). Correct the formula: =SUM(E2:E3).',
    });
  });

  it('one that also counts a cell of another column: the formula', () => {
    const body = reference();
    put(body, 4, 'A', { value: 500, formula: '=E2+E3+G2' });
    expect(messagesAt(body, 'E4')).toEqual({
      fr: 'Sous-total (ligne 4)\u00a0: A affiché 500,00\u00a0€, somme des lignes 400,00\u00a0€ — écart +100,00\u00a0€\u202f; la formule =E2+E3+G2 compte aussi la ligne 2 (Maraude de jour). Corrigez la formule\u00a0: =SOMME(E2:E3).',
      en: 'Subtotal (row 4): A shows €500.00, sum of the rows €400.00 — gap +€100.00; the formula =E2+E3+G2 also counts row 2 (Maraude de jour). Correct the formula: =SUM(E2:E3).',
    });
  });

  it('a right formula whose SUM skips a part typed as text: the part', () => {
    const body = reference();
    put(body, 3, 'A', '300');
    put(body, 4, 'A', { value: 100, formula: '=SUM(E2:E3)' });
    expect(messagesAt(body, 'E4')).toEqual({
      fr: 'Sous-total (ligne 4)\u00a0: A affiché 100,00\u00a0€, somme des lignes 400,00\u00a0€ — écart -300,00\u00a0€\u202f; la formule =SOMME(E2:E3) ignore E3, saisi en texte. Saisissez E3 en nombre, pas en texte.',
      en: 'Subtotal (row 4): A shows €100.00, sum of the rows €400.00 — gap -€300.00; the formula =SUM(E2:E3) skips E3, typed as text. Type E3 as a number, not as text.',
    });
  });
});
