/**
 * Chorus codes as the template describes them (src/domain/template/chorus.ts): found in a cell's
 * text however it is spaced, typed by hand as two digits, found from a theme's words. By hand, on
 * the CALPAE annex 9 (prefix 0304 50 19 19).
 */
import calpae from '../../../src/domain/templates/calpae-annexe9.json';
import { CALPAE_TEMPLATE, TemplateDescription, codesForTheme, compileTemplate, parseChorusCode, parseTypedCode } from '../../../src/domain/template';

const codes = (theme: string) => codesForTheme(CALPAE_TEMPLATE, theme).map((c) => c.code);

describe('a Chorus code in a cell', () => {
  it('is found however it is spaced, and given in its canonical form', () => {
    expect(parseChorusCode(CALPAE_TEMPLATE, '0304 50 19 19 05')).toBe('0304 50 19 19 05');
    expect(parseChorusCode(CALPAE_TEMPLATE, 'Imputation : 0304501919 07 - Garantie d’activité')).toBe('0304 50 19 19 07');
    expect(parseChorusCode(CALPAE_TEMPLATE, '304 50 19 19 10')).toBe('0304 50 19 19 10');
    expect(parseChorusCode(CALPAE_TEMPLATE, '03 04 50 19 19 06')).toBe('0304 50 19 19 06');
    expect(parseChorusCode(CALPAE_TEMPLATE, '0 3 0 4\t5 0 1 9 1 9\n0 4')).toBe('0304 50 19 19 04');
  });

  it('a code the template does not list keeps its digits; other numbers and words are no code', () => {
    expect(parseChorusCode(CALPAE_TEMPLATE, '0304 50 19 19 99')).toBe('0304 50 19 19 99');
    expect(parseChorusCode(CALPAE_TEMPLATE, '0304 50 19 18 05')).toBeNull();
    expect(parseChorusCode(CALPAE_TEMPLATE, 'Maraudes mixtes')).toBeNull();
    expect(parseChorusCode(CALPAE_TEMPLATE, '')).toBeNull();
  });
});

describe('a code typed by hand', () => {
  it('one or two digits are the code’s last two, spaces of any kind left out', () => {
    expect(parseTypedCode(CALPAE_TEMPLATE, '3')).toBe('0304 50 19 19 03');
    expect(parseTypedCode(CALPAE_TEMPLATE, '03')).toBe('0304 50 19 19 03');
    expect(parseTypedCode(CALPAE_TEMPLATE, ' 0 7 ')).toBe('0304 50 19 19 07');
    expect(parseTypedCode(CALPAE_TEMPLATE, '\u00a005\u202f')).toBe('0304 50 19 19 05');
  });

  it('a whole code is read as in a cell; three digits or words are no code', () => {
    expect(parseTypedCode(CALPAE_TEMPLATE, '030450191903')).toBe('0304 50 19 19 03');
    expect(parseTypedCode(CALPAE_TEMPLATE, '0304 50 19 19 03 - 1er accueil social inconditionnel')).toBe('0304 50 19 19 03');
    expect(parseTypedCode(CALPAE_TEMPLATE, '123')).toBeNull();
    expect(parseTypedCode(CALPAE_TEMPLATE, 'trois')).toBeNull();
    expect(parseTypedCode(CALPAE_TEMPLATE, '')).toBeNull();
  });
});

describe('the codes a theme names', () => {
  it('each code one of whose theme phrases the theme holds as whole words', () => {
    expect(codesForTheme(CALPAE_TEMPLATE, 'maraudes de nuit')).toEqual([
      { code: '0304 50 19 19 05', label: '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)', themes: ['maraudes mixtes', 'maraudes'] },
    ]);
    expect(codes('maraudes et prevention specialisee')).toEqual(['0304 50 19 19 05', '0304 50 19 19 06']);
    expect(codes('plan de formation des travailleurs sociaux')).toEqual(['0304 50 19 19 02']);
    expect(codes('maraudeurs')).toEqual([]);
    expect(codes('')).toEqual([]);
  });

  it('no theme names no code, even where a template lists a theme of punctuation only', () => {
    const d = JSON.parse(JSON.stringify(calpae)) as TemplateDescription;
    d.chorus.codes[0].themes.push('—');
    const t = compileTemplate(d);
    expect(codesForTheme(t, '')).toEqual([]);
    expect(codesForTheme(t, 'plan de formation').map((c) => c.code)).toEqual(['0304 50 19 19 02']);
  });
});
