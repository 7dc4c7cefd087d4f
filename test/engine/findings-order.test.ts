/**
 * Findings in sheet order (check.ts `bySheetOrder`) and the key of a cell (findings.ts `cellKey`),
 * by hand: by row, then column, then the most important rule first (the registry's priorities:
 * STALE_FORMULA 1 before ROW_TOTAL 5 before A_NEQ_C 6); one key per cell.
 */
import { Finding, bySheetOrder, cellKey } from '../../src/domain';

/** Just what the order reads: the rule and the cell. */
const at = (rule: Finding['rule'], row: number, col: number) => ({ rule, at: { row, col } }) as Finding;
const names = (list: Finding[]) => list.map((f) => `${f.rule}@${f.at.row},${f.at.col}`);

describe('findings in sheet order', () => {
  it('two findings on one cell: the most important rule first, whichever came first', () => {
    const stale = at('STALE_FORMULA', 4, 10);
    const rowTotal = at('ROW_TOTAL', 4, 10);
    expect(bySheetOrder(stale, rowTotal)).toBeLessThan(0);
    expect(bySheetOrder(rowTotal, stale)).toBeGreaterThan(0);
    expect(bySheetOrder(rowTotal, rowTotal)).toBe(0);
    expect(names([rowTotal, stale].sort(bySheetOrder))).toEqual(['STALE_FORMULA@4,10', 'ROW_TOTAL@4,10']);
    expect(names([stale, rowTotal].sort(bySheetOrder))).toEqual(['STALE_FORMULA@4,10', 'ROW_TOTAL@4,10']);
  });

  it('by row first, then by column, before the rule', () => {
    const list = [at('STALE_FORMULA', 5, 2), at('A_NEQ_C', 4, 6), at('ROW_TOTAL', 4, 10), at('STALE_FORMULA', 4, 10), at('UNREADABLE_AMOUNT', 5, 1)];
    expect(names(list.sort(bySheetOrder))).toEqual(['A_NEQ_C@4,6', 'STALE_FORMULA@4,10', 'ROW_TOTAL@4,10', 'UNREADABLE_AMOUNT@5,1', 'STALE_FORMULA@5,2']);
  });
});

describe('cellKey', () => {
  it('one key per cell: cells of one row, of one column, and the last column of a sheet', () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 0, col: 16_383 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
      { row: 9, col: 3 },
      { row: 9, col: 4 },
      { row: 10, col: 3 },
      { row: 1_048_575, col: 16_383 },
      // 20 000 rows below A1, one column left of B1.
      { row: 20_000, col: 0 },
    ];
    expect(new Set(cells.map(cellKey)).size).toBe(cells.length);
    expect(cellKey({ row: 9, col: 3 })).toBe(cellKey({ row: 9, col: 3 }));
  });
});
