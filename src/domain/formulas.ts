/**
 * The few formulas an annex's totals are made of, read and recomputed: SUM / SOMME over ranges and
 * lists (`=SUM(L22:L37)`, `=SOMME(L7;L10)`) and `+` chains of cell references (`=L11+L14`), with
 * `$` and this sheet's name allowed. Anything else is "not evaluated", never guessed.
 */
import { Rect } from './a1';
import { SheetGrid, columnIndex, columnLetters } from './grid';
import { Decimals, Money, moneyOfNumber } from './money';

/** A cell or a range, in 0-based sheet coordinates. */
export interface FormulaRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Written inside SUM(…): text there is skipped, as Excel does; a bare `+` reference must be a number. */
  inSum: boolean;
}

export interface SimpleFormula {
  /** As stored, with `=`. */
  text: string;
  refs: FormulaRef[];
  /** One SUM of one range (`=SUM(L22:L37)`): then the message can say where it stops. */
  singleRange: boolean;
}

const MAX_FORMULA_LENGTH = 2000;
// A sheet name Excel leaves unquoted (a1.ts quoteSheetName): letters, accented ones too, digits, `_` and `.`.
const REF = String.raw`(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
const RANGE = new RegExp(String.raw`^${REF}(?::${REF})?$`);

function parseRef(text: string, sheet: string, inSum: boolean): FormulaRef | null {
  const m = RANGE.exec(text.trim());
  if (!m) return null;
  const sheets = [m[1]?.replace(/''/g, "'") ?? m[2], m[5]?.replace(/''/g, "'") ?? m[6]].filter((x) => x !== undefined);
  if (sheets.some((s) => s.toLowerCase() !== sheet.toLowerCase())) return null;
  const r1 = Number(m[4]) - 1;
  const c1 = columnIndex(m[3]);
  const r2 = m[8] ? Number(m[8]) - 1 : r1;
  const c2 = m[7] ? columnIndex(m[7]) : c1;
  if (r1 < 0 || r2 < 0) return null;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2), inSum };
}

// The fast path's patterns (rows from 1): one that matches less leaves the formula to the general
// reading in parseSimpleFormula, which gives the same references; one that matches more is tested.
// Stryker disable next-line Regex: narrower, the general reading gives the same; wider, tested
const CHAIN = /^=\+?\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}(\+\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6})*$/;
// Stryker disable next-line Regex: only run on the parts of a text CHAIN matched: wider reads them the same, narrower throws
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
// Stryker disable next-line Regex: narrower, the general reading gives the same; wider, tested
const ONE_SUM = /^=(?:SUM|SOMME)\(\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6}):\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})\)$/i;

/** The two shapes nearly every total has, read without the general parser (a sheet may hold 100 000). */
function parseCommon(text: string): SimpleFormula | null {
  const sum = ONE_SUM.exec(text);
  // Stryker disable next-line ConditionalExpression,BlockStatement: skipped, the general reading gives the same range
  if (sum) {
    const [r1, r2] = [Number(sum[2]) - 1, Number(sum[4]) - 1];
    const [c1, c2] = [columnIndex(sum[1]), columnIndex(sum[3])];
    return { text, refs: [{ top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2), inSum: true }], singleRange: true };
  }
  // Stryker disable next-line ConditionalExpression: a null here leaves it to the general reading, which gives the same
  if (!CHAIN.test(text)) return null;
  const refs: FormulaRef[] = [];
  for (const part of text.slice(1).split('+')) {
    if (!part) continue;
    const m = CELL.exec(part)!;
    const r = Number(m[2]) - 1;
    const c = columnIndex(m[1]);
    refs.push({ top: r, bottom: r, left: c, right: c, inSum: false });
  }
  return { text, refs, singleRange: false };
}

/** Read `=SUM(L5:L6)`, `=SOMME(L7;L10)`, `=L11+L14`, `=+L7+SUM(L9:L10)`; null for anything else. */
export function parseSimpleFormula(text: string | undefined, sheet: string): SimpleFormula | null {
  if (!text || text.length > MAX_FORMULA_LENGTH) return null;
  const stored = text.trim();
  const common = parseCommon(stored);
  // Stryker disable next-line ConditionalExpression: the fast path: the general reading below gives the same formula
  if (common) return common;
  if (!stored.startsWith('=')) return null;
  const body = stored.slice(1).trim().replace(/^\+/, '');
  const refs: FormulaRef[] = [];
  let sums = 0;
  // Split on `+` outside parentheses (a sheet name inside SUM(…) may hold one).
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  // Stryker disable next-line EqualityOperator: one more turn reads body[length], undefined, which no branch takes
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '+' && depth === 0) {
      terms.push(body.slice(start, i));
      start = i + 1;
    } else if (ch === '"') return null; // strings: not a sum of cells
    if (depth < 0 || depth > 1) return null;
  }
  terms.push(body.slice(start));
  for (const raw of terms) {
    const term = raw.trim();
    const call = /^(?:_xlfn\.)?(SUM|SOMME)\s*\((.*)\)$/i.exec(term);
    if (call) {
      sums++;
      for (const arg of call[2].split(/[;,]/)) {
        const ref = parseRef(arg, sheet, true);
        if (!ref) return null;
        refs.push(ref);
      }
      continue;
    }
    const ref = parseRef(term, sheet, false);
    if (!ref || ref.top !== ref.bottom || ref.left !== ref.right) return null;
    refs.push(ref);
  }
  // Every term gave at least one reference: one SUM and one reference is one term.
  return { text: stored, refs, singleRange: sums === 1 && refs.length === 1 };
}

/** A formula as a French Excel shows it: SOMME, `;` between arguments. */
export function formulaForDisplay(text: string, lang: 'fr' | 'en'): string {
  if (lang === 'en') return text;
  // Only the formulas read here are translated: others are shown as stored.
  return text.replace(/\bSUM\s*\(([^()"]*)\)/gi, (_m, args: string) => `SOMME(${args.replace(/,/g, ';')})`);
}

/**
 * The cells of `within` a formula covers, 0-based sheet coordinates, reference by reference, row by
 * row: a range over the whole sheet gives the cells of the grid, not 17 billion.
 */
export function coveredCells(f: SimpleFormula, within: Rect): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  for (const ref of f.refs) {
    const [bottom, right] = [Math.min(ref.bottom, within.bottom), Math.min(ref.right, within.right)];
    for (let r = Math.max(ref.top, within.top); r <= bottom; r++) for (let c = Math.max(ref.left, within.left); c <= right; c++) out.push({ row: r, col: c });
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Cells one formula may read (with the formulas it reads), and all formulas of a sheet together: a hostile range stays bounded. */
const MAX_CELLS = 200_000;
const MAX_SHEET_CELLS = 20_000_000;
const MAX_DEPTH = 500;

/**
 * Recomputes the simple formulas of a sheet from its cells, as Excel would, in whole minor units
 * of `decimals` (each cell read to the minor unit, as the checks read it): a referenced formula
 * is recomputed in turn. `undefined` when the formula cannot be evaluated (another function, an
 * error, text where a number is needed, a loop, a sum out of range).
 */
export class FormulaEvaluator {
  private readonly memo = new Map<number, Money | null>();
  private readonly parsed = new Map<number, SimpleFormula | null>();
  private readonly width: number;
  private budget = MAX_CELLS;

  constructor(
    private readonly grid: SheetGrid,
    private readonly decimals: Decimals,
    /** Cells all formulas of the sheet may read together (the default but for tests). */
    private sheetBudget = MAX_SHEET_CELLS,
  ) {
    const w = grid.rows.reduce((longest, row) => Math.max(longest, row?.length ?? 0), 1);
    this.width = w + grid.origin.col + 1;
  }

  private key(r: number, c: number): number {
    // Stryker disable next-line ArithmeticOperator: r × width − c is as one-to-one as + for 0 ≤ c < width
    return r * this.width + c;
  }

  /** The simple formula of a grid cell, or null. */
  formulaAt(r: number, c: number): SimpleFormula | null {
    const k = this.key(r, c);
    // Stryker disable next-line ConditionalExpression: a cache: parsing the same text again gives the same formula
    if (this.parsed.has(k)) return this.parsed.get(k)!;
    const f = parseSimpleFormula(this.grid.rows[r]?.[c]?.formula, this.grid.name);
    this.parsed.set(k, f);
    return f;
  }

  /** What the formula of a grid cell gives, or undefined when it has none we evaluate. */
  evaluate(r: number, c: number): Money | undefined {
    if (!this.formulaAt(r, c)) return undefined;
    // A spent sheet budget (it never goes below 0) leaves a budget of 0: valueOf then reads nothing.
    this.budget = Math.min(MAX_CELLS, this.sheetBudget);
    const before = this.budget;
    // Stryker disable next-line BooleanLiteral: the cell has a formula, and valueOf reads inSum only for a cell without one
    const v = this.valueOf(r, c, false, 0);
    this.sheetBudget -= before - Math.max(this.budget, 0);
    return v === null ? undefined : v;
  }

  /** A grid cell's value as a formula reads it; null when unknown. */
  private valueOf(r: number, c: number, inSum: boolean, depth: number): Money | null {
    if (--this.budget < 0 || depth > MAX_DEPTH) return null;
    const cell = this.grid.rows[r]?.[c];
    if (!cell) return 0;
    if (cell.formula) {
      const f = this.formulaAt(r, c);
      // Another formula: its stored value may be as stale as the rest, so nothing is assumed.
      if (!f) return null;
      const k = this.key(r, c);
      if (this.memo.has(k)) return this.memo.get(k)!;
      this.memo.set(k, null); // a loop reads as unknown
      const v = this.sum(f, depth + 1);
      this.memo.set(k, v);
      return v;
    }
    const v = cell.value;
    if (v === null || v === undefined) return 0;
    if (typeof v === 'number') return moneyOfNumber(v, this.decimals);
    if (typeof v === 'string' && v.trim() === '') return 0;
    // SUM skips text and logical values; `+` on them is not a sum of amounts; an error or a date is unknown.
    return inSum && (typeof v === 'string' || typeof v === 'boolean') ? 0 : null;
  }

  private sum(f: SimpleFormula, depth: number): Money | null {
    let total = 0;
    const { row: dr, col: dc } = this.grid.origin;
    for (const ref of f.refs) {
      // Cells above, left of or below the grid are empty: not even visited (a sheet has 17 billion).
      const bottom = Math.min(ref.bottom, dr + this.grid.rows.length - 1);
      for (let r = Math.max(ref.top, dr); r <= bottom; r++) {
        for (let c = Math.max(ref.left, dc); c <= ref.right; c++) {
          const v = this.valueOf(r - dr, c - dc, ref.inSum, depth);
          if (v === null) return null;
          total += v;
          if (total > Number.MAX_SAFE_INTEGER || total < -Number.MAX_SAFE_INTEGER) return null;
        }
      }
    }
    return total;
  }
}
