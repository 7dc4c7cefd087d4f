/**
 * ExcelJS checks each merged area it reads against every one read before it: quadratic, about
 * 40 s of a 45 s load on a 100 000-row consolidated annex, minutes for 100 000 small merges. While
 * our loader reads a file, that check is done cell by cell instead (a cell of an earlier merge is
 * marked merged): the same refusal of overlapping merges ("Cannot merge already merged cells"), in
 * time linear in the merged cells (which workbookLimits.ts caps before the load). Scoped to our
 * loads (installed while at least one runs), so anyone else using ExcelJS in the process, like the
 * benchmark's baseline, gets ExcelJS as it is.
 *
 * Browser-safe: ExcelJS's classes are found through an instance, not through its Node sources, so
 * the demo page (ExcelJS's prebuilt browser bundle) gets the same check.
 */
import * as ExcelJS from 'exceljs';
import { Rect } from '../domain/a1';

/** ExcelJS's merge Range: our rectangle's shape, 1-based. */
type MergeRange = Rect;
interface CellLike {
  isMerged: boolean;
  address: string;
  merge(master: CellLike, ignoreStyle?: boolean): void;
}
interface WorksheetLike {
  getCell(r: number, c: number): CellLike;
  mergeCells(range: string): void;
  _merges: Record<string, MergeRange>;
  _parseMergeCells(model: { mergeCells?: string[] }): void;
}

type Patch = { proto: WorksheetLike; original: WorksheetLike['_parseMergeCells']; Range: new (ref: string) => MergeRange };

function findPatch(): Patch | null {
  try {
    // One throwaway sheet with one merge: its prototype is ExcelJS's Worksheet, the merge a Range.
    const probe = new ExcelJS.Workbook().addWorksheet('probe') as unknown as WorksheetLike;
    probe.mergeCells('A1:B1');
    const proto = Object.getPrototypeOf(probe) as WorksheetLike;
    const range = Object.values(probe._merges ?? {})[0] as object | undefined;
    const Range = range ? (Object.getPrototypeOf(range) as { constructor: Patch['Range'] }).constructor : undefined;
    const original = proto._parseMergeCells;
    if (typeof original !== 'function' || typeof Range !== 'function') return null;
    const check = new Range('B2:C3');
    if (check.top !== 2 || check.left !== 2 || check.bottom !== 3 || check.right !== 3) return null;
    return { proto, original, Range };
  } catch {
    return null; // another ExcelJS layout: its own check stays
  }
}

let patch: Patch | null | undefined;
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

/** True when the linear check can be installed over this ExcelJS (Node sources or browser bundle). */
export function linearMergeCheckAvailable(): boolean {
  if (patch === undefined) patch = findPatch();
  return patch !== null;
}

/** Run `load` with the linear merge check in place. */
export async function withLinearMergeCheck<T>(load: () => Promise<T>): Promise<T> {
  if (!linearMergeCheckAvailable()) return load();
  const p = patch!;
  if (users++ === 0) p.proto._parseMergeCells = parseMergeCellsLinear;
  try {
    return await load();
  } finally {
    if (--users === 0) p.proto._parseMergeCells = p.original;
  }
}
