/** Fast lookup of the merged area covering a cell: merged cells hold their value in the top-left only. */
import { Cell, MergedArea, SheetGrid, getCell } from './grid';

export class MergeIndex {
  // Per grid row, the merges crossing it: a row has a handful, so a scan beats a per-cell map.
  // Rows crossed by the same merges share one list (a merged theme cell spans its whole block).
  private readonly byRow: Array<readonly MergedArea[] | undefined> = [];

  constructor(private readonly grid: SheetGrid) {
    // Sweep the rows top to bottom, keeping the merges open on the current row; a row where none
    // opens nor closes shares the list of the row above.
    const starts = [...grid.merges].sort((a, b) => a.top - b.top);
    let open: MergedArea[] = [];
    let next = 0;
    // Bounded by the lowest row merged, whatever the coordinates read (NaN bounds no row).
    let bottom = -Infinity;
    for (const m of starts) bottom = Math.max(bottom, m.bottom);
    for (let r = starts.length ? starts[0].top : 0; r <= bottom; r++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a new list on more rows than needed holds the same merges (only sharing, memory, differs)
      const closes = open.some((m) => m.bottom < r);
      // Stryker disable next-line ConditionalExpression: idem, a new list on every row holds the same merges
      if (closes || starts[next]?.top === r) {
        // A new list: the rows above keep theirs.
        open = open.filter((m) => m.bottom >= r);
        while (starts[next]?.top === r) open.push(starts[next++]);
      }
      this.byRow[r] = open;
    }
  }

  areaAt(r: number, c: number): MergedArea | undefined {
    const list = this.byRow[r];
    if (!list) return undefined;
    for (const m of list) if (c >= m.left && c <= m.right) return m;
    return undefined;
  }

  /** True when the cell is covered by a merge and is not its top-left cell. */
  isCovered(r: number, c: number): boolean {
    const m = this.areaAt(r, c);
    return !!m && (m.top !== r || m.left !== c);
  }

  /** The cell whose value shows at (r, c): the merge's top-left when merged. */
  shownCell(r: number, c: number): Cell | undefined {
    const m = this.areaAt(r, c);
    return m ? getCell(this.grid, m.top, m.left) : getCell(this.grid, r, c);
  }

  /** True when (r, c) sits in a merge spanning several rows (a vertically merged block cell). */
  inVerticalMerge(r: number, c: number): boolean {
    const m = this.areaAt(r, c);
    return !!m && m.bottom > m.top;
  }
}
