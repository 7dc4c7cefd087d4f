/** What the comparison says about the tables themselves: its notices and how the execution table was recognised. */
import { compareTables } from '../../../src/domain/compare/compare';
import { noticeText, renderComparison } from '../../../src/domain/compare/render';
import { ACCUEIL } from './scenes';
import { HandTable, acf, handTable } from './tables';

const base = (labels?: HandTable['labels'], sheet = 'Annexe 9'): HandTable => ({
  sheet,
  columns: ['A', 'C', 'F'],
  labels,
  blocks: [{ theme: 'Accueil', code: ACCUEIL, actions: [{ row: 7, title: 'Alpha', amounts: acf(100, 100) }] }],
});

describe('notices', () => {
  it('each in French and English, whole', () => {
    const evidence = { where: 'title' as const, text: 'Réalisé 2023', marker: 'realise' };
    expect(noticeText({ code: 'COLUMN_ONLY_ONE_SIDE', column: 'valorisation', side: 'new' }, 'fr')).toBe(
      'La colonne dont valorisation CD n’existe que dans la nouvelle version\u00a0: elle n’est pas comparée.',
    );
    expect(noticeText({ code: 'COLUMN_ONLY_ONE_SIDE', column: 'B', side: 'old' }, 'en')).toBe('Column B exists only in the old version: it is not compared.');
    expect(noticeText({ code: 'SECOND_LOOKS_LIKE_EXECUTION', evidence }, 'fr')).toBe(
      'Le second tableau ressemble à un tableau d’exécution («\u00a0Réalisé 2023\u00a0»)\u00a0: comparé ici comme une version, à votre demande (--execution pour le prévu et le réalisé).',
    );
    const exec = { where: 'sheet' as const, text: 'Exécution 2023', marker: 'execution' };
    expect(noticeText({ code: 'BOTH_LOOK_LIKE_EXECUTION', old: evidence, new: exec }, 'fr')).toBe(
      'Les deux tableaux ressemblent à des tableaux d’exécution («\u00a0Réalisé 2023\u00a0», «\u00a0Exécution 2023\u00a0»)\u00a0: comparés comme deux versions. Pour le prévu et le réalisé, indiquez que le second est le tableau d’exécution (--execution, ou la case du volet).',
    );
    expect(noticeText({ code: 'BOTH_LOOK_LIKE_EXECUTION', old: evidence, new: exec }, 'en')).toBe(
      'Both tables look like execution tables ("Réalisé 2023", "Exécution 2023"): compared as two versions. For planned against spent, say the second is the execution table (--execution, or the pane\'s check box).',
    );
    expect(noticeText({ code: 'SECOND_LOOKS_LIKE_EXECUTION', evidence }, 'en')).toBe(
      'The second table looks like an execution table ("Réalisé 2023"): compared as a version here, as asked (--execution for planned against spent).',
    );
  });

  it('a second table that looks like an execution table, compared as a version because the user said so', () => {
    const spent = handTable(base([{ where: 'title', text: 'Réalisé 2023', key: 'realise 2023' }]));
    const r = compareTables(handTable(base()), spent, { mode: 'versions' });
    expect([r.mode, r.modeSource, r.identical]).toEqual(['versions', 'option', true]);
    expect(r.notices).toEqual([{ code: 'SECOND_LOOKS_LIKE_EXECUTION', evidence: { where: 'title', text: 'Réalisé 2023', marker: 'realise' } }]);
    // By default the same table is taken for what it looks like.
    const auto = compareTables(handTable(base()), spent);
    expect([auto.mode, auto.modeSource, auto.notices]).toEqual(['execution', 'recognised', []]);
  });

  it('a first table that looks like an execution table, the second not: said; both alike: not said', () => {
    const spent = () => handTable(base([{ where: 'title', text: 'Réalisé 2023', key: 'realise 2023' }]));
    const r = compareTables(spent(), handTable(base()));
    expect([r.mode, r.modeSource, r.notices]).toEqual(['versions', 'default', [{ code: 'FIRST_LOOKS_LIKE_EXECUTION', evidence: { where: 'title', text: 'Réalisé 2023', marker: 'realise' } }]]);
    // Both execution tables (an execution report and its corrected version): neither is a plan, so
    // two versions, and said; asked for, planned against spent it is.
    const both = compareTables(spent(), spent());
    const evidence = { where: 'title', text: 'Réalisé 2023', marker: 'realise' };
    expect([both.mode, both.modeSource, both.notices]).toEqual(['versions', 'default', [{ code: 'BOTH_LOOK_LIKE_EXECUTION', old: evidence, new: evidence }]]);
    const asked = compareTables(spent(), spent(), { mode: 'execution' });
    expect([asked.mode, asked.modeSource, asked.notices]).toEqual(['execution', 'option', []]);
    expect(compareTables(handTable(base()), handTable(base())).notices).toEqual([]);
  });

  it('no column F on either side: said for planned against spent only (its rate is F spent / F planned)', () => {
    const noF = (labels?: HandTable['labels']) => handTable({ ...base(labels), columns: ['A', 'C'] });
    expect(compareTables(noF(), noF(), { mode: 'execution' }).notices).toEqual([{ code: 'NO_F_COLUMN' }]);
    expect(compareTables(noF(), noF(), { mode: 'versions' }).notices).toEqual([]);
    // F on one side only: not compared, so said too, after the column's own notice.
    expect(compareTables(noF(), handTable(base()), { mode: 'execution' }).notices).toEqual([
      { code: 'COLUMN_ONLY_ONE_SIDE', column: 'F', side: 'new' },
      { code: 'NO_F_COLUMN' },
    ]);
    expect(compareTables(handTable(base()), handTable(base()), { mode: 'execution' }).notices).toEqual([]);
  });

  it('the report says where the execution table was recognised: its sheet name, a title, a header label', () => {
    const said = (where: 'sheet' | 'header', lang: 'fr' | 'en') =>
      renderComparison(compareTables(handTable(base()), handTable(base([{ where, text: 'Dépenses réalisées', key: 'depenses realisees' }]))), { lang }).split('\n')[3];
    expect(said('sheet', 'fr')).toBe('  Reconnu comme tableau d’exécution\u00a0: «\u00a0Dépenses réalisées\u00a0» (nom de la feuille).');
    expect(said('header', 'fr')).toBe('  Reconnu comme tableau d’exécution\u00a0: «\u00a0Dépenses réalisées\u00a0» (en-tête).');
    expect(said('sheet', 'en')).toBe('  Recognised as an execution table: "Dépenses réalisées" (sheet name).');
    expect(said('header', 'en')).toBe('  Recognised as an execution table: "Dépenses réalisées" (header).');
  });
});
