/**
 * The demo's workbook: the fake Excel objects (src/fake-excel), which the real excelService
 * drives through the Excel API exactly as in Excel. The grid reads each cell's state back from
 * the fake: value, number format, own fill, conditional formats and the fill they show.
 */
import { parseRect } from '../domain/a1';
import type { FakeWorkbook } from '../fake-excel';
import { AnnexService } from '../office/service';
import { CellView, DemoBook, SheetSnapshot } from './book';
import { cellText } from './format';

/** `'Annexe 9'!L50:L50` → `L50` (the top-left cell of a selection). */
function topLeft(address: string): string {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  return local.replace(/\$/g, '').split(':')[0].toUpperCase();
}

export function fakeBook(workbook: FakeWorkbook, service: AnnexService): DemoBook {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  // Redraw the grid after each call of the pane, whether it succeeded or not.
  const observed = new Proxy(service, {
    get(target, prop, receiver) {
      const member = Reflect.get(target, prop, receiver) as unknown;
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result = (member as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) return result.finally(notify);
        notify();
        return result;
      };
    },
  }) as AnnexService;

  return {
    service: observed,
    sheetNames: () => workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name),
    activeSheet: () => workbook.activeSheet?.name ?? '',
    async activate(name) {
      workbook.setActive(name);
      notify();
    },
    selection() {
      const s = workbook.selection;
      const active = workbook.activeSheet?.name;
      if (!s || !active || s.sheet.toLowerCase() !== active.toLowerCase()) return null;
      return { sheet: active, cell: topLeft(s.address) };
    },
    async select(sheet, cell) {
      // A click in the grid is the user's own selection, not the add-in's.
      workbook.setActive(sheet);
      workbook.selection = { sheet, address: cell };
      notify();
    },
    snapshot(name): SheetSnapshot {
      const state = workbook.sheetState(name);
      const cells = new Map<string, CellView>();
      if (state.rect) {
        state.rows.forEach((row, i) =>
          row.forEach((c, j) => {
            if (c.mergedInto) return;
            const r = state.rect!.top + i;
            const col = state.rect!.left + j;
            const shown = c.error ? { text: c.error, numeric: false } : cellText(c.value, c.numberFormat);
            if (!shown.text && !c.displayFill) return;
            cells.set(`${r}:${col}`, {
              text: shown.text,
              numeric: shown.numeric,
              fill: c.displayFill ?? undefined,
            });
          }),
        );
      }
      return {
        name: state.name,
        rowCount: state.rect ? state.rect.bottom + 1 : 0,
        colCount: state.rect ? state.rect.right + 1 : 0,
        cells,
        merges: state.merges.map((m) => parseRect(m)).filter((r): r is NonNullable<typeof r> => r !== null),
      };
    },
    async type(sheet, cell, value) {
      const number = /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(value) ? Number(value.replace(',', '.')) : null;
      workbook.userEdit(sheet, cell, { value: value === '' ? null : number ?? value });
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
