/**
 * ExcelJS checks each merge it reads against every merge read before (quadratic: about 40 s of a
 * 45 s load at 100 000 rows). To show the load's cost without that check, the bench can run a
 * load with the check skipped — for measuring only, in the bench's own process; the merges of a
 * file Excel wrote do not overlap.
 */
interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface WorksheetLike {
  getCell(r: number, c: number): { merge(master: unknown, ignoreStyle?: boolean): void; address: string };
  _merges: Record<string, MergeRange>;
  _mergeCellsInternal(d: MergeRange, ignoreStyle?: boolean): void;
}

/** Runs `fn` with ExcelJS's merge overlap check skipped; puts it back after. */
export async function withoutMergeOverlapCheck<T>(fn: () => Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Worksheet = require('exceljs/lib/doc/worksheet') as { prototype: WorksheetLike };
  const original = Worksheet.prototype._mergeCellsInternal;
  // Same as ExcelJS's own, minus the loop over the earlier merges.
  Worksheet.prototype._mergeCellsInternal = function (this: WorksheetLike, d: MergeRange, ignoreStyle?: boolean): void {
    const master = this.getCell(d.top, d.left);
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) if (i > d.top || j > d.left) this.getCell(i, j).merge(master, ignoreStyle);
    }
    this._merges[master.address] = d;
  };
  try {
    return await fn();
  } finally {
    Worksheet.prototype._mergeCellsInternal = original;
  }
}
