/**
 * Writing missing Chorus codes (the engine's fill plan) into cells that are STILL empty at write
 * time and still on the row the check saw: the cells, and their row's anchor (the action's title),
 * are read again in the sync just before the write; a cell the user typed in since the check, or
 * whose row moved (rows inserted, deleted or sorted), is left alone and reported.
 *
 * Each written cell gets a light green conditional format that holds while the cell keeps the
 * value written and carries the fill's id (marks.ts, codeFormula), and a journal entry with the
 * exact value, what the cell held before and its anchor: « Retirer les imputations complétées » (and « Tout retirer… ») finds the cell
 * where it is now, and takes the code back only if the sheet still confirms every part of it.
 */
import { SheetReport } from '../domain/analyze';
import { Fill } from '../domain/findings';
import { SheetGrid, cellAddress as gridCellAddress } from '../domain/grid';
import { CALPAE_TEMPLATE, parseChorusCode } from '../domain/template';
import { JournalAnchor, JournalFill } from './journal';
import { CODE_FILL, codeFormula } from './marks';

/** A fill planned by the check, with the anchor of its row as the check read it. */
export interface FillTarget {
  fill: Fill;
  anchor?: JournalAnchor;
}

export interface FillCheck {
  target: FillTarget;
  range: Excel.Range;
  anchorRange: Excel.Range | null;
}

export interface FillWrite {
  check: FillCheck;
  id: string;
  /** What the cell held (empty, or blank text). */
  before: string;
  /** The number format, when the code must be written as text. */
  numberFormatBefore?: string;
}

/**
 * The anchor of each fill's row: the action's title (else its fiche number) as the check read it.
 * A row moved since (inserted or deleted rows above, a sort) no longer shows it at that address.
 */
export function fillTargets(report: SheetReport, grid: SheetGrid): FillTarget[] {
  return report.fills.map((fill) => {
    const table = report.tables.find((t) => fill.gridRow >= t.layout.dataStart && fill.gridRow < t.layout.dataEnd) ?? report.tables[0];
    for (const key of ['title', 'fiche'] as const) {
      const col = table?.layout.columns[key];
      if (col === undefined || col === fill.gridCol) continue;
      const value = grid.rows[fill.gridRow]?.[col]?.value;
      if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number' || typeof value === 'boolean') {
        return { fill, anchor: { cell: gridCellAddress(grid, fill.gridRow, col), value } };
      }
    }
    return { fill };
  });
}

/** Queue the re-read of each target cell and its anchor. */
export function queueFillReads(sheet: Excel.Worksheet, targets: FillTarget[]): FillCheck[] {
  return targets.map((target) => {
    const range = sheet.getRange(target.fill.cell);
    range.load('values,formulas,numberFormat');
    const anchorRange = target.anchor ? sheet.getRange(target.anchor.cell).load('values') : null;
    return { target, range, anchorRange };
  });
}

/** Empty now: nothing, or only spaces, and no formula. A number (0 too) or a boolean is content. */
export function isBlankNow(value: unknown, formula: unknown): boolean {
  if (typeof formula === 'string' && formula.startsWith('=')) return false;
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Excel would turn the text into something else (a number, a formula): write it as text. */
export function needsTextFormat(code: string): boolean {
  return !/[A-Za-zÀ-ÿ]/.test(code) || /^[=+\-@]/.test(code);
}

/** A Chorus code of the template, as the add-in writes it (the code alone or with its label). */
export function isKnownChorusText(text: string): boolean {
  if (text.length > 300 || /^[=+\-@]/.test(text.trim())) return false;
  const code = parseChorusCode(CALPAE_TEMPLATE, text);
  return !!code && CALPAE_TEMPLATE.codes.some((c) => c.code === code);
}

let sequence = 0;
/** Digits only: the id sits in a formula, and must never read as a cell reference. */
function newFillId(at: Date): string {
  sequence = (sequence + 1) % 1000;
  return `${at.getTime()}${String(sequence).padStart(3, '0')}-${Math.floor(Math.random() * 1e9)}`;
}

export function decideFills(checks: FillCheck[], at: Date = new Date()): { writes: FillWrite[]; skipped: string[]; moved: string[] } {
  const writes: FillWrite[] = [];
  const skipped: string[] = [];
  const moved: string[] = [];
  for (const check of checks) {
    const value = check.range.values[0][0];
    const formula = check.range.formulas[0][0];
    const { fill, anchor } = check.target;
    if (!isBlankNow(value, formula)) {
      skipped.push(fill.cell);
      continue;
    }
    if (anchor && check.anchorRange && check.anchorRange.values[0][0] !== anchor.value) {
      moved.push(fill.cell);
      continue;
    }
    const write: FillWrite = { check, id: newFillId(at), before: typeof value === 'string' ? value : '' };
    const fmt = String(check.range.numberFormat[0][0] ?? 'General');
    if (needsTextFormat(fill.code) && fmt !== '@') write.numberFormatBefore = fmt;
    writes.push(write);
  }
  return { writes, skipped, moved };
}

/** What the journal records of the writes (queued before them: a failed write leaves only entries nothing confirms). */
export function journalFills(writes: FillWrite[], at: string): JournalFill[] {
  return writes.map((w) => {
    const { fill, anchor } = w.check.target;
    const entry: JournalFill = { id: w.id, cell: fill.cell, written: fill.code, before: w.before, at };
    if (w.numberFormatBefore !== undefined) entry.numberFormatBefore = w.numberFormatBefore;
    if (anchor) entry.anchor = anchor;
    return entry;
  });
}

/** Queue the writes: the code, then its rule (added on top, used at once: ids are positions). */
export function queueFillWrites(writes: FillWrite[]): void {
  for (const w of writes) {
    const { range } = w.check;
    const { fill, anchor } = w.check.target;
    if (w.numberFormatBefore !== undefined) range.numberFormat = [['@']];
    range.values = [[fill.code]];
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = codeFormula(fill.cell, fill.code, w.id, anchor?.cell);
    cf.custom.format.fill.color = CODE_FILL;
  }
}
