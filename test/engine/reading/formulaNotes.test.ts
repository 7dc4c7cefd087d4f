/**
 * What a wrong total's formula adds up, next to what it should (src/domain/formulaNotes.ts), on
 * the hand-typed annex (test/support/hand-table.ts: A in E, B in F, C in G, valorisation in H, D
 * in I, E in J, F in K; body from sheet row 2). Whole notes, typed by hand. Coordinates 0-based.
 */
import { analyzeSheet, cellName } from '../../../src/domain';
import { explainFormulas } from '../../../src/domain/formulaNotes';
import { INITIATIVES, MARAUDES, action, at, reference, sheet, total } from '../../support/hand-table';
import { findingsOf, tableOf } from '../../support/rule-table';

const cell = (row: number, col: number, label: string) => ({ at: { row, col }, label });
/** A of Maraude de jour (E2) and Maraude de nuit (E3). */
const E2 = cell(1, 4, 'Maraude de jour');
const E3 = cell(2, 4, 'Maraude de nuit');

function notes(rule: 'SUBTOTAL' | 'ROW_TOTAL' | 'SECTION_TOTAL', body: ReturnType<typeof reference>) {
  return explainFormulas(findingsOf(rule, body), tableOf(body)).map((f) => [f.at, f.formula]);
}

describe('explainFormulas, a column total (rows)', () => {
  it('a SUM that stops short: the rows it leaves out, where it stops, the formula that adds them up', () => {
    const body = reference();
    at(body, 4)[4] = { value: 100, formula: '=SUM(E2:E2)' };
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=SUM(E2:E2)', evaluated: true, axis: 'rows', missing: [E3], extra: [], textParts: [], range: { first: 1, last: 1 }, suggestion: '=SUM(E2:E3)' }],
    ]);
  });

  it('a SUM of another column: what it counts that is no part, the column it adds up', () => {
    const body = reference();
    at(body, 4)[4] = { value: 100, formula: '=SUM(G2:G2)' };
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=SUM(G2:G2)', evaluated: true, axis: 'rows', missing: [E2, E3], extra: [cell(1, 6, 'Maraude de jour')], textParts: [], otherColumn: 6, suggestion: '=SUM(E2:E3)' }],
    ]);
  });

  it('a SUM of two other columns: the first one is said', () => {
    const body = reference();
    at(body, 4)[4] = { value: 100, formula: '=SUM(G2:H3)' };
    const extra = [cell(1, 6, 'Maraude de jour'), cell(1, 7, 'Maraude de jour'), cell(2, 6, 'Maraude de nuit')];
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=SUM(G2:H3)', evaluated: true, axis: 'rows', missing: [E2, E3], extra, textParts: [], otherColumn: 6, suggestion: '=SUM(E2:E3)' }],
    ]);
  });

  it('a part typed as text, which SUM skips', () => {
    const body = reference();
    at(body, 2)[4] = '100';
    at(body, 4)[4] = { value: 300, formula: ' =SUM(E2:E3) ' };
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=SUM(E2:E3)', evaluated: true, axis: 'rows', missing: [], extra: [], textParts: [E2], range: { first: 1, last: 2 }, suggestion: '=SUM(E2:E3)' }],
    ]);
  });

  it('a part typed as text after « + » is not said to be skipped (only SUM skips text)', () => {
    const body = reference();
    at(body, 2)[4] = '100';
    at(body, 4)[4] = { value: 300, formula: '=E2+E3' };
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=E2+E3', evaluated: true, axis: 'rows', missing: [], extra: [], textParts: [], suggestion: '=SUM(E2:E3)' }],
    ]);
  });

  it('cells outside the amounts: a number other than zero is counted as extra; zero, text and rows outside the table are not', () => {
    // L2 = 7 and L3 = 0 are right of the table; E1 is the header.
    const body = reference();
    at(body, 2)[11] = 7;
    at(body, 3)[11] = 0;
    at(body, 4)[4] = { value: 407, formula: '=SUM(E1:E3)+L2+L3' };
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=SUM(E1:E3)+L2+L3', evaluated: true, axis: 'rows', missing: [], extra: [cell(1, 11, 'Maraude de jour')], textParts: [], suggestion: '=SUM(E2:E3)' }],
    ]);
  });

  it('a part with no money is not missing; amounts counted with no money are not extra; the total itself is neither', () => {
    // B of the sub-total, F4 = SUM(F3:F4)+I2: F3 (nothing in B) is a part, F4 is itself (a loop: not
    // recomputed, the stored 5 is checked), I2 (D of row 2) holds 0; F2 (30) is left out.
    const body = reference();
    at(body, 2)[5] = 30;
    at(body, 4)[5] = { value: 5, formula: '=SUM(F3:F4)+I2' };
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 5 }, { text: '=SUM(F3:F4)+I2', evaluated: true, axis: 'rows', missing: [cell(1, 5, 'Maraude de jour')], extra: [], textParts: [], suggestion: '=SUM(F2:F3)' }],
    ]);
  });

  it('one part: a + chain of one cell, not a range', () => {
    // The initiatives' sub-total (row 9) has one part, Épicerie solidaire (row 8); it adds up the socle (row 7) instead.
    const body = reference();
    at(body, 9)[4] = { value: 0, formula: '=SUM(E7:E7)' };
    const socle = cell(6, 4, 'Sous-total engagements des mesures socle');
    expect(notes('SECTION_TOTAL', body)).toEqual([
      [{ row: 8, col: 4 }, { text: '=SUM(E7:E7)', evaluated: true, axis: 'rows', missing: [cell(7, 4, 'Épicerie solidaire')], extra: [socle], textParts: [], range: { first: 6, last: 6 }, suggestion: '=E8' }],
    ]);
  });

  it('parts that are not one run of rows: a + chain', () => {
    // The socle (row 7) adds up the sub-totals of rows 4 and 6.
    const body = reference();
    at(body, 7)[4] = { value: 400, formula: '=E4' };
    expect(notes('SECTION_TOTAL', body)).toEqual([
      [{ row: 6, col: 4 }, { text: '=E4', evaluated: true, axis: 'rows', missing: [cell(5, 4, 'Sous total')], extra: [], textParts: [], suggestion: '=E4+E6' }],
    ]);
  });

  it('a SUM across columns from the total’s own: no range said, no other column', () => {
    const body = reference();
    at(body, 4)[4] = { value: 200, formula: '=SUM(E2:G2)' };
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=SUM(E2:G2)', evaluated: true, axis: 'rows', missing: [E3], extra: [cell(1, 6, 'Maraude de jour')], textParts: [], suggestion: '=SUM(E2:E3)' }],
    ]);
  });

  it('a SUM of rows below the sheet: everything missing, its range said, no other column', () => {
    const body = reference();
    at(body, 4)[4] = { value: 0, formula: '=SUM(E20:E30)' };
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=SUM(E20:E30)', evaluated: true, axis: 'rows', missing: [E2, E3], extra: [], textParts: [], range: { first: 19, last: 29 }, suggestion: '=SUM(E2:E3)' }],
    ]);
  });

  it('a SUM over the whole sheet is read only where the grid has cells: no million-cell list, nothing extra', () => {
    // The grid runs to sheet row 400 (a note in D400); E20:XFD1048576 would be 6 million cells to 400.
    const body = reference();
    while (body.length < 398) body.push([]);
    body.push([null, null, null, 'Visa du payeur']);
    at(body, 4)[4] = { value: 0, formula: '=SUM(E20:XFD1048576)' };
    const start = Date.now();
    expect(notes('SUBTOTAL', body)).toEqual([
      [{ row: 3, col: 4 }, { text: '=SUM(E20:XFD1048576)', evaluated: true, axis: 'rows', missing: [E2, E3], extra: [], textParts: [], suggestion: '=SUM(E2:E3)' }],
    ]);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('a + chain is suggested up to 12 parts, not beyond', () => {
    // n themes (an action and its sub-total each: sub-totals on rows 3, 5, …), the socle's A typed as =E3.
    const socle = (n: number) => {
      const body: ReturnType<typeof reference> = [];
      for (let i = 1; i <= n; i++) {
        body.push(action('Maraudes mixtes', MARAUDES, `1.${i}`, `Maraude ${i}`, [100, 0, 100, 0, 0, 0, 200]));
        body.push(total('Sous total', [100, 0, 100, 0, 0, 0, 200]));
      }
      body.push(total('Sous-total engagements des mesures socle', [{ value: 100, formula: '=E3' }, 0, 100 * n, 0, 0, 0, 200 * n]));
      body.push(action("Engagements à l'initiative du département", INITIATIVES, '', 'Épicerie solidaire', [100, 0, 100, 0, 0, 0, 200]));
      body.push(total("Sous total engagements à l'initiative du département", [100, 0, 100, 0, 0, 0, 200]));
      body.push(total('TOTAUX FINANCIERS', [100 * (n + 1), 0, 100 * (n + 1), 0, 0, 0, 200 * (n + 1)]));
      return explainFormulas(findingsOf('SECTION_TOTAL', body), tableOf(body)).map((f) => [cellName(f.at), f.formula?.missing.length, f.formula?.suggestion]);
    };
    expect(socle(12)).toEqual([['E26', 11, '=E3+E5+E7+E9+E11+E13+E15+E17+E19+E21+E23+E25']]);
    expect(socle(13)).toEqual([['E28', 12, undefined]]);
  });

  it('a formula not evaluated: said as stored, nothing more', () => {
    const body = reference();
    at(body, 4)[4] = { value: 100, formula: '=ROUND(E2,0)' };
    expect(notes('SUBTOTAL', body)).toEqual([[{ row: 3, col: 4 }, { text: '=ROUND(E2,0)', evaluated: false, axis: 'rows', missing: [], extra: [], textParts: [] }]]);
  });

  it('a total typed as a figure: no note', () => {
    const body = reference();
    at(body, 4)[4] = 100;
    expect(notes('SUBTOTAL', body)).toEqual([[{ row: 3, col: 4 }, undefined]]);
  });

  it('a hidden row is said to be hidden', () => {
    const body = reference();
    at(body, 4)[4] = { value: 100, formula: '=SUM(E2:E2)' };
    const report = analyzeSheet({ ...sheet(body), hiddenRows: [2] });
    const subtotal = report.findings.filter((f) => f.rule === 'SUBTOTAL');
    expect(subtotal.map((f) => f.formula)).toEqual([
      { text: '=SUM(E2:E2)', evaluated: true, axis: 'rows', missing: [{ ...E3, hidden: true }], extra: [], textParts: [], range: { first: 1, last: 1 }, suggestion: '=SUM(E2:E3)' },
    ]);
  });
});

describe('explainFormulas, a row total (columns)', () => {
  it('F = E3+G3+H3: B left out, the valorisation counted, the formula that adds A to E', () => {
    const body = reference();
    at(body, 3)[5] = 20;
    at(body, 3)[7] = 50;
    at(body, 3)[10] = { value: 650, formula: '=E3+G3+H3' };
    expect(notes('ROW_TOTAL', body)).toEqual([
      [
        { row: 2, col: 10 },
        { text: '=E3+G3+H3', evaluated: true, axis: 'columns', missing: [cell(2, 5, 'B')], extra: [cell(2, 7, 'valorisation')], textParts: [], suggestion: '=E3+F3+G3+I3+J3' },
      ],
    ]);
  });

  it('a row total moved to the figure that is wrong: that figure’s formula is no total, no note', () => {
    // A of row 2 is =55*2 (110), where F (200) and the sub-total (400) both say 100: the finding lands on E2.
    const body = reference();
    at(body, 2)[4] = { value: 110, formula: '=55*2' };
    const report = analyzeSheet(sheet(body));
    expect(report.findings.filter((f) => f.rule === 'ROW_TOTAL').map((f) => [cellName(f.at), f.args, f.formula])).toEqual([
      ['E2', { total: 'F', parts: ['A', 'B', 'C', 'D', 'E'], relocatedFrom: { row: 1, col: 10 } }, undefined],
    ]);
  });

  it('a column outside the amounts is named by its letter; a part typed as text in a SUM is said', () => {
    const body = reference();
    at(body, 3)[4] = '300';
    at(body, 3)[11] = 5;
    at(body, 3)[10] = { value: 305, formula: '=SUM(E3:G3)+L3' };
    expect(notes('ROW_TOTAL', body)).toEqual([
      [
        { row: 2, col: 10 },
        { text: '=SUM(E3:G3)+L3', evaluated: true, axis: 'columns', missing: [], extra: [cell(2, 11, 'L')], textParts: [cell(2, 4, 'A')], suggestion: '=E3+F3+G3+I3+J3' },
      ],
    ]);
  });
});
