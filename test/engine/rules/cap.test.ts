/** VALORISATION_EXCEEDS_C alone (src/domain/rules/cap.ts): the valued share never above C. */
import calpae from '../../../src/domain/templates/calpae-annexe9.json';
import { ruleOf } from '../../../src/domain/rules/registry';
import { CALPAE_TEMPLATE, TemplateDescription, compileTemplate } from '../../../src/domain/template';
import { findingCardText } from '../../../src/domain/words/render';
import { put, reference } from '../../support/hand-table';
import { brief, findingsOf, messages } from '../../support/rule-table';

describe('VALORISATION_EXCEEDS_C: a capped column under its cap', () => {
  it('holds on the reference table, and at C exactly', () => {
    expect(findingsOf('VALORISATION_EXCEEDS_C', reference())).toEqual([]);
    const body = reference();
    put(body, 2, 'V', 100);
    expect(findingsOf('VALORISATION_EXCEEDS_C', body)).toEqual([]);
  });

  it('one cent above C is a finding at the valued share, C expected', () => {
    const body = reference();
    put(body, 2, 'V', 100.01);
    const found = findingsOf('VALORISATION_EXCEEDS_C', body);
    expect(brief(found)).toEqual(['VALORISATION_EXCEEDS_C@H2 100→100.01']);
    expect(found[0].args).toEqual({ max: 'C' });
    expect(messages(found[0])).toEqual({
      fr: '«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: dont valorisation CD 100,01\u00a0€ dépasse les crédits CD (C) 100,00\u00a0€ — écart +0,01\u00a0€. Ramenez la valorisation à 100,00\u00a0€ au plus, ou corrigez C.',
      en: '"Maraude de jour" (row 2): valued share €100.01 exceeds C €100.00 — gap +€0.01. Bring the valued share down to €100.00 at most, or correct C.',
    });
    expect(findingCardText(found[0], 'fr')).toBe('Dont valorisation CD 100,01\u00a0€ dépasse les crédits CD (C) 100,00\u00a0€ — écart +0,01\u00a0€. Ramenez la valorisation à 100,00\u00a0€ au plus, ou corrigez C.');
    expect(findingCardText(found[0], 'en')).toBe('Valued share €100.01 exceeds C €100.00 — gap +€0.01. Bring the valued share down to €100.00 at most, or correct C.');
    expect(ruleOf('VALORISATION_EXCEEDS_C').live(found[0])).toEqual({ kind: 'atMost', column: 'valorisation', max: 'C' });
  });

  it('a zero valued share exceeds nothing, even over a negative C (a reversal); a positive one does', () => {
    const body = reference();
    put(body, 3, 'C', -50);
    put(body, 3, 'V', 0);
    expect(findingsOf('VALORISATION_EXCEEDS_C', body)).toEqual([]);
    put(body, 3, 'V', 10);
    expect(brief(findingsOf('VALORISATION_EXCEEDS_C', body))).toEqual(['VALORISATION_EXCEEDS_C@H3 -50→10']);
  });

  it('its title names the cap’s column; a template with no capped column still has one', () => {
    const rule = ruleOf('VALORISATION_EXCEEDS_C');
    expect(rule.title.fr(CALPAE_TEMPLATE)).toBe('Valorisation supérieure aux crédits CD');
    expect(rule.title.en(CALPAE_TEMPLATE)).toBe('Valued share above C');
    const d = JSON.parse(JSON.stringify(calpae)) as TemplateDescription;
    d.capped = [];
    expect(rule.title.en(compileTemplate(d))).toBe('Valued share above C');
  });
});
