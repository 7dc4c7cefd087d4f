/**
 * ExcelJS checks each merged area it reads against every one read before it: quadratic, about
 * 40 s of a 45 s load on a 100 000-row consolidated annex. While our loader reads a file, that
 * check is done cell by cell instead (a cell of an earlier merge is marked merged): the same
 * refusal of overlapping merges ("Cannot merge already merged cells"), in time linear in the
 * merged cells. Scoped to our loads (installed while at least one runs), so anyone else using
 * ExcelJS in the process, like the benchmark's baseline, gets ExcelJS as it is.
 */
interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface CellLike {
  isMerged: boolean;
  address: string;
  merge(master: CellLike, ignoreStyle?: boolean): void;
}
interface WorksheetLike {
  getCell(r: number, c: number): CellLike;
  _merges: Record<string, MergeRange>;
  _parseMergeCells(model: { mergeCells?: string[] }): void;
}

type Patch = { proto: WorksheetLike; original: WorksheetLike['_parseMergeCells']; Range: new (ref: string) => MergeRange };

function findPatch(): Patch | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Worksheet = require('exceljs/lib/doc/worksheet') as { prototype: WorksheetLike };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Range = require('exceljs/lib/doc/range') as Patch['Range'];
    const original = Worksheet.prototype._parseMergeCells;
    if (typeof original !== 'function' || typeof Range !== 'function') return null;
    return { proto: Worksheet.prototype, original, Range };
  } catch {
    return null; // another ExcelJS layout: its own check stays
  }
}

const patch = findPatch();
let users = 0;

function parseMergeCellsLinear(this: WorksheetLike, model: { mergeCells?: string[] }): void {
  for (const ref of model.mergeCells ?? []) {
    const d = new patch!.Range(ref);
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) if (this.getCell(i, j).isMerged) throw new Error('Cannot merge already merged cells');
    }
    // As ExcelJS's mergeCellsWithoutStyle: styles are not merged on import.
    const master = this.getCell(d.top, d.left);
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) if (i > d.top || j > d.left) this.getCell(i, j).merge(master, true);
    }
    this._merges[master.address] = d;
  }
}

/** Run `load` with the linear merge check in place. */
export async function withLinearMergeCheck<T>(load: () => Promise<T>): Promise<T> {
  if (!patch) return load();
  if (users++ === 0) patch.proto._parseMergeCells = parseMergeCellsLinear;
  try {
    return await load();
  } finally {
    if (--users === 0) patch.proto._parseMergeCells = patch.original;
  }
}
