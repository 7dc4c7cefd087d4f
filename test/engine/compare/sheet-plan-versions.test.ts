/**
 * The « Comparaison annexe 9 » sheet of two versions, as data: every row whole, typed by hand from
 * the scene (scenes.ts): statuses, links or row numbers, the changes, old / new / change per column,
 * changed amounts yellow, added rows green, removed rows red, the grand total grey.
 */
import { CompareRow, CompareSlot, planComparisonSheet } from '../../../src/domain/compare/sheetPlan';
import { compareTables } from '../../../src/domain/compare/compare';
import { ACCUEIL, INSERTION, MOBILITE, bareVersions, movedVersions, sixColumns, twoVersions } from './scenes';
import { HandBlock, acf, handTable } from './tables';

const YELLOW = '#FFE699';
const t = (text: string): CompareSlot => ({ cell: { kind: 'text', text } });
const m = (cents: number, fill?: string): CompareSlot => (fill ? { cell: { kind: 'amount', cents }, fill } : { cell: { kind: 'amount', cents } });
const n = (value: number): CompareSlot => ({ cell: { kind: 'count', value } });
const y = (cents: number) => m(cents, YELLOW);
const pad = (cells: Array<CompareSlot | null>, width: number) => [...cells, ...new Array(width - cells.length).fill(null)];
const line = (cells: Array<CompareSlot | null>, width: number, extra: Partial<CompareRow> = {}): CompareRow => ({ style: 'line', cells: pad(cells, width), bold: false, italic: false, ...extra });
const blank = (width: number) => line([], width);
const section = (text: string, width: number): CompareRow => ({ style: 'section', cells: pad([t(text)], width), bold: true, italic: false, fill: '#DDEBF7' });

describe('the comparison sheet of two versions', () => {
  it('in French, every row', () => {
    const plan = planComparisonSheet(twoVersions());
    const W = 16;
    const wrap = { wrap: true };
    expect(plan.rows).toEqual([
      { style: 'title', cells: pad([t('Comparaison de deux versions de l’annexe 9')], W), bold: true, italic: false },
      { style: 'info', cells: pad([t('Ancienne version\u00a0: ancienne.xlsx — feuille «\u00a0Annexe 9\u00a0», tableau en B5')], W), bold: false, italic: false },
      { style: 'info', cells: pad([t('Nouvelle version\u00a0: nouvelle.xlsx — feuille «\u00a0Annexe 9 corrigée\u00a0», tableau en B5')], W), bold: false, italic: false },
      {
        style: 'header',
        cells: ['Statut', 'Action ou groupe', 'Thème', 'Imputation', 'Ancienne ligne', 'Nouvelle ligne', 'Changements', 'Ancien A', 'Nouveau A', 'Écart A', 'Ancien C', 'Nouveau C', 'Écart C', 'Ancien F', 'Nouveau F', 'Écart F'].map(t),
        bold: true,
        italic: false,
        fill: '#D9D9D9',
        wrap: true,
      },
      blank(W),
      section('Actions (4)', W),
      line([t('Modifiée'), t('Premier accueil'), t('Accueil social'), t(ACCUEIL), n(7), n(7), t('appariée par n° de fiche'), m(100000), y(110000), y(10000), m(100000), y(110000), y(10000), m(200000), y(220000), y(20000)], W, wrap),
      line(
        [
          t('Modifiée'),
          t('Référent unique de parcours'),
          t('Accueil social'),
          t(ACCUEIL),
          n(8),
          n(8),
          t('intitulé\u00a0: «\u00a0Référent unique\u00a0» → «\u00a0Référent unique de parcours\u00a0»\u202f; appariée par position dans le bloc'),
          m(50000), m(50000), m(0), m(50000), m(50000), m(0), m(100000), m(100000), m(0),
        ],
        W,
        wrap,
      ),
      line([t('Ajoutée'), t('Mobilité'), t('Insertion'), t(INSERTION), null, n(10), null, null, m(5000), m(5000), null, m(5000), m(5000), null, m(10000), m(10000)], W, { fill: '#C6EFCE', wrap: true }),
      line([t('Retirée'), t('Chantiers'), t('Insertion'), t(INSERTION), n(11), null, null, m(30000), null, m(-30000), m(30000), null, m(-30000), m(60000), null, m(-60000)], W, { fill: '#FFC7CE', wrap: true }),
      blank(W),
      section('Par mesure (recalculé depuis les lignes d’action) (2)', W),
      line([t('Modifiée'), t('Accueil social [0304 50 19 19 03]'), null, t(ACCUEIL), n(9), n(9), null, m(150000), y(160000), y(10000), m(150000), y(160000), y(10000), m(300000), y(320000), y(20000)], W, wrap),
      line([t('Modifiée'), t('Insertion [0304 50 19 19 07]'), null, t(INSERTION), n(12), n(12), null, m(50000), y(25000), y(-25000), m(50000), y(25000), y(-25000), m(100000), y(50000), y(-50000)], W, wrap),
      // The old subtotal was printed 100 € too high on A and C: its own row, in italics.
      line([null, t('   total imprimé dans l’annexe'), null, null, null, null, null, m(60000), y(25000), y(-35000), m(60000), y(25000), y(-35000), m(120000), y(50000), y(-70000)], W, { italic: true }),
      blank(W),
      section('Par imputation Chorus (2)', W),
      line([t('Modifiée'), t('0304 50 19 19 03 — 1er accueil social inconditionnel'), null, t(ACCUEIL), n(7), n(7), null, m(150000), y(160000), y(10000), m(150000), y(160000), y(10000), m(300000), y(320000), y(20000)], W, wrap),
      line([t('Modifiée'), t('0304 50 19 19 07'), null, t(INSERTION), n(10), n(10), null, m(50000), y(25000), y(-25000), m(50000), y(25000), y(-25000), m(100000), y(50000), y(-50000)], W, wrap),
      blank(W),
      section('Totaux (2)', W),
      line([t('Modifiée'), t('Mesures socles'), null, null, n(7), n(7), null, m(200000), y(185000), y(-15000), m(200000), y(185000), y(-15000), m(400000), y(370000), y(-30000)], W, wrap),
      {
        style: 'total',
        cells: [t('Modifiée'), t('Total du tableau'), null, null, n(13), n(13), null, m(200000), y(185000), y(-15000), m(200000), y(185000), y(-15000), m(400000), y(370000), y(-30000)],
        bold: true,
        italic: false,
        fill: '#F2F2F2',
        wrap: true,
      },
      blank(W),
      section('Anomalies apparues ou disparues (2)', W),
      line([t('Disparue'), t('C diffère de A'), t('A_NEQ_C'), null, n(11), null, t('D11')], W, { fill: '#C6EFCE', wrap: true }),
      line([t('Apparue'), t('F faux'), t('GRAND_TOTAL'), null, null, n(13), t('H13')], W, { fill: '#FFC7CE', wrap: true }),
      blank(W),
      {
        style: 'note',
        cells: pad([t('Feuille produite par le contrôle de l’annexe 9 (annex9 compare)\u00a0: elle est remplacée à chaque nouvelle comparaison, n’y saisissez rien.')], W),
        bold: false,
        italic: true,
      },
    ]);
    expect({ ...plan, rows: plan.rows.length }).toEqual({
      name: 'Comparaison annexe 9',
      rows: 29,
      widths: [11, 48, 30, 18, 10, 10, 36, 15, 15, 14, 15, 15, 14, 15, 15, 14],
      frozenRows: 4,
      marker: { col: 51, token: 'annexe9-comparaison/v1', source: 'Annexe 9 → Annexe 9 corrigée' },
      print: { area: 'A1:P29', titleRows: { first: 1, last: 4 } },
    });
  });

  it('in English: the words; row numbers are links where the compared sheet is in the workbook', () => {
    const plan = planComparisonSheet(twoVersions(), { lang: 'en', linkSheets: { old: null, new: 'Annexe 9 corrigée' }, name: 'Annex 9 comparison (2)' });
    expect(plan.name).toBe('Annex 9 comparison (2)');
    expect(plan.rows.slice(0, 4).map((r) => r.cells.filter((c) => c).map((c) => (c!.cell as { text: string }).text))).toEqual([
      ['Two versions of annex 9 compared'],
      ['Old version: ancienne.xlsx — sheet "Annexe 9", table at B5'],
      ['New version: nouvelle.xlsx — sheet "Annexe 9 corrigée", table at B5'],
      ['Status', 'Action or group', 'Theme', 'Code', 'Old row', 'New row', 'Changes', 'Old A', 'New A', 'Change A', 'Old C', 'New C', 'Change C', 'Old F', 'New F', 'Change F'],
    ]);
    const firstCells = (r: CompareRow) => r.cells.slice(0, 7);
    expect(plan.rows.slice(5, 10).map(firstCells)).toEqual([
      pad([t('Actions (4)')], 7),
      [t('Changed'), t('Premier accueil'), t('Accueil social'), t(ACCUEIL), n(7), { cell: { kind: 'link', text: 'row 7', sheet: 'Annexe 9 corrigée', cell: 'B7' } }, t('paired by fiche number')],
      [
        t('Changed'),
        t('Référent unique de parcours'),
        t('Accueil social'),
        t(ACCUEIL),
        n(8),
        { cell: { kind: 'link', text: 'row 8', sheet: 'Annexe 9 corrigée', cell: 'B8' } },
        t('title: "Référent unique" → "Référent unique de parcours"; paired by position within its block'),
      ],
      [t('Added'), t('Mobilité'), t('Insertion'), t(INSERTION), null, { cell: { kind: 'link', text: 'row 10', sheet: 'Annexe 9 corrigée', cell: 'B10' } }, null],
      [t('Removed'), t('Chantiers'), t('Insertion'), t(INSERTION), n(11), null, null],
    ]);
    const texts = plan.rows.map((r) => (r.cells[0]?.cell.kind === 'text' ? r.cells[0].cell.text : r.cells[1]?.cell.kind === 'text' ? r.cells[1].cell.text : ''));
    expect(texts.slice(10)).toEqual([
      '',
      'By measure (recomputed from the action rows) (2)',
      'Changed',
      'Changed',
      '   total printed in the annex',
      '',
      'By Chorus code (2)',
      'Changed',
      'Changed',
      '',
      'Totals (2)',
      'Changed',
      'Changed',
      '',
      'Findings new or gone (2)',
      'Gone',
      'New',
      '',
      'Sheet made by the annex 9 check (annex9 compare): it is replaced by each new comparison, do not type in it.',
    ]);
  });

  it('notices under the header; unchanged and template rows with --all; an unreadable amount as a word; moves noted', () => {
    const plan = planComparisonSheet(movedVersions(), { showUnchanged: true });
    const W = 7 + 4 * 3;
    expect(plan.rows[3].cells.slice(7).map((c) => (c!.cell as { text: string }).text)).toEqual([
      'Ancien A', 'Nouveau A', 'Écart A', 'Ancien C', 'Nouveau C', 'Écart C', 'Ancien val. CD', 'Nouveau val. CD', 'Écart val. CD', 'Ancien F', 'Nouveau F', 'Écart F',
    ]);
    expect(plan.rows.slice(1, 3).map((r) => r.cells[0])).toEqual([t('Ancienne version\u00a0: feuille «\u00a0Projet\u00a0», tableau en B5'), t('Nouvelle version\u00a0: feuille «\u00a0Projet\u00a0», tableau en B5')]);
    expect(plan.rows.slice(4, 12)).toEqual([
      { style: 'note', cells: pad([t('La colonne E n’existe que dans l’ancienne version\u00a0: elle n’est pas comparée.')], W), bold: false, italic: true },
      { style: 'note', cells: pad([t('La colonne D n’existe que dans la nouvelle version\u00a0: elle n’est pas comparée.')], W), bold: false, italic: true },
      blank(W),
      section('Actions (4)', W),
      line([t('Inchangée'), t('Beta'), t('Accueil'), t(ACCUEIL), n(21), n(20), t('ordre changé\u202f; appariée par intitulé dans le thème'), m(5000), m(5000), m(0), m(5000), m(5000), m(0), m(0), m(0), m(0), m(10000), m(10000), m(0)], W, { wrap: true }),
      line([t('Retirée'), t('Intitulé de l’action n°1'), t('Accueil'), t(ACCUEIL), n(22), null, null, m(0), null, m(0), m(0), null, m(0), m(0), null, m(0), m(0), null, m(0)], W, { fill: '#FFC7CE', wrap: true }),
      line([t('Modifiée'), t('Alpha'), t('Accueil'), t(ACCUEIL), n(20), n(21), t('fiche\u00a0: Fiche 2 → Fiche 3\u202f; appariée par intitulé dans le thème'), m(10000), m(10000), m(0), m(10000), m(10000), m(0), m(0), m(0), m(0), m(20000), m(20000), m(0)], W, { wrap: true }),
      line(
        [
          t('Modifiée'),
          t('Gamma'),
          null,
          t('0304 50 19 19 08'),
          n(23),
          n(22),
          t('thème\u00a0: «\u00a0Emploi\u00a0» → (sans thème)\u202f; imputation\u00a0: 0304 50 19 19 07 → 0304 50 19 19 08\u202f; appariée par intitulé, dans un autre thème'),
          m(1000), t('illisible'), t('illisible'),
          m(1000), m(1000), m(0), m(1000), m(1000), m(0), m(2000), m(2000), m(0),
        ],
        W,
        { wrap: true },
      ),
    ]);
  });

  it('a printed subtotal gets its own row when it moved apart from its rows, or from unreadable to read (as the text report)', () => {
    const block = (code: string, theme: string, row: number, amounts: HandBlock['actions'][number]['amounts'], printed: HandBlock['actions'][number]['amounts']): HandBlock => ({
      theme,
      code,
      actions: [{ row, title: theme, amounts }],
      subtotal: { row: row + 1, printed },
    });
    const one = (blocks: HandBlock[]) => handTable({ sheet: 'Annexe 9', columns: ['A', 'C', 'F'], blocks });
    const old = one([
      block(ACCUEIL, 'Accueil', 7, { A: null, C: 10000, F: 20000 }, { A: null, C: 10000, F: 20000 }),
      block(INSERTION, 'Emploi', 9, acf(100, 100), acf(100, 100)),
      block(MOBILITE, 'Mobilité', 11, acf(100, 100), acf(100, 100)),
    ]);
    const neu = one([
      // A unreadable in the rows on both sides, the printed A read in the new one; C changed too.
      block(ACCUEIL, 'Accueil', 7, { A: null, C: 20000, F: 30000 }, { A: 10000, C: 20000, F: 30000 }),
      // The rows changed, the printed subtotal not: nothing of its own to say.
      block(INSERTION, 'Emploi', 9, acf(100, 150), acf(100, 100)),
      // The rows unchanged, the printed A typed 20 € higher.
      block(MOBILITE, 'Mobilité', 11, acf(100, 100), { A: 12000, C: 10000, F: 20000 }),
    ]);
    const rows = planComparisonSheet(compareTables(old, neu)).rows;
    const printed = rows.map((r, i) => [r, rows[i - 1]] as const).filter(([r]) => r.cells[1] !== null && 'cell' in r.cells[1]! && r.cells[1].cell.kind === 'text' && r.cells[1].cell.text === '   total imprimé dans l’annexe');
    expect(printed.map(([, above]) => (above.cells[1] as { cell: { text: string } }).cell.text)).toEqual(['Accueil [0304 50 19 19 03]', 'Mobilité [0304 50 19 19 08]']);
  });
});

describe('the comparison sheet of two versions: six columns, a header past Z, template rows', () => {
  const W = 25;
  /** Old, new, change in each of the six columns. */
  const same = (cents: number) => [m(cents), m(cents), m(0), m(cents), m(cents), m(0), m(cents), m(cents), m(0), m(cents), m(cents), m(0), m(cents), m(cents), m(0), m(cents), m(cents), m(0)];
  const moved = (from: number, to: number) => [m(from), y(to), y(to - from), m(from), y(to), y(to - from), m(from), y(to), y(to - from), m(from), y(to), y(to - from), m(from), y(to), y(to - from), m(from), y(to), y(to - from)];
  const old = (row: number, lang: 'fr' | 'en'): CompareSlot => ({ cell: { kind: 'link', text: lang === 'fr' ? `ligne ${row}` : `row ${row}`, sheet: 'Ancienne', cell: `AB${row}` } });

  it('in French without --all: a template row changed shows, one added or unchanged does not; theme, code and fiche noted', () => {
    const plan = planComparisonSheet(sixColumns(), { linkSheets: { old: 'Ancienne', new: null } });
    expect(plan.print).toEqual({ area: 'A1:Y28', titleRows: { first: 1, last: 4 } });
    expect(plan.widths).toEqual([11, 48, 30, 18, 10, 10, 36, 15, 15, 14, 15, 15, 14, 15, 15, 14, 15, 15, 14, 15, 15, 14, 15, 15, 14]);
    expect(plan.rows[3].cells.map((c) => (c!.cell as { text: string }).text)).toEqual([
      'Statut', 'Action ou groupe', 'Thème', 'Imputation', 'Ancienne ligne', 'Nouvelle ligne', 'Changements',
      'Ancien A', 'Nouveau A', 'Écart A', 'Ancien B', 'Nouveau B', 'Écart B', 'Ancien C', 'Nouveau C', 'Écart C',
      'Ancien val. CD', 'Nouveau val. CD', 'Écart val. CD', 'Ancien E', 'Nouveau E', 'Écart E', 'Ancien F', 'Nouveau F', 'Écart F',
    ]);
    expect(plan.rows.slice(4, 9)).toEqual([
      blank(W),
      section('Actions (3)', W),
      line([t('Modifiée'), t('Xavier'), t('Accueil'), t(ACCUEIL), old(13, 'fr'), n(15), t('appariée par intitulé dans le thème'), ...moved(100, 150)], W, { wrap: true }),
      line([t('Modifiée'), t('Intitulé de l’action n°2'), t('Emploi'), t(INSERTION), old(17, 'fr'), n(17), t('appariée par intitulé dans le thème'), ...moved(0, 5)], W, { wrap: true }),
      line(
        [
          t('Modifiée'),
          t('Gamma'),
          t('Emploi'),
          t(INSERTION),
          old(18, 'fr'),
          n(19),
          t('thème\u00a0: (sans thème) → «\u00a0Emploi\u00a0»\u202f; imputation\u00a0: — → 0304 50 19 19 07\u202f; fiche\u00a0: — → 4\u202f; appariée par intitulé, dans un autre thème'),
          ...same(400),
        ],
        W,
        { wrap: true },
      ),
    ]);
  });

  it('in English with --all: the unchanged rows, template rows unchanged or added too; no order note on a moved row', () => {
    const plan = planComparisonSheet(sixColumns(), { lang: 'en', showUnchanged: true, linkSheets: { old: 'Ancienne', new: null } });
    expect(plan.print).toEqual({ area: 'A1:Y32', titleRows: { first: 1, last: 4 } });
    expect(plan.rows[3].cells.slice(16, 19).map((c) => (c!.cell as { text: string }).text)).toEqual(['Old val. CD', 'New val. CD', 'Change val. CD']);
    expect(plan.rows.slice(5, 13)).toEqual([
      section('Actions (7)', W),
      line([t('Unchanged'), t('Yves'), t('Accueil'), t(ACCUEIL), old(14, 'en'), n(13), t('paired by title within its theme'), ...same(200)], W, { wrap: true }),
      line([t('Unchanged'), t('Zoé'), t('Accueil'), t(ACCUEIL), old(15, 'en'), n(14), t('paired by title within its theme'), ...same(300)], W, { wrap: true }),
      line([t('Changed'), t('Xavier'), t('Accueil'), t(ACCUEIL), old(13, 'en'), n(15), t('paired by title within its theme'), ...moved(100, 150)], W, { wrap: true }),
      line([t('Unchanged'), t('Intitulé de l’action n°1'), t('Accueil'), t(ACCUEIL), old(16, 'en'), n(16), t('paired by title within its theme'), ...same(0)], W, { wrap: true }),
      line([t('Changed'), t('Intitulé de l’action n°2'), t('Emploi'), t(INSERTION), old(17, 'en'), n(17), t('paired by title within its theme'), ...moved(0, 5)], W, { wrap: true }),
      line(
        [t('Added'), t('Intitulé de l’action n°3'), t('Emploi'), t(INSERTION), null, n(18), null, null, m(0), m(0), null, m(0), m(0), null, m(0), m(0), null, m(0), m(0), null, m(0), m(0), null, m(0), m(0)],
        W,
        { fill: '#C6EFCE', wrap: true },
      ),
      line(
        [t('Changed'), t('Gamma'), t('Emploi'), t(INSERTION), old(18, 'en'), n(19), t('theme: (no theme) → "Emploi"; code: — → 0304 50 19 19 07; fiche: — → 4; paired by title, in another theme'), ...same(400)],
        W,
        { wrap: true },
      ),
    ]);
  });
});

describe('the comparison sheet of two versions: an action that loses its code and fiche', () => {
  it('in French and English, the notes say « — » for what is gone; the untitled row removed is named', () => {
    const W = 16;
    const alpha = (note: string, status: string) =>
      line([t(status), t('Alpha'), null, null, n(5), n(5), t(note), m(100), m(100), m(0), m(100), m(100), m(0), m(200), m(200), m(0)], W, { wrap: true });
    const untitled = (title: string, status: string) =>
      line([t(status), t(title), null, null, n(6), null, null, m(0), null, m(0), m(0), null, m(0), m(0), null, m(0)], W, { fill: '#FFC7CE', wrap: true });
    expect(planComparisonSheet(bareVersions(true)).rows.slice(5, 8)).toEqual([
      section('Actions (2)', W),
      alpha('imputation\u00a0: 0304 50 19 19 03 → —\u202f; fiche\u00a0: 4 → —\u202f; appariée par intitulé dans le thème', 'Modifiée'),
      untitled('action sans intitulé', 'Retirée'),
    ]);
    expect(planComparisonSheet(bareVersions(true), { lang: 'en' }).rows.slice(5, 8)).toEqual([
      section('Actions (2)', W),
      alpha('code: 0304 50 19 19 03 → —; fiche: 4 → —; paired by title within its theme', 'Changed'),
      untitled('untitled action', 'Removed'),
    ]);
  });
});
