/**
 * The marks a report puts on a sheet (src/domain/marks.ts), on a report typed by hand: a grid at
 * C5 (origin row 4, col 2), findings out of order, two tables. Only what planMarks reads is typed.
 */
import { Finding } from '../../../src/domain/findings';
import { SheetReport } from '../../../src/domain/analyze';
import { FILLED_CODE, ROW_TINT, RULE_STYLES, planMarks } from '../../../src/domain/marks';
import { ruleMark } from '../../../src/domain/rules/registry';

const finding = (rule: string, row: number, col: number, args?: object) => ({ rule, at: { row, col }, args }) as unknown as Finding;

describe('planMarks', () => {
  it('cells in grid coordinates, rules by importance once each, rows tinted in order, marked cells left out', () => {
    // Sheet cells: K8 has a row total then a subtotal then the row total again; E8 an A ≠ C. Second
    // table: F20 and F21 miss a code in the empty merge F18:F21 (marked once, at F18); F23's code
    // cell is covered by D23:F23, the title merged across from the left (marked at D23).
    const k8a = finding('ROW_TOTAL', 7, 10);
    const k8b = finding('SUBTOTAL', 7, 10);
    const k8c = finding('ROW_TOTAL', 7, 10);
    const e8 = finding('A_NEQ_C', 7, 4);
    const g6 = finding('A_NEQ_C', 5, 6);
    const f20 = finding('MISSING_IMPUTATION', 19, 5, { target: { row: 17, col: 5 } });
    const f21 = finding('MISSING_IMPUTATION', 20, 5, { target: { row: 17, col: 5 } });
    const f23 = finding('MISSING_IMPUTATION', 22, 5, { target: { row: 22, col: 5 }, shownAt: { row: 22, col: 3 } });
    const report = {
      origin: { row: 4, col: 2 },
      findings: [k8a, e8, k8b, g6, k8c, f20, f21, f23],
      tables: [
        { layout: { columns: { F: 8, A: 2, title: 1, C: 4, D: undefined } }, findings: [k8a, g6, e8, k8b, k8c] },
        { layout: { columns: { imputation: 3, title: 1 } }, findings: [f20, f21, f23] },
      ],
    } as unknown as SheetReport;
    expect(planMarks(report)).toEqual({
      cells: [
        { gridRow: 3, gridCol: 8, fill: ruleMark('SUBTOTAL').fill, rules: ['SUBTOTAL', 'ROW_TOTAL'], findings: [k8a, k8b, k8c] },
        { gridRow: 3, gridCol: 2, fill: ruleMark('A_NEQ_C').fill, rules: ['A_NEQ_C'], findings: [e8] },
        { gridRow: 1, gridCol: 4, fill: ruleMark('A_NEQ_C').fill, rules: ['A_NEQ_C'], findings: [g6] },
        { gridRow: 13, gridCol: 3, fill: ruleMark('MISSING_IMPUTATION').fill, rules: ['MISSING_IMPUTATION'], findings: [f20, f21] },
        { gridRow: 18, gridCol: 1, fill: ruleMark('MISSING_IMPUTATION').fill, rules: ['MISSING_IMPUTATION'], findings: [f23] },
      ],
      rows: [
        { gridRow: 1, gridCols: [1, 2, 8] },
        { gridRow: 3, gridCols: [1, 4] },
        { gridRow: 15, gridCols: [1, 3] },
        { gridRow: 16, gridCols: [1, 3] },
        { gridRow: 18, gridCols: [3] },
      ],
    });
    expect(ruleMark('SUBTOTAL').fill).not.toBe(ruleMark('ROW_TOTAL').fill);
  });
});

describe('the styles', () => {
  it('each rule’s colour and symbol by code, the row tint, the filled code', () => {
    expect(Object.entries(RULE_STYLES).map(([rule, style]) => `${rule} ${style.fill} ${style.symbol}`)).toEqual([
      'UNREADABLE_AMOUNT #C8C8C8 ?',
      'STALE_FORMULA #D4C8EC ↻',
      'SUBTOTAL #F5B69A Σ',
      'SECTION_TOTAL #E9B3D3 Σ²',
      'GRAND_TOTAL #D79BC0 ΣΣ',
      'ROW_TOTAL #F9D48C F',
      'A_NEQ_C #A9D8F5 ½',
      'VALORISATION_EXCEEDS_C #F3EC8E V',
      'MISSING_IMPUTATION #9FDCC8 #',
    ]);
    expect([ROW_TINT, FILLED_CODE]).toEqual(['#FFF3DC', '#D9F2E6']);
  });
});
