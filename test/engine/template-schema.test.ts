/**
 * A template given with --template is checked before use: its shape by the zod schema, then what
 * a shape cannot say. Every problem is said in French and names the key at fault.
 */
import calpae from '../../src/domain/templates/calpae-annexe9.json';
import { CALPAE_TEMPLATE } from '../../src/domain/template';
import { readTemplate } from '../../src/domain/template/schema';

const copy = () => JSON.parse(JSON.stringify(calpae));
const errorsOf = (json: unknown): string[] => {
  const read = readTemplate(json);
  return read.ok ? [] : read.errors;
};

describe('the template schema', () => {
  it('accepts the CALPAE annex 9 description, compiled as the engine uses it', () => {
    const read = readTemplate(calpae);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.template).toEqual(CALPAE_TEMPLATE);
  });

  it('names a key left out', () => {
    const d = copy();
    delete d.chorus;
    delete d.sections[1].total.labels;
    expect(errorsOf(d)).toEqual(['«\u00a0sections.1.total.labels\u00a0»\u00a0: clé manquante.', '«\u00a0chorus\u00a0»\u00a0: clé manquante.']);
  });

  it('names a value of the wrong shape, and a key it does not know, in French', () => {
    const d = copy();
    d.columns[7].letter = 'AA';
    d.coFinancing.state = 'title';
    d.sections[0].total.adds = 'tout';
    d.colonnes = [];
    const errors = errorsOf(d);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^«\u00a0columns\.7\.letter\u00a0»\u00a0: Chaîne de caractères invalide/);
    expect(errors[1]).toMatch(/^«\u00a0coFinancing\.state\u00a0»\u00a0: Option invalide : une valeur parmi "A"\|"B"/);
    expect(errors[2]).toMatch(/^«\u00a0sections\.0\.total\.adds\u00a0»\u00a0: Option invalide/);
    expect(errors[3]).toMatch(/^le modèle\u00a0: Clé non reconnue : "colonnes"/);
  });

  it('says what a shape cannot: a column that is not described, a code outside the list, a pattern without its capture', () => {
    const d = copy();
    d.columns = d.columns.filter((c: { key: string }) => c.key !== 'E');
    d.sections[1].code = '0304 50 19 19 99';
    d.chorus.pattern = '0304 50 19 19 \\d\\d';
    d.columns[0].letter = 'A';
    expect(errorsOf(d)).toEqual([
      '«\u00a0columns.7.letter\u00a0»\u00a0: la lettre A est déjà celle d’une autre colonne.',
      '«\u00a0amountColumns.5\u00a0»\u00a0: la colonne E n’est pas une colonne de montants décrite dans «\u00a0columns\u00a0».',
      '«\u00a0total.parts.4\u00a0»\u00a0: la colonne E n’est pas une colonne de montants décrite dans «\u00a0columns\u00a0».',
      '«\u00a0sections.1.code\u00a0»\u00a0: le code 0304 50 19 19 99 n’est pas dans «\u00a0chorus.codes\u00a0».',
      '«\u00a0chorus.pattern\u00a0»\u00a0: l’expression doit capturer les deux derniers chiffres du code, et eux seuls.',
    ]);
  });

  it('refuses a total that counts a column twice, or adds itself up', () => {
    const d = copy();
    d.total.parts = ['A', 'B', 'C', 'A', 'F'];
    expect(errorsOf(d)).toEqual([
      '«\u00a0total.parts.3\u00a0»\u00a0: la colonne A est déjà comptée dans le total.',
      '«\u00a0total.parts.4\u00a0»\u00a0: la colonne F est le total lui-même.',
    ]);
  });

  it('refuses a code not written under the prefix', () => {
    const d = copy();
    d.chorus.codes[2].code = '0305 50 19 19 04';
    expect(errorsOf(d)).toEqual(['«\u00a0chorus.codes.2.code\u00a0»\u00a0: un code s’écrit «\u00a00304 50 19 19\u00a0» suivi de deux chiffres.']);
  });
});
