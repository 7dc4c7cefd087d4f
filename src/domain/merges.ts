/** Fast lookup of the merged area covering a cell: merged cells hold their value in the top-left only. */
import { Cell, MergedArea, SheetGrid, getCell } from './grid';

export class MergeIndex {
  // Per grid row, the merges crossing it: a row has a handful, so a scan beats a per-cell map.
  private readonly byRow: Array<MergedArea[] | undefined> = [];

  constructor(private readonly grid: SheetGrid) {
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) (this.byRow[r] ??= []).push(m);
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
