/** What hangs off a range: its sort, its areas (RangeAreas and their RangeCollection), format, fill, font. */
import { Rect, columnLetters as columnLettersOf, rectA1, rectCells } from '../../domain/a1';
import { HostSheet, key } from '../workbook/host';
import type { FakeWorkbook } from '../workbook/workbook';
import { invalidArgument } from './errors';
import { RangeTarget, assertWritable, common, fillReport, liveSheet } from './hostAccess';
import { FakeCollection, FakeObject, PropDef } from './object';
import { FakeRange } from './range';

/** Range.sort (ExcelApi 1.2): `apply([{ key, ascending }])` sorts the range's rows on one column. */
export class FakeRangeSort extends FakeObject<RangeTarget> {
  readonly _type = 'RangeSort';
  protected _props(): Record<string, PropDef<RangeTarget>> {
    return {};
  }
  apply(fields: Array<{ key: number; ascending?: boolean }>): void {
    this._call('apply', [fields], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'RangeSort.apply');
      if (fields.length !== 1) throw invalidArgument('RangeSort.apply', 'The fake sorts on one key.');
      const by = columnLettersOf(t.rect.left + fields[0].key);
      host.sortRows(t.sheet.name, rectA1(t.rect), by, fields[0].ascending !== false);
    });
  }
}

export interface AreasTarget {
  sheet: HostSheet;
  rects: Rect[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  readonly _type = 'RangeAreas';
  protected _props(): Record<string, PropDef<AreasTarget>> {
    const host = this.context.host;
    return {
      address: { get: (t) => t.rects.map((r) => host.addressOf(t.sheet, r)).join(',') },
      areaCount: { get: (t) => t.rects.length },
      cellCount: { get: (t) => t.rects.reduce((s, r) => s + rectCells(r), 0) },
    };
  }
  protected override _navDefs() {
    return { areas: () => this.areas };
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get areas(): FakeRangeCollection {
    return this._nav('areas', () => new FakeRangeCollection(this.context, this._from(this, (t) => t)));
  }
}

export class FakeRangeCollection extends FakeCollection<AreasTarget, FakeRange> {
  readonly _type = 'RangeCollection';
  _itemTargets(t: AreasTarget): unknown[] {
    return t.rects.map((rect) => ({ sheet: t.sheet, rect }));
  }
  _makeItem(target: unknown): FakeRange {
    return new FakeRange(this.context, () => target as RangeTarget);
  }
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  readonly _type = 'RangeFormat';
  protected _props(): Record<string, PropDef<RangeTarget>> {
    const host = this.context.host;
    return {
      wrapText: {
        get: (t) => common(t, (r, c) => !!t.sheet.cells.get(key(r, c))?.wrap),
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) host.mutableCell(t.sheet, r, c).wrap = !!v || undefined;
        },
      },
      columnWidth: {
        get: (t) => t.sheet.columnWidths.get(t.rect.left) ?? 48,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, Number(v));
        },
      },
    };
  }
  protected override _navDefs() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v);
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v);
  }
  get fill(): FakeRangeFill {
    return this._nav('fill', () => new FakeRangeFill(this.context, this._from(this, (t) => t)));
  }
  get font(): FakeRangeFont {
    return this._nav('font', () => new FakeRangeFont(this.context, this._from(this, (t) => t)));
  }
  autofitColumns(): void {
    this._call('autofitColumns', [], (t) => assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'RangeFormat.autofitColumns'));
  }
  autofitRows(): void {
    this._call('autofitRows', [], (t) => assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'RangeFormat.autofitRows'));
  }
}

export class FakeRangeFill extends FakeObject<RangeTarget> {
  readonly _type = 'RangeFill';
  protected _props(): Record<string, PropDef<RangeTarget>> {
    const host = this.context.host;
    return {
      pattern: { get: (t) => common(t, (r, c) => fillReport(host, t.sheet.cells.get(key(r, c))?.fill).pattern) },
      tintAndShade: { get: (t) => common(t, (r, c) => fillReport(host, t.sheet.cells.get(key(r, c))?.fill).tintAndShade) },
      color: {
        get: (t) => common(t, (r, c) => t.sheet.cells.get(key(r, c))?.fill ?? '#FFFFFF'),
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          const color = String(v).toUpperCase();
          if (!/^#[0-9A-F]{6}$/.test(color)) throw invalidArgument(where);
          for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) host.mutableCell(t.sheet, r, c).fill = color;
        },
      },
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }
  get pattern(): string {
    return this._get('pattern');
  }
  get tintAndShade(): number {
    return this._get('tintAndShade');
  }
  clear(): void {
    this._call('clear', [], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'RangeFill.clear');
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const cell = t.sheet.cells.get(key(r, c));
          if (cell) {
            delete cell.fill;
            host.tidy(t.sheet, r, c);
          }
        }
      }
    });
  }
}

export class FakeRangeFont extends FakeObject<RangeTarget> {
  readonly _type = 'RangeFont';
  protected _props(): Record<string, PropDef<RangeTarget>> {
    const host = this.context.host;
    const setter =
      (apply: (cell: ReturnType<FakeWorkbook['mutableCell']>, v: unknown) => void) =>
      (t: RangeTarget, v: unknown, where: string) => {
        assertWritable(host, liveSheet(host, t.sheet), where);
        for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) apply(host.mutableCell(t.sheet, r, c), v);
      };
    return {
      bold: { get: (t) => common(t, (r, c) => !!t.sheet.cells.get(key(r, c))?.bold), set: setter((cell, v) => (cell.bold = !!v || undefined)) },
      italic: { get: (t) => common(t, (r, c) => !!t.sheet.cells.get(key(r, c))?.italic), set: setter((cell, v) => (cell.italic = !!v || undefined)) },
      color: {
        get: (t) => common(t, (r, c) => t.sheet.cells.get(key(r, c))?.fontColor ?? '#000000'),
        set: setter((cell, v) => (cell.fontColor = String(v).toUpperCase())),
      },
    };
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._set('italic', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }
}
