/**
 * How one written label is read as a total (src/domain/totalLabels.ts): the template's labels with
 * their rank (control 0, grand total 1, then the sections' totals in order, the subtotal last), the
 * prefixes people type, « TOTAL » and a theme, and what stays uncertain. By hand, on the CALPAE
 * annex 9 and on a template whose words hold no « tot ».
 */
import calpae from '../../../src/domain/templates/calpae-annexe9.json';
import { CALPAE_TEMPLATE, TemplateDescription, compileTemplate } from '../../../src/domain/template';
import { TotalLabel, TotalLabelReader } from '../../../src/domain/totalLabels';

/** A template where a subtotal is a « cumul », « cml » stands for « cumul », « SOMME » and a theme is a theme total. */
function cumulTemplate() {
  const d = JSON.parse(JSON.stringify(calpae)) as TemplateDescription;
  d.subtotal.labels = ['cumul des actions'];
  d.rowLabelPrefixes = { cml: 'cumul' };
  d.themeTotal = ['somme'];
  d.totalWords = ['cumul', 'somme'];
  return compileTemplate(d);
}

describe('a written label read as a total', () => {
  it('names each total of the CALPAE annex with its rank, the most specific first', () => {
    const reader = new TotalLabelReader(CALPAE_TEMPLATE);
    expect(reader.read('Total de contrôle')).toEqual({ kind: 'named', total: { kind: 'control' }, rank: 0 });
    expect(reader.read('TOTAUX FINANCIERS')).toEqual({ kind: 'named', total: { kind: 'grandTotal' }, rank: 1 });
    expect(reader.read('Totaux généraux')).toEqual({ kind: 'named', total: { kind: 'grandTotal' }, rank: 1 });
    expect(reader.read('Sous-total mesures socle')).toEqual({ kind: 'named', total: { kind: 'sectionTotal', section: 'socle' }, rank: 2 });
    expect(reader.read('Total des initiatives :')).toEqual({ kind: 'named', total: { kind: 'sectionTotal', section: 'initiative' }, rank: 3 });
    expect(reader.read('Sous total')).toEqual({ kind: 'named', total: { kind: 'subtotal' }, rank: 4 });
  });

  it('rewrites the prefixes people type, the longest first, before matching', () => {
    const reader = new TotalLabelReader(CALPAE_TEMPLATE);
    const subtotal = { kind: 'named', total: { kind: 'subtotal' }, rank: 4 };
    expect(reader.read('Ss-total :')).toEqual(subtotal);
    expect(reader.read('Sous-totaux')).toEqual(subtotal);
    expect(reader.read('Totaux partiels')).toEqual(subtotal);
    expect(reader.read('S/TOTAL ENGAGEMENTS DES MESURES SOCLE :')).toEqual({ kind: 'named', total: { kind: 'sectionTotal', section: 'socle' }, rank: 2 });
  });

  it('« TOTAL » and other words is a theme total, a total word elsewhere an uncertain total, the rest no total', () => {
    const reader = new TotalLabelReader(CALPAE_TEMPLATE);
    expect(reader.read('TOTAL Maraudes mixtes')).toEqual({ kind: 'themeTotal', rest: 'maraudes mixtes' });
    expect(reader.read('Total')).toEqual({ kind: 'uncertain' });
    expect(reader.read('Montant TOTAL hors valorisation')).toEqual({ kind: 'uncertain' });
    expect(reader.read('Totalement gratuit')).toBeNull();
    expect(reader.read('Soutien à la parentalité')).toBeNull();
    expect(reader.read('— ')).toBeNull();
    expect(reader.read('')).toBeNull();
  });

  it('reads a template whose total words hold no « tot » when the label starts with one', () => {
    const reader = new TotalLabelReader(cumulTemplate());
    expect(reader.read('Cumul des actions :')).toEqual({ kind: 'named', total: { kind: 'subtotal' }, rank: 4 });
    expect(reader.read('CML des actions')).toEqual({ kind: 'named', total: { kind: 'subtotal' }, rank: 4 });
    expect(reader.read('SOMME Maraudes')).toEqual({ kind: 'themeTotal', rest: 'maraudes' });
    expect(reader.read('Cumul')).toEqual({ kind: 'uncertain' });
    // Only labels starting with a total word, or holding « tot », are read in full (titles are many).
    expect(reader.read('Charges cumul')).toBeNull();
    expect(reader.read('Cumulatif')).toBeNull();
  });

  it('a label indented or underlined by many characters before its first word is read as well', () => {
    const reader = new TotalLabelReader(cumulTemplate());
    const subtotal = { kind: 'named', total: { kind: 'subtotal' }, rank: 4 };
    expect(reader.read(`${' '.repeat(30)}Cumul des actions`)).toEqual(subtotal);
    expect(reader.read(`${'-'.repeat(26)} > Cumul des actions`)).toEqual(subtotal);
    expect(reader.read(`${'\u00a0'.repeat(24)}SOMME Maraudes`)).toEqual({ kind: 'themeTotal', rest: 'maraudes' });
  });
});

describe('the strongest label of a row', () => {
  const named = (rank: number): TotalLabel => ({ kind: 'named', total: { kind: 'subtotal' }, rank });
  const theme = (rest: string): TotalLabel => ({ kind: 'themeTotal', rest });
  const uncertain = (): TotalLabel => ({ kind: 'uncertain' });

  it('a named total over a theme total over an uncertain one, in either order; none when neither is', () => {
    const reader = new TotalLabelReader(CALPAE_TEMPLATE);
    const [n, t, u] = [named(4), theme('maraudes'), uncertain()];
    expect(reader.best(null, null)).toBeNull();
    expect(reader.best(null, u)).toBe(u);
    expect(reader.best(u, null)).toBe(u);
    expect(reader.best(n, t)).toBe(n);
    expect(reader.best(t, n)).toBe(n);
    expect(reader.best(t, u)).toBe(t);
    expect(reader.best(u, t)).toBe(t);
    expect(reader.best(u, n)).toBe(n);
  });

  it('of two named totals the lower rank; of two equal ones, or of two of a kind, the first', () => {
    const reader = new TotalLabelReader(CALPAE_TEMPLATE);
    const [grand, sub, sub2] = [named(1), named(4), named(4)];
    expect(reader.best(sub, grand)).toBe(grand);
    expect(reader.best(grand, sub)).toBe(grand);
    expect(reader.best(sub, sub2)).toBe(sub);
    const [t1, t2] = [theme('maraudes'), theme('prevention')];
    expect(reader.best(t1, t2)).toBe(t1);
    const [u1, u2] = [uncertain(), uncertain()];
    expect(reader.best(u2, u1)).toBe(u2);
  });
});

describe('the words after « TOTAL » name a theme', () => {
  it('when they hold a theme of the table, or a theme holds them, or a theme the template knows a code for', () => {
    const reader = new TotalLabelReader(CALPAE_TEMPLATE);
    expect(reader.namesTheme('lutte contre l isolement', ['actions de lutte contre l isolement'])).toBe(true);
    // One theme of the table is enough, wherever it stands among them.
    expect(reader.namesTheme('lutte contre l isolement', ['prevention specialisee', 'actions de lutte contre l isolement'])).toBe(true);
    expect(reader.namesTheme('lutte contre l isolement rural', ['lutte contre l isolement'])).toBe(true);
    expect(reader.namesTheme('maraudes de nuit', [])).toBe(true);
    expect(reader.namesTheme('hors valorisation', ['maraudes mixtes', ''])).toBe(false);
    expect(reader.namesTheme('isolement', ['lutte contre l isolement rural'])).toBe(true);
    expect(reader.namesTheme('isole', ['lutte contre l isolement'])).toBe(false);
    // No words name no theme, not even an empty one.
    expect(reader.namesTheme('', ['', 'maraudes'])).toBe(false);
  });
});
