/** A fake workbook filled from engine grids: each grid a sheet at its origin, with the options' fills and hidden rows. */
import { CellValue, SheetGrid, isCellError } from '../../domain/grid';
import { parseRect } from '../../domain/a1';
import { FakeWorkbookOptions, HostCell, key } from './host';
import type { FakeWorkbook } from './workbook';

/** Excel's date serial of a JavaScript date (1900 system). */
function dateSerial(d: Date): number {
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) - Date.UTC(1899, 11, 30)) / 86400000;
}

function hostCellOf(value: CellValue, numFmt?: string, formula?: string): HostCell | null {
  const cell: HostCell = { v: null };
  if (value === null || value === undefined || value === '') cell.v = null;
  else if (value instanceof Date) cell.v = dateSerial(value);
  else if (isCellError(value)) cell.err = value.error;
  else cell.v = value as number | string | boolean;
  if (formula) cell.f = formula.startsWith('=') ? formula : `=${formula}`;
  if (numFmt && numFmt !== 'General') cell.fmt = numFmt;
  return cell.v === null && !cell.err && !cell.f && !cell.fmt ? null : cell;
}

/** Add the grids' sheets to `wb` (a new workbook): values, number formats, formulas, merges, fills, hidden rows. */
export function addGrids(wb: FakeWorkbook, grids: SheetGrid[], options: FakeWorkbookOptions): void {
  for (const grid of grids) {
    const sheet = wb.addSheet(grid.name);
    sheet.protected = !!grid.protected;
    grid.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const host = hostCellOf(cell.value, cell.numFmt, cell.formula);
        if (host) sheet.cells.set(key(grid.origin.row + r, grid.origin.col + c), host);
      });
    });
    sheet.merges = grid.merges.map((m) => ({
      top: grid.origin.row + m.top,
      left: grid.origin.col + m.left,
      bottom: grid.origin.row + m.bottom,
      right: grid.origin.col + m.right,
    }));
    for (const [address, color] of Object.entries(options.fills?.[grid.name] ?? {})) {
      const rect = parseRect(address);
      if (!rect) throw new Error(`fills: bad address ${address}`);
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) wb.mutableCell(sheet, r, c).fill = color.toUpperCase();
    }
    for (const [set, spec] of [[sheet.hiddenRows, options.hiddenRows], [sheet.filteredRows, options.filteredRows]] as const) {
      for (const address of spec?.[grid.name] ?? []) {
        const rect = parseRect(address);
        if (!rect) throw new Error(`hiddenRows: bad address ${address}`);
        for (let r = rect.top; r <= rect.bottom; r++) set.add(r);
      }
    }
  }
}
