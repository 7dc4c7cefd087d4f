/** Refusal messages of the Office side: what is wrong, where, and what to do, in French first. */
import { officeText } from '../../src/office/messages';

describe('officeText.sheetChanged', () => {
  it('names a cell, or the cells of a range a change event reports', () => {
    expect(officeText.sheetChanged('fr', 'L51')).toBe(
      "La feuille a été modifiée depuis le contrôle (cellule L51)\u00a0: relancez le contrôle avant de poser les marques. Rien n’a été modifié.",
    );
    expect(officeText.sheetChanged('fr', 'B5:C9')).toMatch(/^La feuille a été modifiée depuis le contrôle \(cellules B5:C9\)\u00a0: relancez le contrôle/);
    expect(officeText.sheetChanged('en', 'B5:C9')).toMatch(/^The sheet changed since the check \(cells B5:C9\): run the check again/);
  });
});
