/**
 * MISSING_IMPUTATION alone (src/domain/rules/imputation.ts): an action row with money carries its
 * Chorus code; the finding says which code and from where, or why it is only proposed.
 */
import { INITIATIVES, MARAUDES, PREVENTION, at, reference } from '../../support/hand-table';
import { brief, findingsOf, messages } from '../../support/rule-table';

describe('MISSING_IMPUTATION: which code, from where, and how certain', () => {
  it('holds on the reference table', () => {
    expect(findingsOf('MISSING_IMPUTATION', reference())).toEqual([]);
  });

  it('a blank code in a block that has one: carried from the block', () => {
    const body = reference();
    at(body, 3)[1] = null;
    const found = findingsOf('MISSING_IMPUTATION', body);
    expect(brief(found)).toEqual(['MISSING_IMPUTATION@B3 -→-']);
    expect(found[0].args).toEqual({ code: MARAUDES, source: 'block', candidates: [], target: { row: 2, col: 1 } });
    expect(messages(found[0]).fr).toBe(`«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (repris du bloc). Complétez B3 avec ce code.`);
  });

  it('no code in the block: from the theme, else the initiatives section, else proposed', () => {
    const fromTheme = reference();
    at(fromTheme, 5)[1] = null;
    expect(findingsOf('MISSING_IMPUTATION', fromTheme)[0].args).toMatchObject({ code: PREVENTION, source: 'theme' });

    const section = reference();
    at(section, 8)[0] = 'Projets du territoire';
    at(section, 8)[1] = null;
    expect(findingsOf('MISSING_IMPUTATION', section)[0].args).toMatchObject({ code: INITIATIVES, source: 'section' });

    const ambiguous = reference();
    at(ambiguous, 5)[0] = 'Maraudes mixtes et prévention spécialisée';
    at(ambiguous, 5)[1] = null;
    const [f] = findingsOf('MISSING_IMPUTATION', ambiguous);
    expect(f.args).toEqual({ code: null, source: null, candidates: [MARAUDES, PREVENTION], doubt: 'ambiguousTheme', target: { row: 4, col: 1 } });
    expect(messages(f).en).toBe(`"Éducateurs de rue" (row 5): Chorus code missing, the theme does not settle it: "${MARAUDES}" or "${PREVENTION}". Choose the right code and type it in B5.`);
  });

  it('a row with no title nor fiche number: its code is proposed, not written', () => {
    const body = reference();
    at(body, 3)[1] = null;
    at(body, 3)[2] = null;
    at(body, 3)[3] = null;
    const [f] = findingsOf('MISSING_IMPUTATION', body);
    expect(f.args).toEqual({ code: null, source: null, candidates: [MARAUDES], doubt: 'noTitle', target: { row: 2, col: 1 } });
    expect(messages(f).fr).toContain('probable, non écrit (ni intitulé ni numéro de fiche, est-ce bien une action\u202f?)');
  });

  it('a row with no money needs no code', () => {
    const body = reference();
    at(body, 3)[1] = null;
    for (const i of [4, 6, 10]) at(body, 3)[i] = 0;
    expect(findingsOf('MISSING_IMPUTATION', body)).toEqual([]);
  });
});
