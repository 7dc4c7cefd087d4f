/**
 * A small Excel formula evaluator for the fake workbook: enough to recalculate simple sums and to
 * tell whether a conditional format's formula holds (the add-in's marks use ROUND, SUM, AND, OR,
 * ISTEXT, LEN, TRIM, comparisons). Anything else throws UnsupportedFormula so the fake never
 * pretends to know a result.
 */
import { Node, RefNode, compiled } from './syntax';
import { FError, FValue, FormulaEnv, UnsupportedFormula, VALUE, compare, excelRound, isFError, toBool, toNumber, toText } from './values';

export interface Offset {
  row: number;
  col: number;
}

function refCell(n: RefNode, off: Offset): { row: number; col: number } {
  return { row: n.absRow ? n.row : n.row + off.row, col: n.absCol ? n.col : n.col + off.col };
}

/**
 * Cells one evaluation may read. A workbook can hold `=SUM(A2:XFD1048576)` (17 billion cells):
 * past this the fake says it does not know the result (the cell keeps its stored value, a rule
 * is "unknown") instead of exhausting memory or time.
 */
export const MAX_CELLS_PER_EVALUATION = 200_000;
let budget = MAX_CELLS_PER_EVALUATION;

function spend(cells: number): void {
  budget -= cells;
  if (budget < 0) throw new UnsupportedFormula(`more than ${MAX_CELLS_PER_EVALUATION} cells in one formula`);
}

/** The cells an argument covers when it is a reference (function arguments treat them apart). */
function refValues(n: Node, env: FormulaEnv, off: Offset): FValue[] | null {
  if (n.t === 'ref') {
    const c = refCell(n, off);
    spend(1);
    return [env.cell(c.row, c.col)];
  }
  if (n.t === 'range') {
    const a = refCell(n.a, off);
    const b = refCell(n.b, off);
    spend((Math.abs(a.row - b.row) + 1) * (Math.abs(a.col - b.col) + 1));
    const out: FValue[] = [];
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(env.cell(r, c));
    }
    return out;
  }
  return null;
}

function evalNode(n: Node, env: FormulaEnv, off: Offset): FValue {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'str':
      return n.v;
    case 'bool':
      return n.v;
    case 'err':
      return { error: n.v };
    case 'ref': {
      const c = refCell(n, off);
      spend(1);
      return env.cell(c.row, c.col);
    }
    case 'range':
      return VALUE;
    case 'neg': {
      const x = toNumber(evalNode(n.a, env, off));
      return isFError(x) ? x : -x;
    }
    case 'pct': {
      const x = toNumber(evalNode(n.a, env, off));
      return isFError(x) ? x : x / 100;
    }
    case 'bin': {
      const a = evalNode(n.a, env, off);
      const b = evalNode(n.b, env, off);
      if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) return compare(a, b, n.op);
      if (n.op === '&') {
        const x = toText(a);
        const y = toText(b);
        if (isFError(x)) return x;
        if (isFError(y)) return y;
        return x + y;
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (isFError(x)) return x;
      if (isFError(y)) return y;
      switch (n.op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          return y === 0 ? { error: '#DIV/0!' } : x / y;
        default:
          return Math.pow(x, y);
      }
    }
    case 'fn':
      return callFunction(n.name, n.args, env, off);
  }
}

/** Numbers of SUM/MIN/MAX arguments: references skip text and logicals, typed values are coerced. */
function numbersOf(args: Node[], env: FormulaEnv, off: Offset): number[] | FError {
  const out: number[] = [];
  for (const a of args) {
    const cells = refValues(a, env, off);
    if (cells) {
      for (const v of cells) {
        if (isFError(v)) return v;
        if (typeof v === 'number') out.push(v);
      }
    } else {
      const x = toNumber(evalNode(a, env, off));
      if (isFError(x)) return x;
      out.push(x);
    }
  }
  return out;
}

function logicalsOf(args: Node[], env: FormulaEnv, off: Offset): boolean[] | FError {
  const out: boolean[] = [];
  for (const a of args) {
    const cells = refValues(a, env, off);
    if (cells) {
      for (const v of cells) {
        if (isFError(v)) return v;
        if (typeof v === 'boolean') out.push(v);
        else if (typeof v === 'number') out.push(v !== 0);
      }
    } else {
      const x = toBool(evalNode(a, env, off));
      if (isFError(x)) return x;
      out.push(x);
    }
  }
  return out.length ? out : VALUE;
}

function callFunction(name: string, args: Node[], env: FormulaEnv, off: Offset): FValue {
  const arg = (i: number) => (i < args.length ? evalNode(args[i], env, off) : null);
  const arity = (min: number, max = min) => {
    if (args.length < min || args.length > max) throw new UnsupportedFormula(`${name}: ${args.length} arguments`);
  };
  switch (name) {
    case 'SUM': {
      const xs = numbersOf(args, env, off);
      return isFError(xs) ? xs : xs.reduce((s, x) => s + x, 0);
    }
    case 'MIN':
    case 'MAX': {
      const xs = numbersOf(args, env, off);
      if (isFError(xs)) return xs;
      if (!xs.length) return 0;
      return name === 'MIN' ? Math.min(...xs) : Math.max(...xs);
    }
    case 'ROUND': {
      arity(2);
      const x = toNumber(arg(0));
      const d = toNumber(arg(1));
      if (isFError(x)) return x;
      if (isFError(d)) return d;
      return excelRound(x, Math.trunc(d));
    }
    case 'ABS': {
      arity(1);
      const x = toNumber(arg(0));
      return isFError(x) ? x : Math.abs(x);
    }
    case 'AND':
    case 'OR': {
      const xs = logicalsOf(args, env, off);
      if (isFError(xs)) return xs;
      return name === 'AND' ? xs.every(Boolean) : xs.some(Boolean);
    }
    case 'NOT': {
      arity(1);
      const x = toBool(arg(0));
      return isFError(x) ? x : !x;
    }
    case 'IF': {
      arity(2, 3);
      const c = toBool(arg(0));
      if (isFError(c)) return c;
      return c ? arg(1) : args.length > 2 ? arg(2) : false;
    }
    case 'IFERROR': {
      arity(2);
      const v = arg(0);
      return isFError(v) ? arg(1) : v;
    }
    case 'ISREF': {
      arity(1);
      const a = args[0];
      // A reference (cell or range) is one; #REF! (a reference whose cells were deleted) is not.
      return a.t === 'ref' || a.t === 'range';
    }
    case 'ISTEXT':
    case 'ISNUMBER':
    case 'ISBLANK':
    case 'ISERROR':
    case 'ISLOGICAL': {
      arity(1);
      const v = arg(0);
      if (name === 'ISTEXT') return typeof v === 'string';
      if (name === 'ISNUMBER') return typeof v === 'number';
      if (name === 'ISBLANK') return v === null;
      if (name === 'ISERROR') return isFError(v);
      return typeof v === 'boolean';
    }
    case 'LEN': {
      arity(1);
      const s = toText(arg(0));
      return isFError(s) ? s : s.length;
    }
    case 'TRIM': {
      arity(1);
      const s = toText(arg(0));
      return isFError(s) ? s : s.replace(/ +/g, ' ').trim();
    }
    case 'EXACT': {
      arity(2);
      const a = toText(arg(0));
      const b = toText(arg(1));
      if (isFError(a)) return a;
      if (isFError(b)) return b;
      return a === b;
    }
    case 'REPT': {
      arity(2);
      const t = toText(arg(0));
      const n = toNumber(arg(1));
      if (isFError(t)) return t;
      if (isFError(n)) return n;
      if (n < 0 || t.length * n > 32767) return VALUE;
      return t.repeat(Math.floor(n));
    }
    case 'N': {
      arity(1);
      const v = arg(0);
      if (isFError(v)) return v;
      return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
    }
    default:
      throw new UnsupportedFormula(`function ${name}`);
  }
}

/**
 * Evaluate `formula` (with or without `=`). `offset` shifts relative references, as Excel does for
 * a conditional format's cells other than the top-left one.
 */
export function evaluateFormula(formula: string, env: FormulaEnv, offset: Offset = { row: 0, col: 0 }): FValue {
  const node = compiled(formula);
  budget = MAX_CELLS_PER_EVALUATION;
  return evalNode(node, env, offset);
}
