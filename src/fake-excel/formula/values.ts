/** Values as Excel formulas see them: numbers, text, logicals, errors, and Excel's coercions between them. */

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

export const VALUE: FError = { error: '#VALUE!' };

export function toNumber(v: FValue): number | FError {
  if (isFError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = v.trim();
  if (s !== '' && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  return VALUE;
}

export function toText(v: FValue): string | FError {
  if (isFError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function toBool(v: FValue): boolean | FError {
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

export function compare(a: FValue, b: FValue, op: string): FValue {
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

/** What a conditional format makes of a formula's result. */
export function isTruthy(v: FValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return false;
}
