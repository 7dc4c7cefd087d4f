/**
 * Lines with nothing to name them: no theme, no code, no title, no fiche, no amount; and two
 * identical versions. Report, sheet plan, typed by hand (scenes.ts: bareVersions).
 */
import { compareTables } from '../../../src/domain/compare/compare';
import { renderComparison } from '../../../src/domain/compare/render';
import { CompareSlot, planComparisonSheet } from '../../../src/domain/compare/sheetPlan';
import { ACCUEIL, bareVersions, movedVersions } from './scenes';
import { HandAction, acf, handTable } from './tables';

const t = (text: string): CompareSlot => ({ cell: { kind: 'text', text } });
const m = (cents: number, fill?: string): CompareSlot => (fill ? { cell: { kind: 'amount', cents }, fill } : { cell: { kind: 'amount', cents } });
const n = (value: number): CompareSlot => ({ cell: { kind: 'count', value } });

describe('lines with nothing to name them', () => {
  it('the report in French', () => {
    expect(renderComparison(bareVersions()).split('\n')).toEqual([
      'Comparaison de deux versions de l’annexe 9',
      '  Ancienne version\u00a0: feuille «\u00a0S\u00a0», tableau en B5, 1 action',
      '  Nouvelle version\u00a0: feuille «\u00a0S\u00a0», tableau en B5, 2 actions',
      '',
      'Différences\u00a0: 1 action ajoutée, 0 retirée, 1 modifiée\u202f; 0 mesure, 2 imputations et 0 total dont les montants changent\u202f; anomalies\u00a0: 0 apparue, 0 disparue.',
      '',
      'Actions ajoutées (1)',
      '  + ligne 6\u00a0: action sans intitulé — sans thème — sans imputation',
      '      aucun montant',
      '',
      'Actions modifiées (1)',
      '  ~ ligne 5\u00a0: «\u00a0Alpha\u00a0» (appariée par intitulé dans le thème)',
      '      imputation\u00a0: — → 0304 50 19 19 03',
      '      fiche\u00a0: — → 4',
      '',
      'Par imputation Chorus (2)',
      '  + 0304 50 19 19 03',
      '      A 1,00\u00a0€ · C 1,00\u00a0€ · F 2,00\u00a0€',
      '  ~ Sans imputation Chorus',
      '      A\u00a0: 1,00\u00a0€ → 0,00\u00a0€ (−1,00\u00a0€)',
      '      C\u00a0: 1,00\u00a0€ → 0,00\u00a0€ (−1,00\u00a0€)',
      '      F\u00a0: 2,00\u00a0€ → 0,00\u00a0€ (−2,00\u00a0€)',
    ]);
  });

  it('the other way round: the code and the fiche number taken away, in French and English', () => {
    const t = (alpha: HandAction) => handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: [{ theme: null, code: null, actions: [alpha] }] });
    const r = compareTables(t({ row: 5, title: 'Alpha', fiche: '4', code: ACCUEIL, amounts: acf(1, 1) }), t({ row: 5, title: 'Alpha', amounts: acf(1, 1) }));
    expect(renderComparison(r).split('\n').slice(6, 10)).toEqual([
      'Actions modifiées (1)',
      '  ~ ligne 5\u00a0: «\u00a0Alpha\u00a0» (appariée par intitulé dans le thème)',
      '      imputation\u00a0: 0304 50 19 19 03 → —',
      '      fiche\u00a0: 4 → —',
    ]);
    expect(renderComparison(r, { lang: 'en' }).split('\n').slice(6, 10)).toEqual([
      'Actions changed (1)',
      '  ~ row 5: "Alpha" (paired by title within its theme)',
      '      code: 0304 50 19 19 03 → —',
      '      fiche: 4 → —',
    ]);
  });

  it('the report in English', () => {
    expect(renderComparison(bareVersions(), { lang: 'en' }).split('\n').slice(6)).toEqual([
      'Actions added (1)',
      '  + row 6: untitled action — no theme — no code',
      '      no amount',
      '',
      'Actions changed (1)',
      '  ~ row 5: "Alpha" (paired by title within its theme)',
      '      code: — → 0304 50 19 19 03',
      '      fiche: — → 4',
      '',
      'By Chorus code (2)',
      '  + 0304 50 19 19 03',
      '      A €1.00 · C €1.00 · F €2.00',
      '  ~ No Chorus code',
      '      A: €1.00 → €0.00 (−€1.00)',
      '      C: €1.00 → €0.00 (−€1.00)',
      '      F: €2.00 → €0.00 (−€2.00)',
    ]);
  });

  it('the sheet: no theme or code cell, the changes with dashes, « Aucun changement. » where a group list is empty', () => {
    const rows = planComparisonSheet(bareVersions()).rows.map((r) => r.cells.slice(0, 10));
    expect(rows.slice(5, 19)).toEqual([
      [t('Actions (2)'), null, null, null, null, null, null, null, null, null],
      // In the new table's order.
      [t('Modifiée'), t('Alpha'), null, t(ACCUEIL), n(5), n(5), t('imputation\u00a0: — → 0304 50 19 19 03\u202f; fiche\u00a0: — → 4\u202f; appariée par intitulé dans le thème'), m(100), m(100), m(0)],
      [t('Ajoutée'), t('action sans intitulé'), null, null, null, n(6), null, null, m(0), m(0)],
      [null, null, null, null, null, null, null, null, null, null],
      [t('Par mesure (recalculé depuis les lignes d’action) (0)'), null, null, null, null, null, null, null, null, null],
      [t('Aucun changement.'), null, null, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null, null],
      [t('Par imputation Chorus (2)'), null, null, null, null, null, null, null, null, null],
      [t('Ajoutée'), t('0304 50 19 19 03'), null, t(ACCUEIL), null, n(5), null, null, m(100), m(100)],
      [t('Modifiée'), t('Sans imputation Chorus'), null, null, n(5), n(6), null, m(100), m(0, '#FFE699'), m(-100, '#FFE699')],
      [null, null, null, null, null, null, null, null, null, null],
      [t('Totaux (0)'), null, null, null, null, null, null, null, null, null],
      [t('Aucun changement.'), null, null, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null, null],
    ]);
  });

  it('two identical versions: the sheet says there is nothing, in French and English', () => {
    const table = () => handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: [{ theme: 'T', code: ACCUEIL, actions: [{ row: 5, title: 'Alpha', amounts: acf(1, 1) }] }] });
    const firsts = (lang: 'fr' | 'en') =>
      planComparisonSheet(compareTables(table(), table()), { lang })
        .rows.slice(4)
        .map((r) => (r.cells[0]?.cell.kind === 'text' ? r.cells[0].cell.text : ''));
    expect(firsts('fr')).toEqual([
      '',
      'Actions (0)',
      'Aucune action ajoutée, retirée ni modifiée.',
      '',
      'Par mesure (recalculé depuis les lignes d’action) (0)',
      'Aucun changement.',
      '',
      'Par imputation Chorus (0)',
      'Aucun changement.',
      '',
      'Totaux (0)',
      'Aucun changement.',
      '',
      'Anomalies apparues ou disparues (0)',
      'Les deux tableaux ont les mêmes anomalies.',
      '',
      'Feuille produite par le contrôle de l’annexe 9 (annex9 compare)\u00a0: elle est remplacée à chaque nouvelle comparaison, n’y saisissez rien.',
    ]);
    expect(firsts('en').slice(1, 6)).toEqual(['Actions (0)', 'No action added, removed or changed.', '', 'By measure (recomputed from the action rows) (0)', 'No change.']);
  });

  it('the changes column in English: moves, codes, fiches, order, how each pair was made', () => {
    const notes = (r: ReturnType<typeof bareVersions>) =>
      planComparisonSheet(r, { lang: 'en', showUnchanged: true })
        .rows.filter((x) => x.style === 'line' && x.cells[6]?.cell.kind === 'text')
        .map((x) => [(x.cells[1]!.cell as { text: string }).text, (x.cells[6]!.cell as { text: string }).text]);
    expect(notes(bareVersions())).toEqual([['Alpha', 'code: — → 0304 50 19 19 03; fiche: — → 4; paired by title within its theme']]);
    expect(notes(movedVersions())).toEqual([
      ['Beta', 'order changed; paired by title within its theme'],
      ['Alpha', 'fiche: Fiche 2 → Fiche 3; paired by title within its theme'],
      ['Gamma', 'theme: "Emploi" → (no theme); code: 0304 50 19 19 07 → 0304 50 19 19 08; paired by title, in another theme'],
    ]);
    const untitled = planComparisonSheet(bareVersions(), { lang: 'en' }).rows.find((x) => x.cells[0]?.cell.kind === 'text' && x.cells[0].cell.text === 'Added')!;
    expect(untitled.cells.slice(0, 7)).toEqual([t('Added'), t('untitled action'), null, null, null, n(6), null]);
  });

  it('the execution sheet in English: the source of V, an untitled action with no code', () => {
    const plan = handTable({ sheet: 'P', columns: ['A', 'C', 'F'], blocks: [{ theme: null, code: null, actions: [{ row: 3, title: '', amounts: acf(1, 1) }] }] });
    const spent = handTable({ sheet: 'E', columns: ['A', 'C', 'F'], blocks: [{ theme: null, code: null, actions: [{ row: 3, title: '', amounts: acf(1, 0) }] }] });
    const rows = planComparisonSheet(compareTables(plan, spent, { mode: 'execution', notified: [{ code: ACCUEIL, amount: 100 }] }), { lang: 'en' }).rows;
    const first = (text: string) => rows.find((x) => x.cells[0]?.cell.kind === 'text' && x.cells[0].cell.text === text)!;
    expect(first('0304 50 19 19 03').cells[15]).toEqual(t('notified'));
    expect(first('No Chorus code').cells.slice(0, 4)).toEqual([t('No Chorus code'), null, null, null]);
    expect(first('Measure with no theme').cells.slice(0, 4)).toEqual([t('Measure with no theme'), null, n(3), n(3)]);
    expect(first('untitled action').cells.slice(0, 4)).toEqual([t('untitled action'), null, n(3), n(3)]);
    // And in French.
    const fr = planComparisonSheet(compareTables(plan, spent, { mode: 'execution' }), { lang: 'fr' }).rows;
    expect(fr.find((x) => x.cells[0]?.cell.kind === 'text' && x.cells[0].cell.text === 'action sans intitulé')!.cells.slice(0, 4)).toEqual([t('action sans intitulé'), null, n(3), n(3)]);
  });
});
