/**
 * Conditional formats: the collection of a range, each format, its custom rule and its fill and
 * font. Under the 'position' reading of `ConditionalFormat.id` an object is a handle on a position
 * (see FakeReadings.conditionalFormatIds).
 */
import { Rect, intersect } from '../../domain/a1';
import type { HostConditionalFormat, HostSheet } from '../workbook/host';
import type { FakeWorkbook } from '../workbook/workbook';
import { invalidArgument, itemNotFound } from './errors';
import { RangeTarget, assertWritable, liveSheet } from './hostAccess';
import { FakeClientResult, FakeCollection, FakeObject, PropDef } from './object';
import { FakeRange } from './range';

interface CfTarget {
  sheet: HostSheet;
  cf: HostConditionalFormat;
  /** The range of the collection the object came from: ids and positions are within it. */
  rect: Rect;
}

/** Conditional formats that meet `rect`, highest priority first. */
function cfsIn(sheet: HostSheet, rect: Rect): HostConditionalFormat[] {
  return sheet.cfs.filter((cf) => intersect(cf.area, rect));
}

/** Under the 'position' reading a conditional format object is a handle on a position. */
const positional = (host: FakeWorkbook) => host.readings.conditionalFormatIds === 'position';

export class FakeConditionalFormatCollection extends FakeCollection<RangeTarget, FakeConditionalFormat> {
  readonly _type = 'ConditionalFormatCollection';
  /** Conditional formats that meet the range, highest priority first. */
  _itemTargets(t: RangeTarget): unknown[] {
    return cfsIn(t.sheet, t.rect).map((cf, index) => ({ target: { sheet: t.sheet, cf, rect: t.rect }, index }));
  }
  _makeItem(item: unknown): FakeConditionalFormat {
    const { target, index } = item as { target: CfTarget; index: number };
    return this.at(index, () => target);
  }
  /** The object for position `index` (re-resolved at each action), or for one format (stable). */
  private at(index: number, stable: () => CfTarget | null, nullable = false): FakeConditionalFormat {
    if (!positional(this.context.host)) return new FakeConditionalFormat(this.context, stable, nullable);
    return new FakeConditionalFormat(
      this.context,
      () => {
        const t = this._need();
        const cf = cfsIn(t.sheet, t.rect)[index];
        return cf ? { sheet: t.sheet, cf, rect: t.rect } : null;
      },
      nullable,
    );
  }
  add(type: string): FakeConditionalFormat {
    let created: CfTarget | null = null;
    // The new format is "at the first/top priority": position 0 of this collection.
    const cf = this.at(0, () => created);
    this.context._enqueue({
      describe: { o: this._type, m: 'add', a: [type] },
      run: () => {
        const t = this._live('add')!;
        const host = this.context.host;
        assertWritable(host, liveSheet(host, t.sheet), 'ConditionalFormatCollection.add');
        if (!['Custom', 'DataBar', 'ColorScale', 'IconSet', 'CellValue'].includes(type)) throw invalidArgument('ConditionalFormatCollection.add', `The fake does not know conditional formats of type ${type}.`);
        created = { sheet: t.sheet, cf: host.addConditionalFormat(t.sheet, { ...t.rect }, type), rect: t.rect };
        cf._resolve();
      },
    });
    return cf;
  }
  /** Ids are positions ('position') or the format's own id ('stable'). */
  private byId(id: string): CfTarget | null {
    const t = this._need();
    const list = cfsIn(t.sheet, t.rect);
    const cf = positional(this.context.host) ? (/^\d+$/.test(id) ? list[Number(id)] : undefined) : list.find((x) => x.id === id);
    return cf ? { sheet: t.sheet, cf, rect: t.rect } : null;
  }
  getItem(id: string): FakeConditionalFormat {
    return this._child('getItem', [id], () =>
      positional(this.context.host) && /^\d+$/.test(id) ? this.at(Number(id), () => null) : new FakeConditionalFormat(this.context, () => this.byId(id)),
    );
  }
  getItemOrNullObject(id: string): FakeConditionalFormat {
    return this._child('getItemOrNullObject', [id], () =>
      positional(this.context.host) && /^\d+$/.test(id) ? this.at(Number(id), () => null, true) : new FakeConditionalFormat(this.context, () => this.byId(id), true),
    );
  }
  getItemAt(index: number): FakeConditionalFormat {
    return this._child('getItemAt', [index], () =>
      this.at(index, () => {
        const t = this._need();
        const cf = cfsIn(t.sheet, t.rect)[index];
        return cf ? { sheet: t.sheet, cf, rect: t.rect } : null;
      }),
    );
  }
  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (t) => cfsIn(t.sheet, t.rect).length);
  }
  clearAll(): void {
    this._call('clearAll', [], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'ConditionalFormatCollection.clearAll');
      t.sheet.cfs = t.sheet.cfs.filter((cf) => !intersect(cf.area, t.rect));
    });
  }
}

export class FakeConditionalFormat extends FakeObject<CfTarget> {
  readonly _type = 'ConditionalFormat';
  protected override _volatile(): boolean {
    return positional(this.context.host);
  }
  protected _props(): Record<string, PropDef<CfTarget>> {
    const host = this.context.host;
    return {
      // "The priority of the conditional format in the current ConditionalFormatCollection."
      id: { get: (t) => (positional(host) ? String(cfsIn(t.sheet, t.rect).indexOf(t.cf)) : t.cf.id) },
      type: { get: (t) => t.cf.type },
      priority: {
        get: (t) => t.sheet.cfs.indexOf(t.cf),
        set: (t, v, where) => {
          assertWritable(host, t.sheet, where);
          const list = t.sheet.cfs.filter((x) => x !== t.cf);
          let p = Number(v);
          // "Priorities greater than the bounds will get and set to the maximum (or minimum if negative) priority."
          if (p < 0) p = list.length + 1 + p;
          list.splice(Math.max(0, Math.min(list.length, p)), 0, t.cf);
          t.sheet.cfs = list;
        },
      },
      stopIfTrue: {
        get: (t) => t.cf.stopIfTrue,
        set: (t, v, where) => {
          assertWritable(host, t.sheet, where);
          t.cf.stopIfTrue = !!v;
        },
      },
    };
  }
  protected override _navDefs() {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._set('priority', v);
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._set('stopIfTrue', v);
  }
  get custom(): FakeCustomConditionalFormat {
    return this._nav('custom', () => new FakeCustomConditionalFormat(this.context, this._from(this, (t) => {
      if (t.cf.type !== 'Custom') throw invalidArgument('ConditionalFormat.custom');
      return t;
    })));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._nav('customOrNullObject', () => new FakeCustomConditionalFormat(this.context, this._from(this, (t) => (t.cf.type === 'Custom' ? t : null)), true));
  }
  delete(): void {
    this._call('delete', [], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'ConditionalFormat.delete');
      const i = t.sheet.cfs.indexOf(t.cf);
      if (i < 0) throw itemNotFound('ConditionalFormat.delete');
      t.sheet.cfs.splice(i, 1);
    });
  }
  getRange(): FakeRange {
    return this._child('getRange', [], () => new FakeRange(this.context, this._from(this, (t) => ({ sheet: t.sheet, rect: { ...t.cf.area } }))));
  }
  getRangeOrNullObject(): FakeRange {
    return this._child('getRangeOrNullObject', [], () => new FakeRange(this.context, this._from(this, (t) => ({ sheet: t.sheet, rect: { ...t.cf.area } })), true));
  }
}

/** What hangs off a conditional format follows it (re-resolved under the 'position' reading). */
abstract class FakeCfPart extends FakeObject<CfTarget> {
  protected override _volatile(): boolean {
    return positional(this.context.host);
  }
}

export class FakeCustomConditionalFormat extends FakeCfPart {
  readonly _type = 'CustomConditionalFormat';
  protected _props(): Record<string, PropDef<CfTarget>> {
    return {};
  }
  protected override _navDefs() {
    return { rule: () => this.rule, format: () => this.format };
  }
  get rule(): FakeConditionalFormatRule {
    return this._nav('rule', () => new FakeConditionalFormatRule(this.context, this._from(this, (t) => t)));
  }
  get format(): FakeConditionalRangeFormat {
    return this._nav('format', () => new FakeConditionalRangeFormat(this.context, this._from(this, (t) => t)));
  }
}

export class FakeConditionalFormatRule extends FakeCfPart {
  readonly _type = 'ConditionalFormatRule';
  protected _props(): Record<string, PropDef<CfTarget>> {
    const host = this.context.host;
    const set = (t: CfTarget, v: unknown, where: string) => {
      assertWritable(host, liveSheet(host, t.sheet), where);
      const f = String(v);
      if (!f.trim()) throw invalidArgument(where);
      t.cf.formula = f.startsWith('=') ? f : `=${f}`;
    };
    return { formula: { get: (t) => t.cf.formula, set }, formulaLocal: { get: (t) => t.cf.formula, set } };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v);
  }
  get formulaLocal(): string {
    return this._get('formulaLocal');
  }
}

export class FakeConditionalRangeFormat extends FakeCfPart {
  readonly _type = 'ConditionalRangeFormat';
  protected _props(): Record<string, PropDef<CfTarget>> {
    return {};
  }
  protected override _navDefs() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeConditionalRangeFill {
    return this._nav('fill', () => new FakeConditionalRangeFill(this.context, this._from(this, (t) => t)));
  }
  get font(): FakeConditionalRangeFont {
    return this._nav('font', () => new FakeConditionalRangeFont(this.context, this._from(this, (t) => t)));
  }
}

export class FakeConditionalRangeFill extends FakeCfPart {
  readonly _type = 'ConditionalRangeFill';
  protected _props(): Record<string, PropDef<CfTarget>> {
    const host = this.context.host;
    return {
      color: {
        get: (t) => t.cf.fill ?? null,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          const color = String(v).toUpperCase();
          if (!/^#[0-9A-F]{6}$/.test(color)) throw invalidArgument(where);
          t.cf.fill = color;
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
}

export class FakeConditionalRangeFont extends FakeCfPart {
  readonly _type = 'ConditionalRangeFont';
  protected _props(): Record<string, PropDef<CfTarget>> {
    const host = this.context.host;
    return {
      color: {
        get: (t) => t.cf.fontColor ?? null,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          t.cf.fontColor = String(v).toUpperCase();
        },
      },
      bold: {
        get: (t) => !!t.cf.bold,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          t.cf.bold = !!v;
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
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v);
  }
}
