/**
 * Where the fill plan must decide between writing and proposing (issue 18: mutants that survived
 * the first domain run). By hand, on the reference table of test/support/hand-table.ts.
 */
import { analyzeSheet } from '../../src/domain';
import { INITIATIVES, MARAUDES, action, at, reference, sheet } from '../support/hand-table';

describe('a table without a grand total', () => {
  /** The reference table without its TOTAUX row (row 10): the table closes at its last total. */
  const noGrandTotal = () => reference().slice(0, -1);

  it('an action inside the table still gets its code', () => {
    const body = noGrandTotal();
    at(body, 3)[1] = null;
    const report = analyzeSheet(sheet(body));
    expect(report.fills).toEqual([{ cell: 'B3', gridRow: 2, gridCol: 1, row: 3, code: MARAUDES, source: 'block' }]);
    expect(report.proposals).toEqual([]);
  });

  it('the last action before the closing total still gets its code', () => {
    const body = noGrandTotal();
    at(body, 8)[1] = null;
    const report = analyzeSheet(sheet(body));
    expect(report.fills).toEqual([{ cell: 'B8', gridRow: 7, gridCol: 1, row: 8, code: INITIATIVES, source: 'theme' }]);
  });

  it('a row after the last total is proposed, never written: it may belong to something else', () => {
    const body = noGrandTotal();
    body.push(action('Maraudes mixtes', null, '1.3', 'Maraude du dimanche', [10, 0, 10, 0, 0, 0, 20]));
    const report = analyzeSheet(sheet(body));
    expect(report.fills).toEqual([]);
    expect(report.proposals.map((p) => `${p.cell} ${p.reason}`)).toEqual(['B10 outsideTable']);
  });
});

describe('one empty merged code cell over rows of different kinds', () => {
  function merged(bottom: number) {
    const body = reference();
    at(body, 2)[1] = null;
    for (let r = 3; r <= bottom; r++) at(body, r)[1] = null;
    const grid = sheet(body);
    grid.merges = [{ top: 1, left: 1, bottom: bottom - 1, right: 1 }];
    return analyzeSheet(grid);
  }

  it('over two actions of one block: one write', () => {
    expect(merged(3).fills.map((f) => f.cell)).toEqual(['B2']);
  });

  it('over two actions of one block, one with a title but no fiche number: one write (a title is enough)', () => {
    const body = reference();
    at(body, 2)[1] = null;
    at(body, 3)[1] = null;
    at(body, 3)[2] = null;
    const grid = sheet(body);
    grid.merges = [{ top: 1, left: 1, bottom: 2, right: 1 }];
    expect(analyzeSheet(grid).fills.map((f) => f.cell)).toEqual(['B2']);
  });

  it('over an action and its subtotal: proposed (the code would also sit on the total)', () => {
    const report = merged(4);
    expect(report.fills).toEqual([]);
    expect(report.proposals.map((p) => `${p.cell} ${p.reason}`)).toEqual(['B2 sharedMerge']);
  });

  it('over actions of two blocks: proposed (two themes, two codes, one cell)', () => {
    const body = reference();
    // Rows 3 (Maraudes) and 5 (Prévention) under one merge B3:B5, with row 4 (a subtotal) between.
    at(body, 3)[1] = null;
    at(body, 4)[1] = null;
    at(body, 5)[1] = null;
    const grid = sheet(body);
    grid.merges = [{ top: 2, left: 1, bottom: 4, right: 1 }];
    const report = analyzeSheet(grid);
    expect(report.fills).toEqual([]);
    expect(report.proposals.every((p) => p.reason === 'sharedMerge')).toBe(true);
  });

  it('over an action with no title and no fiche: proposed (the row may not be an action)', () => {
    const body = reference();
    at(body, 2)[1] = null;
    at(body, 3)[1] = null;
    at(body, 3)[2] = null;
    at(body, 3)[3] = null;
    const grid = sheet(body);
    grid.merges = [{ top: 1, left: 1, bottom: 2, right: 1 }];
    const report = analyzeSheet(grid);
    expect(report.fills).toEqual([]);
  });
});
