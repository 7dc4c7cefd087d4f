/** Rows and columns moving: what a user's Insert, Delete and Data > Sort do (and Range.insert / delete / sort). */
import { MAX_COLUMNS, MAX_ROWS, Rect, parseRect } from '../../domain/a1';
import { FValue, LineEdit, isFError, shiftFormula, shiftLine, shiftSpan } from '../formula';
import { HostCell, HostConditionalFormat, key, unkey } from './host';
import type { FakeWorkbook } from './workbook';

/**
 * Insert (count > 0) or delete (count < 0) whole rows or columns, as Excel does: cells, formats,
 * merges, hidden rows and conditional formats move with their cells; every formula referring
 * to the sheet (its cells', its conditional formats', other sheets' qualified references) is
 * rewritten, a reference to deleted cells becoming #REF!. Fires onChanged like a user's edit.
 */
export function editLines(wb: FakeWorkbook, sheetName: string, edit: LineEdit, source: 'Unknown' | 'ThisLocalAddin' = 'Unknown'): void {
  const sheet = wb.sheet(sheetName);
  const row = edit.axis === 'row';
  const moveKey = (k: number): number | null => {
    const { row: r, col: c } = unkey(k);
    const n = shiftLine(row ? r : c, edit);
    if (n === null) return null;
    const nr = row ? n : r;
    const nc = row ? c : n;
    if (nr >= MAX_ROWS || nc >= MAX_COLUMNS) return null;
    return key(nr, nc);
  };
  const cells = new Map<number, HostCell>();
  for (const [k, cell] of sheet.cells) {
    const nk = moveKey(k);
    if (nk !== null) cells.set(nk, cell);
  }
  sheet.cells = cells;
  const moveRect = (r: Rect): Rect | null => {
    const span = row ? shiftSpan(r.top, r.bottom, edit) : shiftSpan(r.left, r.right, edit);
    if (!span) return null;
    const out = row ? { ...r, top: span[0], bottom: span[1] } : { ...r, left: span[0], right: span[1] };
    out.bottom = Math.min(out.bottom, MAX_ROWS - 1);
    out.right = Math.min(out.right, MAX_COLUMNS - 1);
    return out.top <= out.bottom && out.left <= out.right ? out : null;
  };
  sheet.merges = sheet.merges.map(moveRect).filter((m): m is Rect => m !== null && (m.top !== m.bottom || m.left !== m.right));
  const cfs: HostConditionalFormat[] = [];
  for (const cf of sheet.cfs) {
    const area = moveRect(cf.area);
    if (!area) continue; // a rule whose cells are all deleted goes with them
    cfs.push({ ...cf, area, formula: cf.formula ? shiftFormula(cf.formula, edit, sheet.name) : cf.formula });
  }
  // Rules are the same rules: keep the objects (and their stable ids) when the reading wants it.
  sheet.cfs = cfs.map((moved) => Object.assign(sheet.cfs.find((c) => c.id === moved.id)!, moved));
  if (row) {
    for (const set of [sheet.hiddenRows, sheet.filteredRows]) {
      const moved = [...set].map((r) => shiftLine(r, edit)).filter((r): r is number => r !== null);
      set.clear();
      moved.forEach((r) => set.add(r));
    }
  } else {
    const widths = new Map<number, number>();
    for (const [c, w] of sheet.columnWidths) {
      const n = shiftLine(c, edit);
      if (n !== null) widths.set(n, w);
    }
    sheet.columnWidths = widths;
  }
  for (const other of wb.sheets) {
    for (const cell of other.cells.values()) if (cell.f) cell.f = shiftFormula(cell.f, edit, sheet.name, other === sheet);
  }
  wb.recalculateAll();
  const count = Math.abs(edit.count);
  const rect = row
    ? { top: edit.at, bottom: edit.at + count - 1, left: 0, right: MAX_COLUMNS - 1 }
    : { top: 0, bottom: MAX_ROWS - 1, left: edit.at, right: edit.at + count - 1 };
  wb.fireChanged(sheet, rect, source);
}

/**
 * Sort the rows of `address` on column `by` (a letter), as Data > Sort does: each row's cells
 * (values, formulas, formats) move together inside the range. Conditional formats stay or move
 * with their row per readings.sortedConditionalFormats (rules held by one row only).
 */
export function sortRows(wb: FakeWorkbook, sheetName: string, address: string, by: string, ascending = true): void {
  const sheet = wb.sheet(sheetName);
  const rect = parseRect(address);
  if (!rect) throw new Error(`bad address ${address}`);
  const keyCol = parseRect(`${by}1`)!.left;
  const rowsIn = Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.top + i);
  const sortKey = (r: number) => wb.valueAt(sheet, r, keyCol);
  const rank = (v: FValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : isFError(v) ? 3 : 4);
  const order = [...rowsIn].sort((a, b) => {
    const x = sortKey(a);
    const y = sortKey(b);
    const d = rank(x) - rank(y);
    if (d) return d;
    if (x === null || y === null || isFError(x) || isFError(y)) return a - b;
    const c = typeof x === 'string' ? x.localeCompare(String(y), 'fr') : Number(x) - Number(y);
    return (ascending ? c : -c) || a - b;
  });
  // order[i] is the old row that lands at rowsIn[i].
  const taken = new Map<number, HostCell>();
  for (const r of rowsIn) {
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = sheet.cells.get(key(r, c));
      if (cell) taken.set(key(r, c), cell);
      sheet.cells.delete(key(r, c));
    }
  }
  const newRowOf = new Map<number, number>();
  order.forEach((old, i) => {
    newRowOf.set(old, rowsIn[i]);
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = taken.get(key(old, c));
      if (cell) sheet.cells.set(key(rowsIn[i], c), cell);
    }
  });
  if (wb.readings.sortedConditionalFormats === 'move') {
    for (const cf of sheet.cfs) {
      const a = cf.area;
      if (a.top !== a.bottom || a.top < rect.top || a.top > rect.bottom || a.left < rect.left || a.right > rect.right) continue;
      const to = newRowOf.get(a.top)!;
      if (to === a.top) continue;
      cf.formula = cf.formula.replace(new RegExp(`(\\$?[A-Za-z]{1,3}\\$?)${a.top + 1}(?![0-9])`, 'g'), `$1${to + 1}`);
      cf.area = { ...a, top: to, bottom: to };
    }
  }
  wb.recalculate(sheet);
  wb.fireChanged(sheet, rect, 'Unknown');
}
