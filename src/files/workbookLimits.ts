/**
 * What a workbook file would cost to open, measured before ExcelJS is given it, and refused with a
 * French message when it is out of proportion. A received file is untrusted: one merged area
 * `A1:XFD1048576` in 2 KB makes ExcelJS create 17 billion cells, a zip part may inflate to
 * gigabytes, a data validation or a defined name over the whole sheet is expanded cell by cell.
 *
 * The parts are inflated once, as a stream, through JSZip — the very reader ExcelJS uses, so
 * what is measured is what ExcelJS would read (same entries, same names, same sizes; a header
 * that lies about a size changes nothing, only inflated bytes are counted) — and their tags are
 * counted on the way. Browser-safe (no Node module): the demo page loads files through it too.
 *
 * This file: the limits, the record of what a file would build, the refusal and its words, the
 * references counted. The counting is workbookCensus.ts; the pass over the zip,
 * checkWorkbookLimits, is workbookScan.ts.
 */
import { columnIndex } from '../domain/a1';
import { FR_BEFORE_UNIT, FR_DIGIT_GROUP } from '../domain/amounts';

export interface WorkbookLimits {
  /** The file itself, in bytes. */
  fileBytes: number;
  /** Entries of the zip. */
  parts: number;
  /** One worksheet part, inflated. */
  sheetPartBytes: number;
  /** Any other part, inflated. */
  otherPartBytes: number;
  /** All parts, inflated. */
  totalBytes: number;
  /** A part larger than `bombRatio` times the whole file (and than `bombFloorBytes`) is a bomb. */
  bombRatio: number;
  bombFloorBytes: number;
  /**
   * What opening the workbook builds in memory, in cells: each written cell counts 1, each row 2,
   * each merged cell ½, each cell under a data validation or in a defined name ¼ (ExcelJS keeps
   * an object for every one of them; weights measured on the whole check, about 600 MB a million).
   */
  cells: number;
  /** One merged area. */
  mergedArea: number;
  /** Cells the ranges of one formula cover (the demo's formula evaluator visits each). */
  formulaRange: number;
  /** Cells all formulas cover together (a shared formula counted once per cell). */
  formulaCells: number;
}

/**
 * Sized so that a 100 000-row consolidated annex (7 MB; 1.17 M cells, 0.11 M rows, 0.23 M merged
 * cells: 1.5 M by the weights below, about 900 MB for the whole check) passes, and nothing much
 * larger does.
 */
export const LIMITS: WorkbookLimits = {
  fileBytes: 64 * 2 ** 20,
  parts: 10_000,
  sheetPartBytes: 128 * 2 ** 20,
  otherPartBytes: 64 * 2 ** 20,
  totalBytes: 256 * 2 ** 20,
  bombRatio: 100,
  bombFloorBytes: 16 * 2 ** 20,
  cells: 1_600_000,
  mergedArea: 100_000,
  formulaRange: 2 ** 21,
  formulaCells: 20_000_000,
};

/** What was counted (all of it when the file passed; up to the refusal otherwise). */
export interface WorkbookCensus {
  parts: number;
  inflatedBytes: number;
  cells: number;
  rows: number;
  mergedCells: number;
  validatedCells: number;
  namedCells: number;
  formulaCells: number;
}

/** A workbook refused before it was opened: `message` says why, the limit, and what to do (French). */
export class WorkbookLimitError extends Error {
  constructor(
    readonly limit: keyof WorkbookLimits | 'excelBounds' | 'xml',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookLimitError';
  }
}

// ---------------------------------------------------------------------------------------------
// Words.
// ---------------------------------------------------------------------------------------------

/** 1234567 → « 1 234 567 », grouped as amounts are (FR_DIGIT_GROUP), a no-break space before a unit. */
export const count = (n: number): string => (Number.isFinite(n) ? Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, FR_DIGIT_GROUP) : 'une infinité de');
export const mo = (bytes: number): string => `${count(Math.floor(bytes / 2 ** 20))}${FR_BEFORE_UNIT}Mo`;
export const size = (bytes: number): string => (bytes < 2 ** 20 ? `${count(Math.max(1, Math.round(bytes / 1024)))}${FR_BEFORE_UNIT}Ko` : mo(bytes));
export const RESAVE = "Demandez à l’expéditeur un classeur enregistré par Excel.";
export const SMALLER = "Enregistrez l’annexe seule dans un nouveau classeur (sans autres feuilles, images ni lignes et colonnes superflues), puis contrôlez ce classeur.";

// ---------------------------------------------------------------------------------------------
// References.
// ---------------------------------------------------------------------------------------------

const CELL = /^\$?([A-Za-z]+)\$?(\d+)$/;

/** `A1`, `$A$1` → 1-based row and column (beyond Excel's bounds as written). */
export function cellOf(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref.trim());
  return m ? { row: Number(m[2]), col: columnIndex(m[1]) + 1 } : null;
}

/** Cells of `A1:B2` (or of one cell); null for what is not a cell-to-cell reference (`A:A`, a name). */
export function areaOf(ref: string): number | null {
  const [a, b = a, extra] = ref.split(':');
  if (extra !== undefined) return null;
  const from = cellOf(a);
  const to = cellOf(b);
  if (!from || !to) return null;
  return (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
}

const RANGE_IN_FORMULA = /(\$?[A-Za-z]{1,4}\$?\d{1,15}):(\$?[A-Za-z]{1,4}\$?\d{1,15})/g;

/** Cells covered by the cell-to-cell ranges of a formula (or defined name), string literals aside. */
export function formulaArea(formula: string): number {
  let total = 0;
  for (const m of formula.replace(/"(?:[^"]|"")*"/g, '""').matchAll(RANGE_IN_FORMULA)) total += areaOf(`${m[1]}:${m[2]}`) ?? 0;
  return total;
}

/** Why a file of `bytes` is not read at all. */
export function fileTooLargeMessage(bytes: number, limits: WorkbookLimits = LIMITS): string {
  return `le fichier fait ${mo(bytes)}\u202f; la limite du contrôle est de ${mo(limits.fileBytes)}. ${SMALLER}`;
}
