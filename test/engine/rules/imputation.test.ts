/**
 * MISSING_IMPUTATION alone (src/domain/rules/imputation.ts): an action row with money carries its
 * Chorus code; the finding says which code and from where, or why it is only proposed.
 */
import { analyzeSheet } from '../../../src/domain';
import { findingCardText } from '../../../src/domain/words/render';
import { INITIATIVES, MARAUDES, PREVENTION, Typed, action, at, put, reference, sheet } from '../../support/hand-table';
import { brief, findingsOf, messages, tableOf } from '../../support/rule-table';

/** The sheet with its code cells B`top`:B`bottom` (1-based rows) merged, checked by the whole engine. */
function withMergedCodes(body: Typed[][], top: number, bottom: number) {
  const grid = sheet(body);
  grid.merges = [{ top: top - 1, left: 1, bottom: bottom - 1, right: 1 }];
  return analyzeSheet(grid);
}

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
    expect(messages(found[0])).toEqual({
      fr: `«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (repris du bloc). Complétez B3 avec ce code.`,
      en: `"Maraude de nuit" (row 3): Chorus code missing, to be filled with "${MARAUDES}" (carried from its block). Fill B3 with this code.`,
    });
    expect(findingCardText(found[0], 'fr')).toBe(`Imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (repris du bloc). Complétez la cellule avec ce code.`);
    expect(findingCardText(found[0], 'en')).toBe(`Chorus code missing, to be filled with "${MARAUDES}" (carried from its block). Fill the cell with this code.`);
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
    expect(messages(f)).toEqual({
      fr: `«\u00a0Éducateurs de rue\u00a0» (ligne 5)\u00a0: imputation Chorus manquante, le thème ne permet pas de choisir\u00a0: «\u00a0${MARAUDES}\u00a0» ou «\u00a0${PREVENTION}\u00a0». Choisissez le bon code et saisissez-le en B5.`,
      en: `"Éducateurs de rue" (row 5): Chorus code missing, the theme does not settle it: "${MARAUDES}" or "${PREVENTION}". Choose the right code and type it in B5.`,
    });
    expect(findingCardText(f, 'fr')).toBe(`Imputation Chorus manquante, le thème ne permet pas de choisir\u00a0: «\u00a0${MARAUDES}\u00a0» ou «\u00a0${PREVENTION}\u00a0». Choisissez le bon code et saisissez-le dans la cellule.`);
    expect(findingCardText(f, 'en')).toBe(`Chorus code missing, the theme does not settle it: "${MARAUDES}" or "${PREVENTION}". Choose the right code and type it in the cell.`);
  });

  it('a theme that names no code, outside the initiatives: a code to type, nothing to check', () => {
    const body = reference();
    at(body, 5)[0] = 'Thème inconnu';
    at(body, 5)[1] = null;
    const [f, ...more] = findingsOf('MISSING_IMPUTATION', body);
    expect(more).toEqual([]);
    expect(f.args).toEqual({ code: null, source: null, candidates: [], doubt: 'noTheme', target: { row: 4, col: 1 } });
    expect(messages(f)).toEqual({
      fr: '«\u00a0Éducateurs de rue\u00a0» (ligne 5)\u00a0: imputation Chorus manquante, à saisir (aucun thème ne permet de la déduire). Saisissez le code Chorus de l’action en B5.',
      en: '"Éducateurs de rue" (row 5): Chorus code missing, to be typed (no theme to infer it from). Type the action\'s Chorus code in B5.',
    });
    expect(findingCardText(f, 'fr')).toBe('Imputation Chorus manquante, à saisir (aucun thème ne permet de la déduire). Saisissez le code Chorus de l’action dans la cellule.');
    expect(findingCardText(f, 'en')).toBe("Chorus code missing, to be typed (no theme to infer it from). Type the action's Chorus code in the cell.");
  });

  it('a row with no title nor fiche number: its code is proposed, not written', () => {
    const body = reference();
    at(body, 3)[1] = null;
    at(body, 3)[2] = null;
    at(body, 3)[3] = null;
    const [f] = findingsOf('MISSING_IMPUTATION', body);
    expect(f.args).toEqual({ code: null, source: null, candidates: [MARAUDES], doubt: 'noTitle', target: { row: 2, col: 1 } });
    expect(messages(f)).toEqual({
      fr: `«\u00a0action sans intitulé\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (ni intitulé ni numéro de fiche, est-ce bien une action\u202f?). Vérifiez la ligne avant de saisir le code en B3.`,
      en: `"untitled action" (row 3): Chorus code missing, "${MARAUDES}" likely, not written (no title nor fiche number, is it an action?). Check the row before typing the code in B3.`,
    });
    // The card keeps the row's name: it has no label to show.
    expect(findingCardText(f, 'fr')).toBe(
      `«\u00a0action sans intitulé\u00a0»\u00a0: imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (ni intitulé ni numéro de fiche, est-ce bien une action\u202f?). Vérifiez la ligne avant de saisir le code dans la cellule.`,
    );
  });

  it('a code cell merged over two rows: the second row’s message names the merged cell', () => {
    const body = reference();
    at(body, 2)[1] = null;
    at(body, 3)[1] = null;
    const report = withMergedCodes(body, 2, 3);
    expect(report.fills.map((f) => `${f.cell} ${f.source}`)).toEqual(['B2 theme']);
    const second = report.findings.filter((f) => f.rule === 'MISSING_IMPUTATION')[1];
    expect(messages(second)).toEqual({
      fr: `«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (déduit du thème). Complétez la cellule fusionnée B2 avec ce code.`,
      en: `"Maraude de nuit" (row 3): Chorus code missing, to be filled with "${MARAUDES}" (inferred from the theme). Fill the merged cell B2 with this code.`,
    });
    expect(findingCardText(second, 'fr')).toBe(`Imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (déduit du thème). Complétez la cellule avec ce code.`);
  });

  it('a code cell merged over an action and a template row of its block: written once', () => {
    const body = reference();
    body.splice(1, 0, action('Maraudes mixtes', null, '', "Intitulé de l'action n°2", [null, null, null, null, null, null, null]));
    at(body, 2)[1] = null;
    expect(tableOf(body).table.rows[1].kind).toBe('placeholder');
    const report = withMergedCodes(body, 2, 3);
    // The block's code, written on row 4.
    expect(report.fills.map((f) => `${f.cell} ${f.source}`)).toEqual(['B2 block']);
    expect(report.proposals).toEqual([]);
  });

  it('a code cell merged over actions of two blocks with no total between: proposed, not written', () => {
    const body = reference();
    body.splice(1, 0, action('Prévention spécialisée', null, '2.0', 'Équipe de nuit', [10, 0, 10, 0, 0, 0, 20]));
    at(body, 2)[1] = null;
    const rows = tableOf(body).table.rows;
    expect([rows[0].kind, rows[1].kind]).toEqual(['action', 'action']);
    expect(rows[0].block).not.toBe(rows[1].block);
    const report = withMergedCodes(body, 2, 3);
    expect(report.fills).toEqual([]);
    expect(report.proposals.map((p) => `${p.cell} ${p.reason}`)).toEqual(['B2 sharedMerge']);
  });

  it('a row with no money needs no code', () => {
    const body = reference();
    at(body, 3)[1] = null;
    for (const i of [4, 6, 10]) at(body, 3)[i] = 0;
    expect(findingsOf('MISSING_IMPUTATION', body)).toEqual([]);
  });

  it('nor does a row whose only amount cannot be read', () => {
    const body = reference();
    at(body, 3)[1] = null;
    put(body, 3, 'A', 'à définir');
    put(body, 3, 'C', 0);
    put(body, 3, 'F', 0);
    expect(tableOf(body).table.rows[1].kind).toBe('action');
    expect(findingsOf('MISSING_IMPUTATION', body)).toEqual([]);
  });
});
