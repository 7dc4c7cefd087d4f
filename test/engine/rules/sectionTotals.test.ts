/** SECTION_TOTAL alone (src/domain/rules/sectionTotals.ts): the socle adds its subtotals, the initiatives their rows. */
import { analyzeSheet } from '../../../src/domain';
import { cellName } from '../../../src/domain/findings';
import { Amounts, INITIATIVES, MARAUDES, PREVENTION, Typed, action, put, reference, sheet, total } from '../../support/hand-table';
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

describe('SECTION_TOTAL: a socle off against its subtotals may still equal its action rows', () => {
  it('says so when it does: the subtotal is the figure off', () => {
    const body = reference();
    put(body, 4, 'A', 410); // the socle's 1 400 is the action rows' 100 + 300 + 1 000
    const found = findingsOf('SECTION_TOTAL', body);
    expect(brief(found)).toEqual(['SECTION_TOTAL@E7 1410→1400']);
    expect(found[0].args.equalsActionRows).toBe(true);
  });

  it('not when it does not', () => {
    const body = reference();
    put(body, 7, 'A', 1500);
    const found = findingsOf('SECTION_TOTAL', body);
    expect(brief(found)).toEqual(['SECTION_TOTAL@E7 1400→1500']);
    expect(found[0].args.equalsActionRows).toBe(false);
  });

  it('a subtotal’s parts are its action rows: never said there', () => {
    const body = reference();
    put(body, 4, 'A', 410);
    expect(findingsOf('SUBTOTAL', body).map((f) => f.args.equalsActionRows)).toEqual([false]);
  });
});

describe('SECTION_TOTAL: action rows whose running sum leaves the exact range of cents', () => {
  // Ten thousand billion euros, the largest amount a cell may hold (1e15 cents).
  const T = 10_000_000_000_000;
  // 2^53 − 1 cents is 90 071 992 547 409,91 €: nine times T, plus this.
  const R = 71_992_547_409.91;
  /** 20 action rows in the first theme: A climbs past 2^53 cents and comes back to T; C the same below zero; B reaches 2^53 − 1 cents exactly and comes back to R; D the same below zero. */
  function body(): Typed[][] {
    const rows: Typed[][] = [];
    for (let i = 0; i < 20; i++) {
      const up = i < 10 ? 1 : i < 19 ? -1 : 0;
      const b = i < 9 ? T : i === 9 ? R : i < 19 ? -T : 0;
      rows.push(action('Maraudes mixtes', MARAUDES, `1.${i + 1}`, `Action ${i + 1}`, [up * T, b, -up * T, 0, -b, 0, 0]));
    }
    const zero: Amounts = [0, 0, 0, 0, 0, 0, 0];
    return [
      ...rows,
      total('Sous total', zero),
      action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs de rue', zero),
      total('Sous total', zero),
      // The socle's subtotals add up to nothing: it is off in A, B, C and D.
      total('Sous-total engagements des mesures socle', [T, R, -T, 0, -R, 0, 0]),
      action("Engagements à l'initiative du département", INITIATIVES, '', 'Épicerie solidaire', zero),
      total("Sous total engagements à l'initiative du département", zero),
      total('TOTAUX FINANCIERS', zero),
    ];
  }

  it('is not trusted past 2^53 cents: no claim that the socle equals its action rows; up to it, the claim holds', () => {
    const found = findingsOf('SECTION_TOTAL', body());
    expect(brief(found)).toEqual([
      'SECTION_TOTAL@E25 0→10000000000000',
      'SECTION_TOTAL@F25 0→71992547409.91',
      'SECTION_TOTAL@G25 0→-10000000000000',
      'SECTION_TOTAL@I25 0→-71992547409.91',
    ]);
    expect(found.map((f) => f.args.equalsActionRows)).toEqual([false, true, false, true]);
  });
});

describe('SECTION_TOTAL that is a formula over more parts than a formula is suggested for', () => {
  it('thirteen subtotals, the formula leaves the last out: the advice is the figure, not a formula', () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => i + 1);
    const ab: Amounts = [100, 0, 100, 0, 0, 0, 200];
    const terms = thirteen.slice(0, 12).map((i) => `E${2 * i + 1}`);
    const body: Typed[][] = [
      // Rows 2i and 2i + 1: theme i's action and its subtotal.
      ...thirteen.flatMap((i) => [action(`Thème ${i}`, MARAUDES, `${i}.1`, `Action ${i}`, ab), total('Sous total', ab)]),
      total('Sous-total engagements des mesures socle', [{ value: 1200, formula: `=${terms.join('+')}` }, 0, 1300, 0, 0, 0, 2600]),
      action("Engagements à l'initiative du département", INITIATIVES, '', 'Épicerie solidaire', [500, 0, 500, 0, 0, 0, 1000]),
      total("Sous total engagements à l'initiative du département", [500, 0, 500, 0, 0, 0, 1000]),
      total('TOTAUX FINANCIERS', [1700, 0, 1800, 0, 0, 0, 3600]),
    ];
    const found = analyzeSheet(sheet(body)).findings.filter((f) => cellName(f.at) === 'E28');
    expect(found).toHaveLength(1);
    expect(messages(found[0])).toEqual({
      fr: `Sous-total mesures socle (ligne 28)\u00a0: A affiché 1\u202f200,00\u00a0€, somme des sous-totaux 1\u202f300,00\u00a0€ — écart -100,00\u00a0€\u202f; la formule =${terms.join('+')} ne compte pas la ligne 27 (Sous total). Corrigez A en 1\u202f300,00\u00a0€ ou vérifiez les lignes 3 à 27.`,
      en: `Core measures subtotal (row 28): A shows €1,200.00, sum of the subtotals €1,300.00 — gap -€100.00; the formula =${terms.join('+')} leaves out row 27 (Sous total). Correct A to €1,300.00 or check rows 3 to 27.`,
    });
  });
});
