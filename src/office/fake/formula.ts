/**
 * A small Excel formula evaluator for the fake workbook: enough to recalculate simple sums and to
 * tell whether a conditional format's formula holds (the add-in's marks use ROUND, SUM, AND, OR,
 * ISTEXT, LEN, TRIM, comparisons). Anything else throws UnsupportedFormula so the fake never
 * pretends to know a result.
 */
import { columnIndex } from '../../domain/a1';

export interface FError {
  error: string;
}
export type FValue = number | string | boolean | null | FError;

export interface FormulaEnv {
  /** Computed value of a sheet cell (0-based); null when empty. */
  cell(row: number, col: number): FValue;
}

export class UnsupportedFormula extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedFormula';
  }
}

export const isFError = (v: unknown): v is FError => typeof v === 'object' && v !== null && typeof (v as FError).error === 'string';

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'ref'; row: number; col: number; absRow: boolean; absCol: boolean }
  | { t: 'range'; a: RefNode; b: RefNode }
  | { t: 'fn'; name: string; args: Node[] }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'neg'; a: Node }
  | { t: 'pct'; a: Node };
type RefNode = Extract<Node, { t: 'ref' }>;

interface Token {
  k: 'num' | 'str' | 'err' | 'id' | 'ref' | 'op' | '(' | ')' | ',';
  v: string;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new UnsupportedFormula('unterminated string');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: 'str', v: s });
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/^\d+[A-Za-z]/.test(src.slice(i)) && !/^\d+:/.test(src.slice(i))) {
      out.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const err = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!)/i.exec(src.slice(i));
    if (err) {
      out.push({ k: 'err', v: err[0].toUpperCase() });
      i += err[0].length;
      continue;
    }
    const ref = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(src.slice(i));
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (ref && !(id && id[0].length > ref[0].length) && src.slice(i + ref[0].length).trimStart()[0] !== '(') {
      out.push({ k: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ k: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%:'.includes(ch)) {
      out.push({ k: 'op', v: ch });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ k: ch, v: ch });
      i++;
      continue;
    }
    throw new UnsupportedFormula(`unexpected "${ch}"`);
  }
  return out;
}

function parseRef(text: string): RefNode {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(text)!;
  return { t: 'ref', absCol: m[1] === '$', col: columnIndex(m[2]), absRow: m[3] === '$', row: Number(m[4]) - 1 };
}

function parse(src: string): Node {
  const body = src.trim().replace(/^=/, '');
  const toks = tokenize(body);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (...ops: string[]) => peek()?.k === 'op' && ops.includes(peek().v);
  const expect = (k: Token['k']) => {
    if (peek()?.k !== k) throw new UnsupportedFormula(`expected ${k}`);
    return toks[p++];
  };
  const comparison = (): Node => {
    let a = concat();
    while (isOp('=', '<>', '<', '>', '<=', '>=')) {
      const op = toks[p++].v;
      a = { t: 'bin', op, a, b: concat() };
    }
    return a;
  };
  const concat = (): Node => {
    let a = additive();
    while (isOp('&')) {
      p++;
      a = { t: 'bin', op: '&', a, b: additive() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = multiplicative();
    while (isOp('+', '-')) {
      const op = toks[p++].v;
      a = { t: 'bin', op, a, b: multiplicative() };
    }
    return a;
  };
  const multiplicative = (): Node => {
    let a = power();
    while (isOp('*', '/')) {
      const op = toks[p++].v;
      a = { t: 'bin', op, a, b: power() };
    }
    return a;
  };
  const power = (): Node => {
    let a = unary();
    while (isOp('^')) {
      p++;
      a = { t: 'bin', op: '^', a, b: unary() };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('-')) {
      p++;
      return { t: 'neg', a: unary() };
    }
    if (isOp('+')) {
      p++;
      return unary();
    }
    let a = primary();
    while (isOp('%')) {
      p++;
      a = { t: 'pct', a };
    }
    return a;
  };
  const primary = (): Node => {
    const tok = peek();
    if (!tok) throw new UnsupportedFormula('unexpected end');
    p++;
    switch (tok.k) {
      case 'num':
        return { t: 'num', v: Number(tok.v) };
      case 'str':
        return { t: 'str', v: tok.v };
      case 'err':
        return { t: 'err', v: tok.v };
      case 'ref': {
        const a = parseRef(tok.v);
        if (isOp(':')) {
          p++;
          const b = expect('ref');
          return { t: 'range', a, b: parseRef(b.v) };
        }
        return a;
      }
      case 'id': {
        const name = tok.v.toUpperCase();
        if (peek()?.k === '(') {
          p++;
          const args: Node[] = [];
          if (peek()?.k !== ')') {
            for (;;) {
              args.push(comparison());
              if (peek()?.k === ',') {
                p++;
                continue;
              }
              break;
            }
          }
          expect(')');
          return { t: 'fn', name, args };
        }
        if (name === 'TRUE' || name === 'FALSE') return { t: 'bool', v: name === 'TRUE' };
        throw new UnsupportedFormula(`name ${tok.v}`);
      }
      case '(': {
        const e = comparison();
        expect(')');
        return e;
      }
      default:
        throw new UnsupportedFormula(`unexpected ${tok.v}`);
    }
  };
  const node = comparison();
  if (p !== toks.length) throw new UnsupportedFormula('trailing tokens');
  return node;
}

const cache = new Map<string, Node>();
function compiled(formula: string): Node {
  let node = cache.get(formula);
  if (!node) {
    node = parse(formula);
    if (cache.size > 5000) cache.clear();
    cache.set(formula, node);
  }
  return node;
}

/** Throws UnsupportedFormula when the formula uses something this evaluator does not know. */
export function checkFormula(formula: string): void {
  compiled(formula);
}

const VALUE: FError = { error: '#VALUE!' };

function toNumber(v: FValue): number | FError {
  if (isFError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = v.trim();
  if (s !== '' && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  return VALUE;
}

function toText(v: FValue): string | FError {
  if (isFError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function toBool(v: FValue): boolean | FError {
  if (isFError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const s = v.trim().toUpperCase();
  if (s === 'TRUE') return true;
  if (s === 'FALSE') return false;
  return VALUE;
}

/** Excel's ROUND: half away from zero, on the decimal digits people see. */
export function excelRound(x: number, digits: number): number {
  const m = Math.pow(10, digits);
  const scaled = Math.abs(x) * m;
  const r = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * r) / m;
}

function compare(a: FValue, b: FValue, op: string): FValue {
  if (isFError(a)) return a;
  if (isFError(b)) return b;
  const rank = (v: FValue) => (typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
  if (a === null && b === null) a = b = 0;
  if (a === null) a = typeof b === 'number' ? 0 : typeof b === 'string' ? '' : false;
  if (b === null) b = typeof a === 'number' ? 0 : typeof a === 'string' ? '' : false;
  let c: number;
  if (rank(a) !== rank(b)) c = rank(a) - rank(b);
  else if (typeof a === 'string') {
    const x = a.toUpperCase();
    const y = (b as string).toUpperCase();
    c = x < y ? -1 : x > y ? 1 : 0;
  } else {
    const x = Number(a);
    const y = Number(b);
    c = x < y ? -1 : x > y ? 1 : 0;
  }
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

interface Offset {
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

/** What a conditional format makes of a formula's result. */
export function isTruthy(v: FValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return false;
}
