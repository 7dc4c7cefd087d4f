/** The summary's derived columns (A − C, (A+B)/F) and how a code is described, on hand-typed figures. */
import { CALPAE_TEMPLATE, AnnexTemplate } from '../../../src/domain/template';
import { derivedColumns, withDerivedOf } from '../../../src/domain/summary/figures';
import { codeDescription } from '../../../src/domain/summary/notified';
import { parseNotified } from '../../../src/domain';

describe('derived columns', () => {
  it('found by kind, whatever their order in the template; the share needs the required columns only', () => {
    const reversed: AnnexTemplate = { ...CALPAE_TEMPLATE, summaryDerived: [...CALPAE_TEMPLATE.summaryDerived].reverse() };
    const d = derivedColumns(reversed);
    expect([d.gap?.kind, d.gap?.label.fr, d.share?.kind, d.share?.label.fr]).toEqual(['difference', 'Écart A − C', 'share', 'Part État (A+B)/F']);
    // The annex's required columns are the title, A, C and F: of the amounts, A, C and F.
    expect(derivedColumns(CALPAE_TEMPLATE).required).toEqual(['A', 'C', 'F']);
  });

  it('an annex without State carry-overs (no B): B counts as zero in the share', () => {
    // (300 + 0) / 1200 = 0.25; A − C = 300 − 900.
    const f = withDerivedOf({ A: 30000, C: 90000, F: 120000 }, derivedColumns(CALPAE_TEMPLATE));
    expect([f.gapAC, f.stateShare?.toFixed()]).toEqual([-60000, '0.25']);
  });

  it('an annex without A: no gap, no share', () => {
    const f = withDerivedOf({ B: 30000, C: 90000, F: 120000 }, derivedColumns(CALPAE_TEMPLATE));
    expect([f.gapAC, f.stateShare]).toEqual([null, null]);
  });
});

describe('a code described', () => {
  const OTHER = '0304 50 19 19 99';
  it('by the template’s label when it knows the code, else by the text shown, its code part cut off', () => {
    expect(codeDescription(CALPAE_TEMPLATE, '0304 50 19 19 04', 'n’importe quoi', 'fr')).toBe('Référents de parcours');
    expect(codeDescription(CALPAE_TEMPLATE, OTHER, `${OTHER} - Autre action`, 'fr')).toBe('Autre action');
    expect(codeDescription(CALPAE_TEMPLATE, OTHER, `${OTHER}  -  Autre action `, 'fr')).toBe('Autre action');
    expect(codeDescription(CALPAE_TEMPLATE, OTHER, 'Autre action', 'fr')).toBe('Autre action');
    // A dash after something else than the code is part of the text.
    expect(codeDescription(CALPAE_TEMPLATE, OTHER, 'Voir fiche 12 - Autre action', 'fr')).toBe('Voir fiche 12 - Autre action');
    expect(codeDescription(CALPAE_TEMPLATE, OTHER, null, 'fr')).toBe(OTHER);
    expect([codeDescription(CALPAE_TEMPLATE, null, null, 'fr'), codeDescription(CALPAE_TEMPLATE, null, null, 'en')]).toEqual(['Sans imputation Chorus', 'No Chorus code']);
  });

  it('a notified amount under a code the annex does not have, in English: the code as typed, and the valid ones', () => {
    expect(parseNotified('99=5', 'en')).toEqual({
      ok: false,
      error:
        "\"99\": code 0304 50 19 19 99 is not a Chorus code of the annex. Valid codes: 02 (Formation travail social CD contract), 03 (1er accueil social inconditionnel), 04 (Référents de parcours), 05 (Maraudes Etat (sans abri) / conseil départemental (ASE)), 06 (Soutien à des actions de prévention spécialisée), 07 (Garantie d'activité et insertion des BRSA), 10 (Initiatives locales).",
    });
  });
});
