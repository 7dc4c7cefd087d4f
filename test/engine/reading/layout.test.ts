/**
 * Finding the annex table (src/domain/layout.ts) on small hand-typed sheets: where its header
 * band starts and ends, the column of each role, what ends it, and what is no annex at all.
 */
import { Cell, MergedArea, SheetGrid } from '../../../src/domain/grid';
import { locateTables, tableWidth } from '../../../src/domain/layout';
import calpaeJson from '../../../src/domain/templates/calpae-annexe9.json';
import { CALPAE_TEMPLATE, TemplateDescription, compileTemplate } from '../../../src/domain/template';

type Raw = string | number | null | Cell;

function sheet(raw: Raw[][], merges: MergedArea[] = []): SheetGrid {
  return { name: 'Annexe', origin: { row: 0, col: 0 }, rows: raw.map((r) => r.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))), merges };
}

const locate = (raw: Raw[][], merges: MergedArea[] = []) => locateTables(sheet(raw, merges), CALPAE_TEMPLATE);

describe('one header row', () => {
  it('gives every role its column, the amount columns it lacks, and the rows of data to the end of the sheet', () => {
    const header = ['Thème', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    expect(locate([header, ['Maraudes', null, 'Maraude', 10, 10, 20], [null, null, 'Sous total', 10, 10, 20]])).toEqual([
      {
        headerTop: 0,
        headerBottom: 0,
        dataStart: 1,
        dataEnd: 3,
        columns: { theme: 0, imputation: 1, title: 2, A: 3, C: 4, F: 5 },
        letters: 'none',
        missingColumns: ['B', 'valorisation', 'D', 'E'],
        labelledAmountColumns: 3,
        span: { left: 0, right: 5 },
        headerTexts: header,
      },
    ]);
  });

  it('letters at the start of the labels are inline letters', () => {
    const header = ["Intitulé de l'action", 'A Participation État', 'C - Crédits CD affectés', 'F Budget global', 'E Autres financeurs'];
    expect(locate([header, ['Maraude', 10, 10, 20, 0]])).toEqual([
      {
        headerTop: 0,
        headerBottom: 0,
        dataStart: 1,
        dataEnd: 2,
        columns: { title: 0, A: 1, C: 2, F: 3, E: 4 },
        letters: 'inline',
        missingColumns: ['B', 'valorisation', 'D'],
        labelledAmountColumns: 4,
        span: { left: 0, right: 4 },
        headerTexts: header,
      },
    ]);
  });

  it('« A+B+C+D+E » is the total’s formula, not a letter', () => {
    const [t] = locate([["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'A+B+C+D+E'], ['Maraude', 10, 10, 20]]);
    expect([t.columns, t.letters]).toEqual([{ title: 0, A: 1, C: 2, F: 3 }, 'none']);
  });
});

describe('letters in a row of their own', () => {
  it('under the labels, they are part of the header', () => {
    const header = ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const letters = [null, 'A', 'C', 'F'];
    expect(locate([header, letters, ['Maraude', 10, 10, 20]])).toEqual([
      {
        headerTop: 0,
        headerBottom: 1,
        dataStart: 2,
        dataEnd: 3,
        columns: { title: 0, A: 1, C: 2, F: 3 },
        letters: 'row',
        missingColumns: ['B', 'valorisation', 'D', 'E'],
        labelledAmountColumns: 3,
        span: { left: 0, right: 3 },
        headerTexts: [...header, 'A', 'C', 'F'],
      },
    ]);
  });

  it('five letters make a header without amount labels; four do not', () => {
    const header = ['Thème', "Intitulé de l'action", 'A', 'B', 'C', 'D', 'E', 'F'];
    expect(locate([header, ['Maraudes', 'Maraude', 10, 0, 10, 0, 0, 20]])).toEqual([
      {
        headerTop: 0,
        headerBottom: 0,
        dataStart: 1,
        dataEnd: 2,
        columns: { theme: 0, title: 1, A: 2, B: 3, C: 4, D: 5, E: 6, F: 7 },
        letters: 'row',
        missingColumns: ['valorisation'],
        labelledAmountColumns: 0,
        span: { left: 0, right: 7 },
        headerTexts: header,
      },
    ]);
    expect(locate([['Thème', "Intitulé de l'action", 'A', 'C', 'E', 'F'], ['Maraudes', 'Maraude', 10, 10, 0, 20]])).toEqual([]);
  });

  it('a letter on a column a label already named does not move that column', () => {
    // « B » printed over the Budget global column: F keeps it; « A » over a column with no label: A stays with its label.
    const [t] = locate([["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global', null], [null, null, null, 'B', 'A'], ['Maraude', 10, 10, 20, 0]]);
    expect([t.headerBottom, t.columns, t.letters]).toEqual([1, { title: 0, A: 1, C: 2, F: 3 }, 'row']);
  });
});

describe('which column a label names', () => {
  it('the longest label wins a role named twice', () => {
    const [t] = locate([['Code', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'], ['F1', null, 'Maraude', 10, 10, 20]]);
    expect(t.columns).toEqual({ imputation: 1, title: 2, A: 3, C: 4, F: 5 });
  });

  it('of two equal labels, the leftmost', () => {
    const [t] = locate([['Thème', 'Thème', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'], ['Maraudes', 'Nuit', 'Maraude', 10, 10, 20]]);
    expect(t.columns).toEqual({ theme: 0, title: 2, A: 3, C: 4, F: 5 });
  });

  it('a year alone, « 2023 » or « (2023) », is a header word, not an amount', () => {
    const [t] = locate([["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global', '2023', '(2024)'], ['Maraude', 10, 10, 20]]);
    expect([t.headerTop, t.columns]).toEqual([0, { title: 0, A: 1, C: 2, F: 3 }]);
  });

  it('a text of more than 40 characters is a label, whatever its digits; up to 40, an amount makes a data row', () => {
    const long = '1 000 000 000 000 000 000 000 000 000 000,00'; // 44 characters
    const [t] = locate([["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global', long], ['Maraude', 10, 10, 20]]);
    expect([t.headerTop, t.columns]).toEqual([0, { title: 0, A: 1, C: 2, F: 3 }]);
    const forty = '1 000 000 000 000 000 000 000 000 000,00'; // 40 characters
    expect(forty.length).toBe(40);
    expect(locate([["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global', forty], ['Maraude', 10, 10, 20]])).toEqual([]);
  });
});

describe('the title column', () => {
  it('with no title header, the text column just left of the first amount column holds the titles', () => {
    const [t] = locate([['Thème', null, 'Participation État', 'Crédits CD affectés', 'Budget global'], ['Maraudes', 'Maraude', 10, 10, 20]]);
    expect(t.columns).toEqual({ theme: 0, title: 1, A: 2, C: 3, F: 4 });
  });

  it('with the theme right against the amounts, there is no title column to take', () => {
    const [t] = locate([['Thème', 'Participation État', 'Crédits CD affectés', 'Budget global'], ['Maraudes', 10, 10, 20]]);
    expect(t.columns).toEqual({ theme: 0, A: 1, C: 2, F: 3 });
  });

  it('the title is looked for left of the first amount column, not of the leftmost one named', () => {
    // F named first (leftmost), A and C after it: the column left of F is the title.
    const [t] = locate([['Thème', null, 'Budget global', 'Participation État', 'Crédits CD affectés'], ['Maraudes', 'Maraude', 20, 10, 10]]);
    expect(t.columns).toEqual({ theme: 0, title: 1, F: 2, A: 3, C: 4 });
  });
});

describe('a second table side by side', () => {
  it('qualifies with a fiche header and no title header', () => {
    const annex = ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const second = ['Fiche action N°', 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const tables = locate([
      [...annex, null, ...second],
      ['Maraude', 10, 10, 20, null, '1', 1, 1, 2],
    ]);
    expect(tables.map((t) => [t.span, t.columns])).toEqual([
      [{ left: 0, right: 3 }, { title: 0, A: 1, C: 2, F: 3 }],
      [{ left: 5, right: 8 }, { fiche: 5, A: 6, C: 7, F: 8 }],
    ]);
  });
});

describe('what is no annex', () => {
  it('without the State or the département column, or with fewer than three amount columns, no table', () => {
    expect(locate([["Intitulé de l'action", 'Crédits Etat reportés', 'Crédits CD reportés', 'Autres financeurs', 'Budget global'], ['Maraude', 1, 1, 0, 2]])).toEqual([]);
    expect(locate([["Intitulé de l'action", 'Participation État', 'Autres financeurs', 'Budget global'], ['Maraude', 1, 0, 1]])).toEqual([]);
    expect(locate([["Intitulé de l'action", 'Crédits CD affectés', 'Autres financeurs', 'Budget global'], ['Maraude', 1, 0, 1]])).toEqual([]);
    // Two tables' worth of columns, parted by two empty columns: A and C alone on the left are not enough.
    expect(locate([["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', null, null, 'Crédits Etat reportés', 'Autres financeurs', 'Budget global'], ['Maraude', 1, 1, null, null, 0, 0, 2]])).toEqual([]);
  });

  it('a sheet of numbers only, or of words only, holds no table', () => {
    expect(locate([[1, 2, 3], [4, 5, 6]])).toEqual([]);
    expect(locate([['Convention'], ['Pas-de-Calais'], []])).toEqual([]);
    expect(locate([])).toEqual([]);
  });
});

describe('the band', () => {
  it('leaves a title row above out, but keeps a row above that names a column', () => {
    const [t] = locate([['Budget 2023'], ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'], ['Maraude', 10, 10, 20]]);
    expect([t.headerTop, t.headerBottom, t.headerTexts]).toEqual([1, 1, ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global']]);
    const [u] = locate([['Thème'], [null, "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'], ['Maraudes', 'Maraude', 10, 10, 20]]);
    expect([u.headerTop, u.headerBottom, u.columns]).toEqual([0, 1, { theme: 0, title: 1, A: 2, C: 3, F: 4 }]);
  });

  it('the rest of the amount labels on the row below is header; words under the titles only are not', () => {
    const header = ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const [t] = locate([header, [null, '(notifiée)', '(le cas échéant)', null], ['Maraude', 10, 10, 20]]);
    expect([t.headerBottom, t.dataStart]).toEqual([1, 2]);
    const [u] = locate([header, ['Maraudes de nuit', null, null, null], ['Maraude', 10, 10, 20]]);
    expect([u.headerBottom, u.dataStart]).toEqual([0, 1]);
  });

  it('a blank row parts two rows of labels: neither half is a header', () => {
    expect(locate([["Intitulé de l'action", 'Participation État'], [], [null, null, 'Crédits CD affectés', 'Budget global'], ['Maraude', 10, 10, 20]])).toEqual([]);
  });

  it('words under the text columns only do not continue the header, three of them no more than one', () => {
    const header = ['Thème', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const [t] = locate([header, ['Maraudes mixtes', 'néant', 'Maraude', null, null, null], [null, null, 'Veille', 10, 10, 20]]);
    expect([t.headerBottom, t.dataStart]).toEqual([0, 1]);
  });

  it('the rest of a title’s label continues the header; words under letters only do too', () => {
    const [t] = locate([['Intitulé', 'Participation État', 'Crédits CD affectés', 'Budget global'], ["de l'action", null, null, null], ['Maraude', 10, 10, 20]]);
    expect([t.headerBottom, t.dataStart]).toEqual([1, 2]);
    const [u] = locate([["Intitulé de l'action", 'A', 'B', 'C', 'D', 'F'], [null, 'notifiée', 'reportée', 'affectée', 'reportée', 'totale'], ['Maraude', 10, 0, 10, 0, 20]]);
    expect([u.headerBottom, u.dataStart, u.columns]).toEqual([1, 2, { title: 0, A: 1, B: 2, C: 3, D: 4, F: 5 }]);
  });

  it('a template title or a code under a short header is data, though it names the column better', () => {
    const [t] = locate([['Code', 'Intitulé', 'Participation État', 'Crédits CD affectés', 'Budget global'], [null, "Intitulé de l'action n°1", null, null, null], [null, 'Maraude', 10, 10, 20]]);
    expect([t.headerBottom, t.dataStart]).toEqual([0, 1]);
    const [u] = locate([['Code', 'Intitulé', 'Participation État', 'Crédits CD affectés', 'Budget global'], ['Imputation chorus 0304 5 0 19 19 05', 'Maraude', null, null, null], [null, 'Veille', 10, 10, 20]]);
    expect([u.headerBottom, u.dataStart]).toEqual([0, 1]);
  });

  it('a code the template’s written pattern reads is data, whatever its compact pattern says', () => {
    const description = JSON.parse(JSON.stringify(calpaeJson)) as TemplateDescription;
    description.chorus.compactPattern = 'Z(\\d\\d)';
    const template = compileTemplate(description);
    const g = sheet([['Code', 'Intitulé', 'Participation État', 'Crédits CD affectés', 'Budget global'], ['Imputation chorus 0304 50 19 19 05', 'Maraude', null, null, null], [null, 'Veille', 10, 10, 20]]);
    const [t] = locateTables(g, template);
    expect([t.headerBottom, t.dataStart]).toEqual([0, 1]);
  });

  it('a theme merged down from a row of data under the header is data; a header cell merged far down takes no rows', () => {
    const header = ['Thème', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const [t] = locate([header, ['Maraudes', null, null, null, null], [null, 'Maraude', 10, 10, 20], [null, 'Veille', 1, 1, 2]], [{ top: 1, left: 0, bottom: 3, right: 0 }]);
    expect([t.headerBottom, t.dataStart]).toEqual([0, 1]);
    const blank: Raw[][] = [[], [], [], [], [], [], [], [], []];
    const [u] = locate([header, ...blank, [null, 'Maraude', 10, 10, 20]], [{ top: 0, left: 0, bottom: 9, right: 0 }]);
    expect([u.headerBottom, u.dataStart]).toEqual([0, 1]);
  });

  it('a first data row with a Chorus code, written or compact, or a template title, is data', () => {
    const header = ['Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    for (const first of [['0304 50 19 19 05', null, null, null, null], ['030450191905', null, null, null, null], [null, "Intitulé de l'action n°1", null, null, null]]) {
      const [t] = locate([header, first, [null, 'Maraude', 10, 10, 20]]);
      expect([t.headerBottom, t.dataStart]).toEqual([0, 1]);
    }
  });

  it('words that name a column better continue the header', () => {
    // « Crédits CD » (C) then « 2022 reportés » under it: D, a longer label.
    const [t] = locate([["Intitulé de l'action", 'Participation État', 'Crédits CD', 'Budget global', 'Crédits CD'], [null, null, null, null, '2022 reportés'], ['Maraude', 10, 10, 23, 3]]);
    expect([t.headerBottom, t.columns]).toEqual([1, { title: 0, A: 1, C: 2, F: 3, D: 4 }]);
  });

  it('a header cell merged down over a blank row takes that row in; not over a data row', () => {
    const header = ['Thème', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const [t] = locate([header, [], ['Maraudes', 'Maraude', 10, 10, 20]], [{ top: 0, left: 0, bottom: 1, right: 0 }]);
    expect([t.headerBottom, t.dataStart]).toEqual([1, 2]);
    const [u] = locate([header, ['Maraudes', 'Maraude', 10, 10, 20]], [{ top: 0, left: 4, bottom: 1, right: 4 }]);
    expect([u.headerBottom, u.dataStart]).toEqual([0, 1]);
    // The same, the data row's amounts typed as text.
    const [v] = locate([header, ['Maraudes', 'Maraude', '10,00 €', '10,00 €', '20,00 €']], [{ top: 0, left: 0, bottom: 1, right: 0 }]);
    expect([v.headerBottom, v.dataStart]).toEqual([0, 1]);
  });
});

describe('what ends a table', () => {
  it('a recap header below, in the same columns, ends it and is named', () => {
    const tables = locate([
      ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'],
      ['Maraude', 10, 10, 20],
      ['Imputation chorus', 'Participation État', 'Crédits CD affectés', 'Budget global'],
      ['0304 50 19 19 05', 10, 10, 20],
    ]);
    expect(tables.map((t) => [t.dataStart, t.dataEnd, t.endedBy])).toEqual([[1, 2, { row: 2, label: 'Imputation chorus' }]]);
  });

  it('a block naming two amount columns and a third role ends it; the same words under its text columns are data', () => {
    const header = ['Thème', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const [t] = locate([header, ['Maraudes', null, 'Maraude', 10, 10, 20], ['Code  chorus', null, null, 'Participation État', 'Crédits CD affectés', null], [null, null, null, 10, 10, null]]);
    expect([t.dataEnd, t.endedBy]).toEqual([2, { row: 2, label: 'Code chorus' }]);
    const [u] = locate([header, ['Maraudes', null, 'Maraude', 10, 10, 20], ['Thème', null, 'Participation État', null, 'Crédits CD affectés', null], [null, null, null, 10, 10, null]]);
    expect([u.dataEnd, u.endedBy]).toEqual([4, undefined]);
  });

  it('a header band below ends only the tables whose columns it overlaps', () => {
    const annex = ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    // Below a table on the left: a lone word far left, and an annex far right.
    const left = locate([
      [...annex],
      ['Maraude', 10, 10, 20],
      ['Commentaire', null, null, null, null, null, ...annex],
      [null, null, null, null, null, null, 'Veille', 1, 1, 2],
    ]);
    expect(left.map((t) => [t.span, t.dataStart, t.dataEnd, t.endedBy])).toEqual([
      [{ left: 0, right: 3 }, 1, 4, undefined],
      [{ left: 6, right: 9 }, 3, 4, undefined],
    ]);
    // Below a table on the right: an annex on the left.
    const right = locate([
      [null, null, null, null, null, ...annex],
      [null, null, null, null, null, 'Maraude', 10, 10, 20],
      [...annex],
      ['Veille', 1, 1, 2],
    ]);
    expect(right.map((t) => [t.span, t.dataStart, t.dataEnd])).toEqual([
      [{ left: 5, right: 8 }, 1, 4],
      [{ left: 0, right: 3 }, 3, 4],
    ]);
  });

  it('a table ended by a recap keeps that end when another recap, or a block, comes further down', () => {
    const annex = ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const recap = ['Imputation chorus', 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const [t] = locate([annex, ['Maraude', 10, 10, 20], recap, ['0304 50 19 19 05', 10, 10, 20], [], recap, ['0304 50 19 19 06', 1, 1, 2]]);
    expect([t.dataEnd, t.endedBy]).toEqual([2, { row: 2, label: 'Imputation chorus' }]);
    const [u] = locate([annex, ['Maraude', 10, 10, 20], recap, ['0304 50 19 19 05', 10, 10, 20], ['Code', 'Participation État', 'Crédits CD affectés', null], [null, 1, 1, 2]]);
    expect([u.dataEnd, u.endedBy]).toEqual([2, { row: 2, label: 'Imputation chorus' }]);
  });

  it('a block written over two rows ends the table at its first; two amount labels alone do not', () => {
    const header = ['Thème', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const [t] = locate([header, ['Maraudes', null, 'Maraude', 10, 10, 20], ['Code chorus', null, null, null, null, null], [null, null, null, 'Participation État', 'Crédits CD affectés', null], [null, null, null, 10, 10, null]]);
    expect([t.dataEnd, t.endedBy]).toEqual([2, { row: 2, label: 'Code chorus' }]);
    const [u] = locate([header, ['Maraudes', null, 'Maraude', 10, 10, 20], [null, null, null, 'Participation État', 'Crédits CD affectés', null], [null, null, null, 10, 10, null]]);
    expect([u.dataEnd, u.endedBy]).toEqual([4, undefined]);
  });

  it('a second annex to the right with its own titles is a second table; its width is its rightmost column plus one', () => {
    const annex = ["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const tables = locate([
      [...annex, null, ...annex],
      ['Maraude', 10, 10, 20, null, 'Veille', 1, 1, 2],
    ]);
    expect(tables.map((t) => [t.span, t.columns, tableWidth(t)])).toEqual([
      [{ left: 0, right: 3 }, { title: 0, A: 1, C: 2, F: 3 }, 4],
      [{ left: 5, right: 8 }, { title: 5, A: 6, C: 7, F: 8 }, 9],
    ]);
  });
});
