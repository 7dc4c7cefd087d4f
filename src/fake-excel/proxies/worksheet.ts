/** A worksheet and what hangs off it: protection, freeze panes, page layout, auto filter, charts. */
import { MAX_COLUMNS, MAX_ROWS, Rect, parseRect } from '../../domain/a1';
import { HostSheet, key } from '../workbook/host';
import { FakeRichApiError, accessDenied, invalidArgument } from './errors';
import { assertWritable, liveSheet } from './hostAccess';
import { FakeObject, PropDef } from './object';
import { FakeRange } from './range';
import { FakeChartCollection } from './charts';
import { FakeWorksheetChangedEvent } from './workbookProxy';

export class FakeWorksheet extends FakeObject<HostSheet> {
  readonly _type = 'Worksheet';
  private _onChanged?: FakeWorksheetChangedEvent;

  protected _props(): Record<string, PropDef<HostSheet>> {
    const host = this.context.host;
    return {
      name: {
        get: (s) => s.name,
        set: (s, v, where) => {
          assertWritable(host, null, where);
          const n = String(v);
          const other = host.sheetByName(n);
          if (other && other !== s) throw new FakeRichApiError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', where);
          s.name = n;
        },
      },
      id: { get: (s) => s.id },
      position: { get: (s) => host.sheets.indexOf(s) },
      visibility: {
        get: (s) => s.visibility,
        set: (s, v, where) => {
          assertWritable(host, null, where);
          s.visibility = v as HostSheet['visibility'];
        },
      },
    };
  }
  protected override _navDefs() {
    return { protection: () => this.protection, freezePanes: () => this.freezePanes, pageLayout: () => this.pageLayout, autoFilter: () => this.autoFilter, charts: () => this.charts };
  }
  get charts(): FakeChartCollection {
    return this._nav('charts', () => new FakeChartCollection(this.context, this._from(this, (s) => s)));
  }
  get autoFilter(): FakeAutoFilter {
    return this._nav('autoFilter', () => new FakeAutoFilter(this.context, this._from(this, (s) => s)));
  }
  get freezePanes(): FakeWorksheetFreezePanes {
    return this._nav('freezePanes', () => new FakeWorksheetFreezePanes(this.context, this._from(this, (s) => s)));
  }
  get pageLayout(): FakePageLayout {
    return this._nav('pageLayout', () => new FakePageLayout(this.context, this._from(this, (s) => s)));
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v);
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v);
  }
  get protection(): FakeWorksheetProtection {
    return this._nav('protection', () => new FakeWorksheetProtection(this.context, this._from(this, (s) => s)));
  }
  get onChanged(): FakeWorksheetChangedEvent {
    if (!this._onChanged) this._onChanged = new FakeWorksheetChangedEvent(this);
    return this._onChanged;
  }

  private range(method: string, args: unknown[], rect: () => Rect | null, nullable = false): FakeRange {
    return this._child(method, args, () => new FakeRange(this.context, this._from(this, (sheet) => {
      const r = rect();
      return r ? { sheet, rect: r } : null;
    }), nullable));
  }

  getRange(address?: string): FakeRange {
    return this.range('getRange', [address], () => {
      if (address === undefined || address === '') return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
      const r = parseRect(address);
      if (!r) throw invalidArgument('Worksheet.getRange');
      return r;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) throw invalidArgument('Worksheet.getRangeByIndexes');
      return { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    // A blank sheet gives A1, as in Excel.
    return this.range('getUsedRange', [valuesOnly], () => this.context.host.usedRect(this._need(), !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range('getUsedRangeOrNullObject', [valuesOnly], () => this.context.host.usedRect(this._need(), !!valuesOnly), true);
  }
  activate(): void {
    this._call('activate', [], (s) => {
      if (s.visibility !== 'Visible') throw new FakeRichApiError('InvalidOperation', 'A hidden sheet cannot be activated.', 'Worksheet.activate');
      this.context.host.activeSheetId = liveSheet(this.context.host, s).id;
    });
  }
  delete(): void {
    this._call('delete', [], (s) => {
      const host = this.context.host;
      assertWritable(host, null, 'Worksheet.delete');
      if (host.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new FakeRichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
      host.sheets.splice(host.sheets.indexOf(s), 1);
      if (host.activeSheetId === s.id) host.activeSheetId = host.sheets.find((x) => x.visibility === 'Visible')!.id;
    });
  }
}

/** AutoFilter (ExcelApi 1.9): values filters on one column; the rows it hides are filtered rows. */
export class FakeAutoFilter extends FakeObject<HostSheet> {
  readonly _type = 'AutoFilter';
  protected _props(): Record<string, PropDef<HostSheet>> {
    return { enabled: { get: (s) => s.filteredRows.size > 0 } };
  }
  get enabled(): boolean {
    return this._get('enabled');
  }
  apply(range: FakeRange | string, columnIndex?: number, criteria?: { filterOn?: string; values?: Array<string | number> }): void {
    this._call('apply', [typeof range === 'string' ? range : 'range', columnIndex, criteria], (s) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, s), 'AutoFilter.apply');
      const rect = typeof range === 'string' ? parseRect(range) : range._need().rect;
      if (!rect) throw invalidArgument('AutoFilter.apply');
      if (criteria && criteria.filterOn !== 'Values') throw invalidArgument('AutoFilter.apply', 'The fake filters on values only.');
      const keep = new Set((criteria?.values ?? []).map((v) => String(v)));
      const col = rect.left + (columnIndex ?? 0);
      s.filteredRows.clear();
      // The first row is the header.
      for (let r = rect.top + 1; r <= rect.bottom; r++) {
        const cell = s.cells.get(key(r, col));
        if (criteria && !keep.has(String(cell?.v ?? ''))) s.filteredRows.add(r);
      }
    });
  }
  remove(): void {
    this._call('remove', [], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'AutoFilter.remove');
      s.filteredRows.clear();
    });
  }
}

export class FakeWorksheetFreezePanes extends FakeObject<HostSheet> {
  readonly _type = 'WorksheetFreezePanes';
  protected _props(): Record<string, PropDef<HostSheet>> {
    return {};
  }
  freezeRows(count?: number): void {
    this._call('freezeRows', [count], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'WorksheetFreezePanes.freezeRows');
      s.frozenRows = count ?? 1;
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'WorksheetFreezePanes.unfreeze');
      s.frozenRows = 0;
    });
  }
}

/** Page layout (ExcelApi 1.9). Fit-to-pages zoom is kept or ignored per readings.printZoom (office-js#1860). */
export class FakePageLayout extends FakeObject<HostSheet> {
  readonly _type = 'PageLayout';
  protected _props(): Record<string, PropDef<HostSheet>> {
    const host = this.context.host;
    return {
      orientation: {
        get: (s) => s.page.orientation,
        set: (s, v, where) => {
          assertWritable(host, liveSheet(host, s), where);
          s.page.orientation = v === 'Landscape' ? 'Landscape' : 'Portrait';
        },
      },
      zoom: {
        get: (s) => ({ ...s.page.zoom }),
        set: (s, v, where) => {
          assertWritable(host, liveSheet(host, s), where);
          const z = (v ?? {}) as HostSheet['page']['zoom'];
          const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
          if (fit && host.readings.printZoom === 'ignored') return;
          s.page.zoom = { ...z };
        },
      },
    };
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._set('orientation', v);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._set('zoom', v);
  }
  setPrintArea(area: string): void {
    this._call('setPrintArea', [area], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'PageLayout.setPrintArea');
      s.page.printArea = area;
    });
  }
  setPrintTitleRows(rowsRef: string): void {
    this._call('setPrintTitleRows', [rowsRef], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'PageLayout.setPrintTitleRows');
      s.page.titleRows = rowsRef;
    });
  }
}

export class FakeWorksheetProtection extends FakeObject<HostSheet> {
  readonly _type = 'WorksheetProtection';
  protected _props(): Record<string, PropDef<HostSheet>> {
    return { protected: { get: (s) => s.protected } };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(): void {
    this._call('protect', [], (s) => {
      if (this.context.host.readOnly) throw accessDenied('WorksheetProtection.protect');
      if (s.protected) throw new FakeRichApiError('InvalidOperation', 'The sheet is already protected.', 'WorksheetProtection.protect');
      s.protected = true;
    });
  }
  unprotect(): void {
    this._call('unprotect', [], (s) => {
      if (this.context.host.readOnly) throw accessDenied('WorksheetProtection.unprotect');
      s.protected = false;
    });
  }
}
