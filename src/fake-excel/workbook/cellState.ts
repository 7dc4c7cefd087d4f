/** A cell as the demo renders it and tests compare it: value, formats, conditional formats that apply now. */
import { MAX_COLUMNS, MAX_ROWS, Rect, cellA1, rectA1, rectContains } from '../../domain/a1';
import { UnsupportedFormula, evaluateFormula, isTruthy } from '../formula';
import { CellState, HostConditionalFormat, HostSheet, key, unkey } from './host';
import type { FakeWorkbook } from './workbook';

/** Whether a conditional format applies at a cell now; null when its formula is beyond the fake. */
export function cfApplies(wb: FakeWorkbook, sheet: HostSheet, cf: HostConditionalFormat, row: number, col: number): boolean | null {
  if (cf.type !== 'Custom') return null;
  try {
    const v = evaluateFormula(cf.formula, { cell: (r, c) => wb.valueAt(sheet, r, c) }, { row: row - cf.area.top, col: col - cf.area.left });
    return isTruthy(v);
  } catch (e) {
    if (e instanceof UnsupportedFormula) return null;
    throw e;
  }
}

export function cellStateAt(wb: FakeWorkbook, sheet: HostSheet, row: number, col: number): CellState {
  const c = sheet.cells.get(key(row, col));
  const cfs = sheet.cfs
    .filter((cf) => rectContains(cf.area, row, col))
    .map((cf) => ({ id: cf.id, formula: cf.formula, fill: cf.fill, applies: cfApplies(wb, sheet, cf, row, col) }));
  const applying = cfs.find((cf) => cf.applies && cf.fill);
  const merge = sheet.merges.find((m) => rectContains(m, row, col) && (m.top !== row || m.left !== col));
  const state: CellState = {
    address: cellA1(row, col),
    value: c?.err ? null : c?.v ?? null,
    numberFormat: c?.fmt ?? 'General',
    fill: c?.fill ?? null,
    conditionalFormats: cfs,
    displayFill: applying?.fill ?? c?.fill ?? null,
  };
  if (c?.err) state.error = c.err;
  if (c?.f) state.formula = c.f;
  if (merge) {
    state.mergedInto = cellA1(merge.top, merge.left);
    // Excel draws a merged cell with its top left's format: a covered cell's own colour never shows.
    state.displayFill = cellStateAt(wb, sheet, merge.top, merge.left).displayFill;
  }
  return state;
}

/** Every cell of the sheet's used area (content or format), row by row, for rendering. */
export function sheetState(wb: FakeWorkbook, sheetName: string): { name: string; rect: Rect | null; rows: CellState[][]; merges: string[]; protected: boolean } {
  const sheet = wb.sheet(sheetName);
  const rect = wb.usedRect(sheet, false);
  const rows: CellState[][] = [];
  if (rect) {
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: CellState[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(cellStateAt(wb, sheet, r, c));
      rows.push(row);
    }
  }
  return { name: sheet.name, rect, rows, merges: sheet.merges.map((m) => rectA1(m)), protected: sheet.protected };
}

/** Bounding box of cells with values (valuesOnly) or with anything at all. */
export function usedRect(sheet: HostSheet, valuesOnly: boolean): Rect | null {
  let top = MAX_ROWS;
  let left = MAX_COLUMNS;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of sheet.cells) {
    if (valuesOnly && c.v === null && !c.err && !c.f) continue;
    const { row, col } = unkey(k);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}
