/**
 * Writing missing Chorus codes (the engine's fill plan) into cells that are STILL empty at write
 * time: the cells are read again in the sync just before the write, and any the user typed in
 * since the check are left alone and reported. Each written cell gets a light green conditional
 * format (FILLED_CODE) that holds while the cell keeps the value written, and a journal entry with
 * the exact value and what the cell held before.
 */
import { Fill } from '../domain/findings';
import { CODE_FILL, codeFormula } from './marks';
import { JournalFill, JournalMark } from './journal';

export interface FillCheck {
  fill: Fill;
  range: Excel.Range;
}

export interface FillWrite {
  check: FillCheck;
  /** What the cell held (empty, or blank text). */
  before: string;
  /** The number format, when the code must be written as text. */
  numberFormatBefore?: string;
}

/** Queue the re-read of each target cell. */
export function queueFillReads(sheet: Excel.Worksheet, fills: Fill[]): FillCheck[] {
  return fills.map((fill) => {
    const range = sheet.getRange(fill.cell);
    range.load('values,formulas,numberFormat');
    return { fill, range };
  });
}

/** Empty now: nothing, or only spaces, and no formula. */
export function isBlankNow(value: unknown, formula: unknown): boolean {
  if (typeof formula === 'string' && formula.startsWith('=')) return false;
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Excel would turn the text into something else (a number, a formula): write it as text. */
export function needsTextFormat(code: string): boolean {
  return !/[A-Za-zÀ-ÿ]/.test(code) || /^[=+\-@]/.test(code);
}

export function decideFills(checks: FillCheck[]): { writes: FillWrite[]; skipped: string[] } {
  const writes: FillWrite[] = [];
  const skipped: string[] = [];
  for (const check of checks) {
    const value = check.range.values[0][0];
    const formula = check.range.formulas[0][0];
    if (!isBlankNow(value, formula)) {
      skipped.push(check.fill.cell);
      continue;
    }
    const write: FillWrite = { check, before: typeof value === 'string' ? value : '' };
    const fmt = String(check.range.numberFormat[0][0] ?? 'General');
    if (needsTextFormat(check.fill.code) && fmt !== '@') write.numberFormatBefore = fmt;
    writes.push(write);
  }
  return { writes, skipped };
}

/** Queue the writes; returns what the journal records. */
export function queueFillWrites(writes: FillWrite[], at: string): { fills: JournalFill[]; marks: JournalMark[] } {
  const fills: JournalFill[] = [];
  const marks: JournalMark[] = [];
  for (const w of writes) {
    const { range, fill } = w.check;
    if (w.numberFormatBefore !== undefined) range.numberFormat = [['@']];
    range.values = [[fill.code]];
    const formula = codeFormula(fill.cell, fill.code);
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = CODE_FILL;
    const entry: JournalFill = { cell: fill.cell, written: fill.code, before: w.before, at };
    if (w.numberFormatBefore !== undefined) entry.numberFormatBefore = w.numberFormatBefore;
    fills.push(entry);
    marks.push({ range: fill.cell, kind: 'code', rules: ['MISSING_IMPUTATION'], formula, fill: CODE_FILL });
  }
  return { fills, marks };
}
