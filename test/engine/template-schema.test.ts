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
    expect(errorsOf(d)).toEqual([
      '«\u00a0columns.7.letter\u00a0»\u00a0: Chaîne de caractères invalide : doit correspondre au motif /^[A-Za-z]$/',
      '«\u00a0coFinancing.state\u00a0»\u00a0: Option invalide : une valeur parmi "A"|"B"|"C"|"valorisation"|"D"|"E"|"F" attendue',
      '«\u00a0sections.0.total.adds\u00a0»\u00a0: Option invalide : une valeur parmi "subtotals"|"rows" attendue',
      'le modèle\u00a0: Clé non reconnue : "colonnes"',
    ]);
  });

  it('says what the whole file is when it is no description at all', () => {
    expect(errorsOf(undefined)).toEqual(['le modèle\u00a0: Entrée invalide : objet attendu, indéfini reçu']);
    expect(errorsOf(null)).toEqual(['le modèle\u00a0: Entrée invalide : objet attendu, null reçu']);
    expect(errorsOf('calpae')).toEqual(['le modèle\u00a0: Entrée invalide : objet attendu, chaîne de caractères reçu']);
  });

  it('names an empty name, list or share, a key given as null, a prefix that is not text', () => {
    const d = copy();
    d.id = '';
    d.columns = [];
    d.coFinancing.shares.state = 0;
    d.rowLabelPrefixes = { 'ss total': 3 };
    d.chorus = null;
    expect(errorsOf(d)).toEqual([
      '«\u00a0id\u00a0»\u00a0: Trop petit : chaîne de caractères doit avoir >=1 caractères',
      '«\u00a0columns\u00a0»\u00a0: Trop petit : tableau doit avoir >=1 éléments',
      '«\u00a0coFinancing.shares.state\u00a0»\u00a0: Trop petit : nombre doit être >0',
      '«\u00a0rowLabelPrefixes.ss total\u00a0»\u00a0: Entrée invalide : chaîne de caractères attendu, nombre reçu',
      '«\u00a0chorus\u00a0»\u00a0: Entrée invalide : objet attendu, null reçu',
    ]);
  });

  it('a section id is a word starting with a lower-case letter', () => {
    const pattern = 'Chaîne de caractères invalide : doit correspondre au motif /^[a-z][a-zA-Z0-9]*$/';
    const d = copy();
    d.sections[0].id = '1socle';
    d.sections[1].id = 'initiatives-locales';
    expect(errorsOf(d)).toEqual([`«\u00a0sections.0.id\u00a0»\u00a0: ${pattern}`, `«\u00a0sections.1.id\u00a0»\u00a0: ${pattern}`]);
    const ok = copy();
    ok.sections[0].id = 'axe2Bis';
    expect(errorsOf(ok)).toEqual([]);
  });

  it('accepts lower-case letters, a share of one column, and compiles them', () => {
    const d = copy();
    d.columns[4].letter = 'b';
    d.summary.derived[1] = { kind: 'share', of: ['A'], over: 'F', label: { fr: 'Part État A/F', en: 'State share A/F' } };
    const read = readTemplate(d);
    expect(read.ok ? [read.template.letters.get('b'), read.template.columnLetter.B, read.template.summaryDerived[1].of] : read.errors).toEqual(['B', 'b', ['A']]);
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

  it('names every place a column the description lacks is used', () => {
    const d = copy();
    d.columns = d.columns.filter((c: { key: string }) => !['title', 'valorisation', 'A', 'C', 'F'].includes(c.key));
    const notDescribed = (path: string, k: string) => `«\u00a0${path}\u00a0»\u00a0: la colonne ${k} n’est pas décrite dans «\u00a0columns\u00a0».`;
    const notAmount = (path: string, k: string) => `«\u00a0${path}\u00a0»\u00a0: la colonne ${k} n’est pas une colonne de montants décrite dans «\u00a0columns\u00a0».`;
    expect(errorsOf(d)).toEqual([
      notDescribed('requiredColumns.0', 'title'),
      notDescribed('requiredColumns.1', 'A'),
      notDescribed('requiredColumns.2', 'C'),
      notDescribed('requiredColumns.3', 'F'),
      notAmount('amountColumns.0', 'A'),
      notAmount('amountColumns.2', 'C'),
      notAmount('amountColumns.3', 'valorisation'),
      notAmount('amountColumns.6', 'F'),
      notAmount('total.column', 'F'),
      notAmount('total.parts.0', 'A'),
      notAmount('total.parts.2', 'C'),
      notAmount('coFinancing.state', 'A'),
      notAmount('coFinancing.departement', 'C'),
      notAmount('capped.0.column', 'valorisation'),
      notAmount('capped.0.max', 'C'),
      notAmount('summary.derived.0.of.0', 'A'),
      notAmount('summary.derived.0.of.1', 'C'),
      notAmount('summary.derived.1.of.0', 'A'),
      notAmount('summary.derived.1.over', 'F'),
    ]);
    // Typed whole once: what a user reads.
    expect(errorsOf(d)[0]).toBe('«\u00a0requiredColumns.0\u00a0»\u00a0: la colonne title n’est pas décrite dans «\u00a0columns\u00a0».');
    expect(errorsOf(d)[8]).toBe('«\u00a0total.column\u00a0»\u00a0: la colonne F n’est pas une colonne de montants décrite dans «\u00a0columns\u00a0».');
  });

  it('refuses a column of the wrong kind, one described twice, a letter taken whatever its case', () => {
    const d = copy();
    d.columns[0].kind = 'amount';
    d.columns[6].kind = 'text';
    d.columns.push({ ...d.columns[9], letter: 'e' });
    expect(errorsOf(d)).toEqual([
      '«\u00a0columns.0.kind\u00a0»\u00a0: la colonne theme est une colonne de texte.',
      '«\u00a0columns.6.kind\u00a0»\u00a0: la colonne valorisation est une colonne de montants.',
      '«\u00a0columns.11.key\u00a0»\u00a0: la colonne E est décrite deux fois.',
      '«\u00a0columns.11.letter\u00a0»\u00a0: la lettre e est déjà celle d’une autre colonne.',
      '«\u00a0amountColumns.3\u00a0»\u00a0: la colonne valorisation n’est pas une colonne de montants décrite dans «\u00a0columns\u00a0».',
      '«\u00a0capped.0.column\u00a0»\u00a0: la colonne valorisation n’est pas une colonne de montants décrite dans «\u00a0columns\u00a0».',
    ]);
  });

  it('refuses a gap between three columns, a share over nothing, a section described twice', () => {
    const d = copy();
    d.summary.derived[0].of = ['A', 'C', 'E'];
    delete d.summary.derived[1].over;
    d.sections[1].id = 'socle';
    expect(errorsOf(d)).toEqual([
      '«\u00a0summary.derived.0.of\u00a0»\u00a0: un écart se fait entre deux colonnes.',
      '«\u00a0summary.derived.1.over\u00a0»\u00a0: une part dit sur quelle colonne elle est prise.',
      '«\u00a0sections.1.id\u00a0»\u00a0: la section socle est décrite deux fois.',
    ]);
    const one = copy();
    one.summary.derived[0].of = ['A'];
    expect(errorsOf(one)).toEqual(['«\u00a0summary.derived.0.of\u00a0»\u00a0: un écart se fait entre deux colonnes.']);
  });

  it('refuses a pattern that does not compile, or captures more than the two digits', () => {
    const d = copy();
    d.chorus.pattern = '0304 (\\d\\d';
    d.chorus.compactPattern = '(0?)30450191\\s?9(\\d\\d)';
    expect(errorsOf(d)).toEqual([
      '«\u00a0chorus.pattern\u00a0»\u00a0: expression régulière invalide (Invalid regular expression: /0304 (\\d\\d|/: Unterminated group).',
      '«\u00a0chorus.compactPattern\u00a0»\u00a0: l’expression doit capturer les deux derniers chiffres du code, et eux seuls.',
    ]);
  });

  it('refuses a code under the prefix without exactly two digits after it', () => {
    const d = copy();
    d.chorus.codes[0].code = '0304 50 19 19 2';
    d.chorus.codes[1].code = '0304 50 19 19 103';
    expect(errorsOf(d)).toEqual([
      '«\u00a0chorus.codes.0.code\u00a0»\u00a0: un code s’écrit «\u00a00304 50 19 19\u00a0» suivi de deux chiffres.',
      '«\u00a0chorus.codes.1.code\u00a0»\u00a0: un code s’écrit «\u00a00304 50 19 19\u00a0» suivi de deux chiffres.',
    ]);
  });

  it('refuses a code not written under the prefix', () => {
    const d = copy();
    d.chorus.codes[2].code = '0305 50 19 19 04';
    expect(errorsOf(d)).toEqual(['«\u00a0chorus.codes.2.code\u00a0»\u00a0: un code s’écrit «\u00a00304 50 19 19\u00a0» suivi de deux chiffres.']);
  });
});
