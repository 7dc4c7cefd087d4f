/**
 * The merged area covering a cell (src/domain/merges.ts): merged cells show the top-left value,
 * the others are covered. Merges given in any order, overlapping rows, edges included.
 */
import { MergedArea, SheetGrid } from '../../../src/domain/grid';
import { MergeIndex } from '../../../src/domain/merges';

function grid(merges: MergedArea[]): SheetGrid {
  const rows = [0, 1, 2, 3, 4, 5, 6].map((r) => [0, 1, 2, 3, 4, 5].map((c) => ({ value: `r${r}c${c}` })));
  return { name: 'Annexe', origin: { row: 0, col: 0 }, rows, merges };
}

/** Every cell's area as « top,left » (or '·'), row by row: the whole picture in one string per row. */
function picture(index: MergeIndex): string[] {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((r) =>
    [0, 1, 2, 3, 4, 5, 6]
      .map((c) => {
        const m = index.areaAt(r, c);
        return m ? `${m.top},${m.left}` : '·';
      })
      .join(' '),
  );
}

describe('the merged area covering a cell', () => {
  it('finds each merge on all its cells, edges included, whatever order the merges come in', () => {
    const merges = [
      { top: 4, left: 1, bottom: 5, right: 2 }, // a block lower down, listed first
      { top: 1, left: 0, bottom: 3, right: 0 }, // a theme cell over three rows
      { top: 2, left: 3, bottom: 2, right: 5 }, // a title over three columns, opened while the theme is open
      { top: 1, left: 4, bottom: 1, right: 4 }, // a single cell
    ];
    expect(picture(new MergeIndex(grid(merges)))).toEqual([
      '· · · · · · ·',
      '1,0 · · · 1,4 · ·',
      '1,0 · · 2,3 2,3 2,3 ·',
      '1,0 · · · · · ·',
      '· 4,1 4,1 · · · ·',
      '· 4,1 4,1 · · · ·',
      '· · · · · · ·',
      '· · · · · · ·',
    ]);
  });

  it('two merges opening on the same row, one closing before the other', () => {
    const merges = [
      { top: 2, left: 0, bottom: 4, right: 0 },
      { top: 2, left: 1, bottom: 2, right: 1 },
      { top: 3, left: 2, bottom: 3, right: 2 },
    ];
    expect(picture(new MergeIndex(grid(merges))).slice(1, 6)).toEqual([
      '· · · · · · ·',
      '2,0 2,1 · · · · ·',
      '2,0 · 3,2 · · · ·',
      '2,0 · · · · · ·',
      '· · · · · · ·',
    ]);
  });

  it('a merge opening inside another, nothing closing on that row: the rows above keep their own merges', () => {
    const merges = [
      { top: 1, left: 0, bottom: 4, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
    ];
    expect(picture(new MergeIndex(grid(merges))).slice(0, 6)).toEqual([
      '· · · · · · ·',
      '1,0 · · · · · ·',
      '1,0 2,1 · · · · ·',
      '1,0 2,1 · · · · ·',
      '1,0 · · · · · ·',
      '· · · · · · ·',
    ]);
  });

  it('a merge with no readable rows covers nothing, and the sweep ends', () => {
    const index = new MergeIndex(grid([{ top: Number.NaN, left: 0, bottom: Number.NaN, right: 2 }]));
    expect(picture(index).every((r) => r === '· · · · · · ·')).toBe(true);
  });

  it('no merge: every cell is its own', () => {
    const index = new MergeIndex(grid([]));
    expect(picture(index).every((r) => r === '· · · · · · ·')).toBe(true);
    expect(index.shownCell(2, 3)).toEqual({ value: 'r2c3' });
    expect(index.isCovered(2, 3)).toBe(false);
  });

  it('covered cells, the cell shown and vertical blocks', () => {
    const index = new MergeIndex(
      grid([
        { top: 1, left: 1, bottom: 3, right: 2 },
        { top: 5, left: 0, bottom: 5, right: 3 },
      ]),
    );
    const covered = [0, 1, 2, 3, 4, 5].map((r) => [0, 1, 2, 3, 4].map((c) => (index.isCovered(r, c) ? 'x' : '.')).join(''));
    expect(covered).toEqual(['.....', '..x..', '.xx..', '.xx..', '.....', '.xxx.']);
    expect(index.shownCell(3, 2)).toEqual({ value: 'r1c1' });
    expect(index.shownCell(1, 1)).toEqual({ value: 'r1c1' });
    expect(index.shownCell(5, 3)).toEqual({ value: 'r5c0' });
    expect(index.shownCell(4, 2)).toEqual({ value: 'r4c2' });
    expect(index.shownCell(9, 0)).toBeUndefined();
    const vertical = [0, 1, 2, 3, 4, 5].map((r) => [0, 1, 2, 3, 4].map((c) => (index.inVerticalMerge(r, c) ? 'v' : '.')).join(''));
    expect(vertical).toEqual(['.....', '.vv..', '.vv..', '.vv..', '.....', '.....']);
  });
});
