/**
 * isOurSheetName: a sheet is taken for our earlier summary or comparison only under a name we give
 * it (issue 18: a forged journal record may name any sheet of a received workbook).
 */
import { freeSummaryName, isOurSheetName, summarySheetBaseName } from '../../src/domain/summary';

const BASE = summarySheetBaseName('fr');

describe('isOurSheetName', () => {
  it('takes the base and « base (n) », n ≥ 2, without case, as freeSummaryName makes them', () => {
    expect(isOurSheetName(BASE, 'Synthèse annexe 9')).toBe(true);
    expect(isOurSheetName(BASE, 'Synthèse annexe 9 (2)')).toBe(true);
    expect(isOurSheetName(BASE, 'synthèse ANNEXE 9 (12)')).toBe(true);
    expect(isOurSheetName('Comparaison annexe 9', 'Comparaison annexe 9 (3)')).toBe(true);
  });

  it('refuses any other name: the user’s sheets, a renamed summary, numbers freeSummaryName never writes', () => {
    for (const name of [
      'V1',
      'Annexe 9',
      'Synthèse annexe 9 (2) copie',
      'Copie de Synthèse annexe 9',
      'Synthèse annexe 9 (0)', // freeSummaryName starts at 2: (0) and (1) are names a user typed
      'Synthèse annexe 9 (1)',
      'Synthèse annexe 9 (02)',
      'Synthèse annexe 9 (-2)',
      'Synthèse annexe 9 (2.5)',
      'Synthèse annexe 9 ()',
      'Synthèse annexe 9(2)',
      'Synthèse annexe 9 (2)(3)',
      ' Synthèse annexe 9', // spaces are part of a sheet name: freeSummaryName never adds them
      'Synthèse annexe 9 ',
      'Synthèse annexe 9 (2) ',
      'Synthèse annexe 99',
      // As long as « base (2) » but another base: the start is compared, not only the count.
      'Synthèse annexe 8 (2)',
      'Mes notes du jour (2)',
      'Synthèse annexe 9 (23', // no closing parenthesis: the end is compared too
      'Synthèse annexe 9 (2]',
      '',
    ]) {
      expect([name, isOurSheetName(BASE, name)]).toEqual([name, false]);
    }
  });

  it('takes every name freeSummaryName gives', () => {
    const taken = ['Annexe 9'];
    for (let i = 0; i < 15; i++) {
      const name = freeSummaryName(BASE, taken);
      expect([name, isOurSheetName(BASE, name)]).toEqual([name, true]);
      taken.push(i % 2 ? name.toUpperCase() : name);
    }
  });
});
