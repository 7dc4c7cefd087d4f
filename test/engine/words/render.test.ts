/** The words layer's edge (src/domain/words/render.ts): a message continued after a colon. */
import { afterColon, colon, summaryIsNotAnnexMessage } from '../../../src/domain/words/render';

describe('afterColon: a sentence continued after « annexe.xlsx : » starts in lower case', () => {
  it('a capital followed by a small letter goes to lower case, the rest kept', () => {
    expect(afterColon('No annex 9 found in this workbook.', 'en')).toBe('no annex 9 found in this workbook.');
    expect(afterColon('Aucune annexe 9 trouvée.', 'fr')).toBe('aucune annexe 9 trouvée.');
    expect(afterColon('État des lieux', 'fr')).toBe('état des lieux');
  });

  it('an acronym, a cell address or a word already in lower case is left as it is', () => {
    expect(afterColon('CALPAE annex 9', 'en')).toBe('CALPAE annex 9');
    // A capital word further on is not the sentence's start.
    expect(afterColon('F22 and Sheet', 'en')).toBe('F22 and Sheet');
    expect(afterColon('AB Cd', 'en')).toBe('AB Cd');
    expect(afterColon('no annex', 'en')).toBe('no annex');
    expect(afterColon('« Budget » : aucune annexe', 'fr')).toBe('« Budget » : aucune annexe');
    expect(afterColon('', 'fr')).toBe('');
  });

  it('the colon itself, spaced as each language wants', () => {
    expect(colon('fr')).toBe('\u00a0: ');
    expect(colon('en')).toBe(': ');
  });

  it('a summary sheet asked for as an annex', () => {
    expect(summaryIsNotAnnexMessage('Synthèse', 'en')).toBe('Sheet "Synthèse" is a summary made by the annex 9 check, not an annex: check the financial table sheet instead.');
  });
});
