/** Fast lookup of the merged area covering a cell: merged cells hold their value in the top-left only. */
import { Cell, MergedArea, SheetGrid, getCell } from './grid';

const KEY_COLS = 1 << 15; // more columns than Excel's 16 384

export class MergeIndex {
  private readonly byCell = new Map<number, MergedArea>();

  constructor(private readonly grid: SheetGrid) {
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.byCell.set(r * KEY_COLS + c, m);
      }
    }
  }

  areaAt(r: number, c: number): MergedArea | undefined {
    return this.byCell.get(r * KEY_COLS + c);
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
