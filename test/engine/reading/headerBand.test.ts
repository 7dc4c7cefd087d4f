/**
 * Reading a header band (src/domain/headerBand.ts): the cells of one row, columns joined top to
 * bottom, group headers merged across, letters, and the tables side by side in a band.
 */
import { Cell, MergedArea, SheetGrid } from '../../../src/domain/grid';
import { BandColumn, HeaderCell, bandScore, headerCells, isHeader, matchBand, segments } from '../../../src/domain/headerBand';
import { MergeIndex } from '../../../src/domain/merges';
import { CALPAE_TEMPLATE } from '../../../src/domain/template';

type Raw = string | number | null | Cell;

function sheet(raw: Raw[][], merges: MergedArea[] = []): SheetGrid {
  return { name: 'Annexe', origin: { row: 0, col: 0 }, rows: raw.map((r) => r.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))), merges };
}

const cell = (col: number, words: string, extra: Partial<HeaderCell> = {}): HeaderCell => ({ col, left: col, right: col, words, raw: words, ...extra });
const column = (col: number, extra: Partial<BandColumn> = {}): BandColumn => ({ col, labelLength: 0, inlineLetter: false, ...extra });

describe('the header cells of a row', () => {
  it('keeps text cells up to 300 characters, not covered by a merge; takes letters alone or at the start of a label', () => {
    const x300 = 'x'.repeat(300);
    const g = sheet([[12, 'x'.repeat(301), x300, '  ', 'A', 'Z', 'A Participation État', 'A+B+C+D+E', 'Crédits du département', 'caché', { value: true }, 'b - report']], [{ top: 0, left: 8, bottom: 0, right: 9 }]);
    expect(headerCells(g, new MergeIndex(g), CALPAE_TEMPLATE, 0)).toEqual([
      { col: 2, left: 2, right: 2, words: x300, raw: x300 },
      { col: 4, left: 4, right: 4, words: '', letter: 'A', raw: 'A' },
      { col: 5, left: 5, right: 5, words: 'z', raw: 'Z' },
      { col: 6, left: 6, right: 6, words: 'participation etat', letter: 'A', raw: 'A Participation État' },
      { col: 7, left: 7, right: 7, words: 'a b c d e', raw: 'A+B+C+D+E' },
      { col: 8, left: 8, right: 9, words: 'credits du departement', raw: 'Crédits du département' },
      { col: 11, left: 11, right: 11, words: 'report', letter: 'B', raw: 'b - report' },
    ]);
    expect(headerCells(g, new MergeIndex(g), CALPAE_TEMPLATE, 5)).toEqual([]);
  });
});

describe('a band joined column by column', () => {
  it('a group header merged across two columns is part of each; the row below tells them apart', () => {
    const m = matchBand(CALPAE_TEMPLATE, [
      [cell(0, "intitule de l action"), cell(1, 'credits du departement', { left: 1, right: 2 })],
      [cell(1, 'affectes'), cell(2, 'reportes')],
    ]);
    expect(m).toEqual({
      columns: [
        column(0, { key: 'title', labelLength: 20 }),
        column(1, { key: 'C', labelLength: 31 }),
        column(2, { key: 'D', labelLength: 31 }),
      ],
      present: new Set([0, 1, 2]),
    });
  });

  it('a cell merged across twelve columns counts for each; across thirteen, for its own column only', () => {
    const twelve = matchBand(CALPAE_TEMPLATE, [[cell(0, 'budget global', { left: 0, right: 11 })]]);
    expect(twelve.columns.map((c) => [c.col, c.key])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => [c, 'F']));
    const thirteen = matchBand(CALPAE_TEMPLATE, [[cell(0, 'budget global', { left: 0, right: 12 })]]);
    expect(thirteen).toEqual({ columns: [column(0, { key: 'F', labelLength: 13 })], present: new Set([0]) });
  });

  it('the same far right of the sheet (columns K and L)', () => {
    const m = matchBand(CALPAE_TEMPLATE, [[cell(10, 'credits du departement', { left: 10, right: 11 })], [cell(10, 'affectes'), cell(11, 'reportes')]]);
    expect(m).toEqual({ columns: [column(10, { key: 'C', labelLength: 31 }), column(11, { key: 'D', labelLength: 31 })], present: new Set([10, 11]) });
  });

  it('a letter merged across two columns names its own column only', () => {
    const m = matchBand(CALPAE_TEMPLATE, [[cell(1, '', { letter: 'A', left: 1, right: 2 })]]);
    expect(m).toEqual({ columns: [column(1, { letter: 'A' })], present: new Set([1]) });
  });

  it('a column keeps its first letter; a letter is inline when written with words', () => {
    const m = matchBand(CALPAE_TEMPLATE, [
      [cell(0, '', { letter: 'A' }), cell(1, 'participation etat', { letter: 'A' }), cell(2, 'note')],
      [cell(0, 'notifiee', { letter: 'B' }), cell(1, '', { letter: 'C' }), cell(2, '', { letter: 'E' })],
    ]);
    expect(m.columns).toEqual([
      column(0, { letter: 'A' }),
      column(1, { key: 'A', labelLength: 18, letter: 'A', inlineLetter: true }),
      column(2, { letter: 'E' }),
    ]);
  });

  it('a label is matched on whole words', () => {
    // « theme » is a label; « themes » and « ctheme » are not.
    const m = matchBand(CALPAE_TEMPLATE, [[cell(0, 'themes'), cell(1, 'ctheme'), cell(2, 'le theme')]]);
    expect(m.columns.map((c) => c.key)).toEqual([undefined, undefined, 'theme']);
  });
});

describe('what makes a header, and how much it says', () => {
  it('three amount columns named, or five letters', () => {
    const three = { columns: [column(0, { key: 'A' }), column(1, { key: 'C' }), column(2, { key: 'F' })], present: new Set([0, 1, 2]) };
    const two = { columns: [column(0, { key: 'A' }), column(1, { key: 'C' }), column(2, { key: 'title' })], present: new Set([0, 1, 2]) };
    const five = { columns: ['A', 'B', 'C', 'D', 'E'].map((l, i) => column(i, { letter: l as 'A' })), present: new Set([0, 1, 2, 3, 4]) };
    const four = { columns: ['A', 'B', 'C', 'D'].map((l, i) => column(i, { letter: l as 'A' })), present: new Set([0, 1, 2, 3]) };
    expect([isHeader(CALPAE_TEMPLATE, three), isHeader(CALPAE_TEMPLATE, two), isHeader(CALPAE_TEMPLATE, five), isHeader(CALPAE_TEMPLATE, four)]).toEqual([true, false, true, false]);
  });

  it('the score counts distinct keys and letters, then label lengths and letters', () => {
    const m = { columns: [column(0, { key: 'A', labelLength: 18, letter: 'A' }), column(1, { key: 'A', labelLength: 10 }), column(2, { letter: 'B' })], present: new Set([0, 1, 2]) };
    expect(bandScore(m)).toEqual({ keys: 3, length: 30 });
  });
});

describe('tables side by side in a band', () => {
  const cols = (...spec: Array<[number, Partial<BandColumn>]>) => ({ columns: spec.map(([c, x]) => column(c, x)), present: new Set(spec.map(([c]) => c)) });
  const parts = (m: ReturnType<typeof cols>) => segments(CALPAE_TEMPLATE, m).map((s) => s.map((c) => c.col));

  it('an amount column named again starts a new table, even with no empty column between', () => {
    expect(parts(cols([0, { key: 'title' }], [1, { key: 'A' }], [2, { key: 'C' }], [3, { key: 'A' }], [4, { key: 'C' }]))).toEqual([[0, 1, 2], [3, 4]]);
    // A text column named again does not.
    expect(parts(cols([0, { key: 'title' }], [1, { key: 'A' }], [2, { key: 'title' }], [3, { key: 'C' }]))).toEqual([[0, 1, 2, 3]]);
  });

  it('one empty column joins two islands that repeat nothing; two empty columns part them', () => {
    expect(parts(cols([0, { key: 'title' }], [1, { key: 'A' }], [3, { key: 'C' }], [4, { key: 'F' }]))).toEqual([[0, 1, 3, 4]]);
    expect(parts(cols([0, { key: 'title' }], [1, { key: 'A' }], [3, { key: 'A' }], [4, { key: 'F' }]))).toEqual([[0, 1], [3, 4]]);
    expect(parts(cols([0, { key: 'title' }], [1, { key: 'A' }], [4, { key: 'C' }], [5, { key: 'F' }]))).toEqual([[0, 1], [4, 5]]);
  });

  it('a band with no column has no table', () => {
    expect(segments(CALPAE_TEMPLATE, { columns: [], present: new Set() })).toEqual([]);
  });

  it('a letter repeated starts a new table; a letter over a named column of the same letter does not', () => {
    expect(parts(cols([0, { letter: 'A' }], [1, { letter: 'A' }]))).toEqual([[0], [1]]);
    expect(parts(cols([0, { key: 'A' }], [1, { letter: 'A' }]))).toEqual([[0, 1]]);
    expect(parts(cols([0, { key: 'A', letter: 'A' }], [1, { letter: 'A' }]))).toEqual([[0, 1]]);
    expect(parts(cols([0, { letter: 'A' }], [2, { letter: 'A' }]))).toEqual([[0], [2]]);
  });
});
