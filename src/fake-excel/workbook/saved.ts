/** Save and reopen: everything a saved .xlsx keeps, as JSON (cells, formats, merges, conditional formats, XML parts). */
import { cellA1, parseRect, rectA1 } from '../../domain/a1';
import { HostCell, HostChart, SavedWorkbook, key, newId, unkey } from './host';

const copyChart = (c: HostChart): HostChart => ({ ...c, position: { ...c.position }, series: c.series.map((x) => ({ ...x })) });
import type { FakeWorkbook } from './workbook';

/** Everything a saved .xlsx keeps: cells, formats, merges, conditional formats, XML parts. */
export function savedWorkbook(wb: FakeWorkbook): SavedWorkbook {
  return {
    format: 'annexe9-fake-workbook',
    version: 1,
    activeSheet: wb.activeSheet?.name ?? '',
    sheets: wb.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      protected: s.protected,
      visibility: s.visibility,
      cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]).map(([k, c]) => [cellA1(unkey(k).row, unkey(k).col), { ...c }] as [string, HostCell]),
      merges: s.merges.map((m) => rectA1(m)),
      conditionalFormats: s.cfs.map(({ id: _id, area, ...rest }) => ({ ...rest, range: rectA1(area) })),
      columnWidths: [...s.columnWidths.entries()],
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      filteredRows: [...s.filteredRows].sort((a, b) => a - b),
      frozenRows: s.frozenRows,
      page: { ...s.page, zoom: { ...s.page.zoom } },
      ...(s.charts.length ? { charts: s.charts.map(copyChart) } : {}),
    })),
    customXmlParts: wb.customXmlParts.map((p) => ({ ...p })),
  };
}

/** Fill a new workbook from a saved one: same content, fresh runtime ids for conditional formats, no listeners. */
export function restoreSaved(wb: FakeWorkbook, saved: SavedWorkbook): void {
  for (const s of saved.sheets) {
    const sheet = wb.addSheet(s.name);
    sheet.id = s.id;
    sheet.protected = s.protected;
    sheet.visibility = s.visibility;
    for (const [address, cell] of s.cells) {
      const r = parseRect(address)!;
      sheet.cells.set(key(r.top, r.left), { ...cell });
    }
    sheet.merges = s.merges.map((m) => parseRect(m)!);
    sheet.cfs = s.conditionalFormats.map(({ range, ...rest }) => ({ ...rest, id: newId('cf'), area: parseRect(range)! }));
    sheet.columnWidths = new Map(s.columnWidths);
    sheet.hiddenRows = new Set(s.hiddenRows ?? []);
    sheet.filteredRows = new Set(s.filteredRows ?? []);
    sheet.frozenRows = s.frozenRows ?? 0;
    if (s.page) sheet.page = { ...s.page, zoom: { ...s.page.zoom } };
    sheet.charts = (s.charts ?? []).map(copyChart);
  }
  wb.activeSheetId = (wb.sheetByName(saved.activeSheet) ?? wb.sheets[0])?.id ?? '';
  for (const p of saved.customXmlParts) wb.customXmlParts.push({ ...p });
}
