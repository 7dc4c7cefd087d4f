/**
 * What Excel does to references when rows or columns are inserted or deleted: every A1 reference
 * to the sheet (absolute or not) past the edit moves with its cells, a range that loses some of
 * its rows shrinks, and a reference whose cells are all deleted becomes #REF!. Used by the fake
 * for cell formulas and conditional-format formulas. Text inside quotes is left alone; a
 * reference qualified with another sheet's name is left alone.
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex, columnLetters } from '../../domain/a1';

/** Rows (or columns) `at` … `at + count - 1` inserted (count > 0) or deleted (count < 0), 0-based. */
export interface LineEdit {
  axis: 'row' | 'col';
  at: number;
  count: number;
}

/** The new index of line `i`, or null when it was deleted. */
export function shiftLine(i: number, edit: LineEdit): number | null {
  if (i < edit.at) return i;
  if (edit.count > 0) return i + edit.count;
  const deleted = -edit.count;
  if (i < edit.at + deleted) return null;
  return i - deleted;
}

/** A span [a, b] of lines after the edit; null when all of it was deleted. */
export function shiftSpan(a: number, b: number, edit: LineEdit): [number, number] | null {
  if (edit.count > 0) {
    // Inserting inside a span widens it (Excel grows a range when rows go in below its first row).
    const na = a >= edit.at ? a + edit.count : a;
    const nb = b >= edit.at ? b + edit.count : b;
    return [na, nb];
  }
  const deleted = -edit.count;
  const end = edit.at + deleted - 1;
  if (a >= edit.at && b <= end) return null;
  const na = a < edit.at ? a : a <= end ? edit.at : a - deleted;
  const nb = b < edit.at ? b : b <= end ? edit.at - 1 : b - deleted;
  return nb < na ? null : [na, nb];
}

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;

function isNameChar(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9_.\u00C0-\uFFFF]/.test(ch);
}

/** The sheet name qualifying a reference that starts at `i` (`Feuil1!`, `'Annexe 9'!`), or null. */
function qualifier(f: string, i: number): string | null {
  if (f[i - 1] !== '!') return null;
  let j = i - 2;
  if (f[j] === "'") {
    let name = '';
    j--;
    while (j >= 0) {
      if (f[j] === "'" && f[j - 1] === "'") {
        name = `'${name}`;
        j -= 2;
        continue;
      }
      if (f[j] === "'") break;
      name = f[j] + name;
      j--;
    }
    return name;
  }
  let name = '';
  while (j >= 0 && isNameChar(f[j])) name = f[j--] + name;
  return name;
}

interface Ref {
  absCol: boolean;
  col: number;
  absRow: boolean;
  row: number;
}

function readRef(f: string, i: number): { ref: Ref; end: number } | null {
  REF.lastIndex = i;
  const m = REF.exec(f);
  if (!m) return null;
  const end = i + m[0].length;
  // Part of a longer name (SUM1, A1B), a function call (LOG10(), or a number's digits.
  if (isNameChar(f[end]) || f[end] === '(') return null;
  const row = Number(m[4]) - 1;
  const col = columnIndex(m[2]);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS) return null;
  return { ref: { absCol: m[1] === '$', col, absRow: m[3] === '$', row }, end };
}

const write = (r: Ref) => `${r.absCol ? '$' : ''}${columnLetters(r.col)}${r.absRow ? '$' : ''}${r.row + 1}`;

/**
 * `formula` after `edit` on sheet `sheetName` (the sheet the formula lives on when `local` is
 * true: unqualified references then point at the edited sheet).
 */
export function shiftFormula(formula: string, edit: LineEdit, sheetName: string, local = true): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      let j = close < 0 ? formula.length : close + 1;
      while (j < formula.length && formula[j] === '"') {
        const next = formula.indexOf('"', j + 1);
        j = next < 0 ? formula.length : next + 1;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (isNameChar(formula[i - 1]) && formula[i - 1] !== undefined && !/[$]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    const a = readRef(formula, i);
    if (!a) {
      out += ch;
      i++;
      continue;
    }
    const q = qualifier(formula, i);
    const applies = q === null ? local : q.toLowerCase() === sheetName.toLowerCase();
    let b: { ref: Ref; end: number } | null = null;
    if (formula[a.end] === ':') b = readRef(formula, a.end + 1);
    const end = b ? b.end : a.end;
    if (!applies) {
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const key = edit.axis === 'row' ? 'row' : 'col';
    if (b) {
      const lo = Math.min(a.ref[key], b.ref[key]);
      const hi = Math.max(a.ref[key], b.ref[key]);
      const span = shiftSpan(lo, hi, edit);
      if (!span) out += '#REF!';
      else {
        const aIsLo = a.ref[key] <= b.ref[key];
        const first = { ...a.ref, [key]: aIsLo ? span[0] : span[1] };
        const second = { ...b.ref, [key]: aIsLo ? span[1] : span[0] };
        out += `${write(first)}:${write(second)}`;
      }
    } else {
      const n = shiftLine(a.ref[key], edit);
      out += n === null ? '#REF!' : write({ ...a.ref, [key]: n });
    }
    i = end;
  }
  return out;
}
