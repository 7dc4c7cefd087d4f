/**
 * Never write where unsure: in the initiative section too, a theme that fits two codes is proposed,
 * and one that fits one code is filled with that code, not the section's. By hand.
 */
import { analyzeSheet, cellName, proposalWhy } from '../../src/domain';
import { MARAUDES, PREVENTION, at, reference, sheet } from '../support/hand-table';

describe('missing codes in the initiative section', () => {
  it('a theme that fits two codes: proposed, not given the initiatives code', () => {
    const body = reference();
    at(body, 8)[0] = 'Maraudes mixtes et prévention spécialisée';
    at(body, 8)[1] = null;
    const report = analyzeSheet(sheet(body));
    expect(report.fills).toEqual([]);
    expect(report.proposals).toEqual([
      { cell: 'B8', gridRow: 7, gridCol: 1, row: 8, candidates: [MARAUDES, PREVENTION], reason: 'ambiguousTheme' },
    ]);
    // Why, as the user reads it (rendered from the data).
    expect(proposalWhy(report.proposals[0], 'fr')).toBe('ligne 8\u00a0: le thème correspond à plusieurs imputations');
  });

  it('a theme that fits one code: that code, from the theme', () => {
    const body = reference();
    at(body, 8)[0] = 'Prévention spécialisée renforcée';
    at(body, 8)[1] = null;
    const report = analyzeSheet(sheet(body));
    expect(report.fills).toEqual([{ cell: 'B8', gridRow: 7, gridCol: 1, row: 8, code: PREVENTION, source: 'theme' }]);
    expect(report.proposals).toEqual([]);
  });

  it('the last action of the table, and several missing in one block: one fill each, in sheet order', () => {
    const body = reference();
    at(body, 3)[1] = null;
    at(body, 8)[1] = null;
    at(body, 8)[0] = 'Projets du territoire';
    const report = analyzeSheet(sheet(body));
    expect(report.fills.map((f) => `${f.cell} ${f.source} ${f.code.slice(0, 16)}`)).toEqual(['B3 block 0304 50 19 19 05', 'B8 section 0304 50 19 19 10']);
  });
});

describe('rows under one empty merged code cell', () => {
  function mergedEmpty(theme: string) {
    const body = reference();
    at(body, 2)[0] = theme;
    at(body, 3)[0] = theme;
    at(body, 2)[1] = null;
    at(body, 3)[1] = null;
    const grid = sheet(body);
    grid.merges = [{ top: 1, left: 1, bottom: 2, right: 1 }]; // B2:B3, empty
    return analyzeSheet(grid);
  }

  it('share one write, into the merge', () => {
    const report = mergedEmpty('Maraudes mixtes');
    expect(report.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['MISSING_IMPUTATION@B2', 'MISSING_IMPUTATION@B3']);
    expect(report.fills).toEqual([{ cell: 'B2', gridRow: 1, gridCol: 1, row: 2, code: MARAUDES, source: 'theme' }]);
  });

  it('share one proposal when the theme fits two codes', () => {
    const report = mergedEmpty('Maraudes mixtes et prévention spécialisée');
    expect(report.fills).toEqual([]);
    // One proposal for the merge B2:B3, named after its first row.
    expect(report.proposals).toEqual([
      { cell: 'B2', gridRow: 1, gridCol: 1, row: 2, candidates: [MARAUDES, PREVENTION], reason: 'ambiguousTheme' },
    ]);
    // Why, as the user reads it (rendered from the data).
    expect(proposalWhy(report.proposals[0], 'fr')).toBe('ligne 2\u00a0: le thème correspond à plusieurs imputations');
  });
});

describe('proposals in two blocks', () => {
  it('one per cell, in sheet order', () => {
    const body = reference();
    at(body, 3)[0] = 'Maraudes mixtes et prévention spécialisée';
    at(body, 3)[1] = null;
    at(body, 5)[0] = 'Thème local';
    at(body, 5)[1] = null;
    const report = analyzeSheet(sheet(body));
    expect(report.proposals.map((p) => `${p.cell} ${p.reason} ${p.candidates.length}`)).toEqual(['B3 ambiguousTheme 2', 'B5 noTheme 0']);
  });
});

describe('a table that does not start at A1', () => {
  it('the used range starts at C5: the fill names the sheet cell, and its place in the grid read', () => {
    const body = reference();
    at(body, 3)[1] = null;
    const grid = sheet(body);
    grid.origin = { row: 4, col: 2 }; // grid cell [0][0] is C5: the header on row 5, the code column is D
    const report = analyzeSheet(grid);
    // Grid row 2 (the night maraude, its block's code above it) is sheet row 7; grid column 1 (the code) is column D.
    expect(report.fills).toEqual([{ cell: 'D7', gridRow: 2, gridCol: 1, row: 7, code: MARAUDES, source: 'block' }]);
    expect(report.proposals).toEqual([]);
  });
});

