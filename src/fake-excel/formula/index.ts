/**
 * The fake's formulas: a small evaluator (evaluate.ts) over a parser (syntax.ts) and Excel's
 * value coercions (values.ts), and what inserting or deleting rows does to references (shift.ts).
 */
export { MAX_CELLS_PER_EVALUATION, evaluateFormula } from './evaluate';
export type { Offset } from './evaluate';
export { checkFormula } from './syntax';
export { UnsupportedFormula, excelRound, isFError, isTruthy } from './values';
export type { FError, FValue, FormulaEnv } from './values';
export { shiftFormula, shiftLine, shiftSpan } from './shift';
export type { LineEdit } from './shift';
