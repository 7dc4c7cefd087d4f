/** Formulas read into a tree: the tokenizer and the parser (precedence as Excel's), with a cache. */
import { columnIndex } from '../../domain/a1';
import { UnsupportedFormula } from './values';

export type Node =
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
export type RefNode = Extract<Node, { t: 'ref' }>;

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
/** The parsed formula, cached: the same conditional-format formula is evaluated for every cell. */
export function compiled(formula: string): Node {
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
