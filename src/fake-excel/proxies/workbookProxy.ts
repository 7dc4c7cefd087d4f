/** The workbook, its worksheet collection and the change events of sheets. */
import type { HostSheet } from '../workbook/host';
import type { FakeWorkbook } from '../workbook/workbook';
import type { FakeRequestContext } from './context';
import { FakeCustomXmlPartCollection } from './customXmlParts';
import { FakeRichApiError, invalidArgument } from './errors';
import { assertWritable } from './hostAccess';
import { FakeClientResult, FakeCollection, FakeObject, PropDef } from './object';
import { FakeWorksheet } from './worksheet';

export class FakeWorkbookProxy extends FakeObject<FakeWorkbook> {
  readonly _type = 'Workbook';
  constructor(context: FakeRequestContext) {
    super(context, () => context.host);
  }
  protected _props(): Record<string, PropDef<FakeWorkbook>> {
    return {};
  }
  protected override _navDefs() {
    return { worksheets: () => this.worksheets, customXmlParts: () => this.customXmlParts };
  }
  get worksheets(): FakeWorksheetCollection {
    return this._nav('worksheets', () => new FakeWorksheetCollection(this.context, () => this._resolve()));
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    return this._nav('customXmlParts', () => new FakeCustomXmlPartCollection(this.context, () => this._resolve()));
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbook, FakeWorksheet> {
  readonly _type = 'WorksheetCollection';
  _itemTargets(host: FakeWorkbook): unknown[] {
    return host.sheets;
  }
  _makeItem(target: unknown): FakeWorksheet {
    return new FakeWorksheet(this.context, () => target as HostSheet);
  }
  private find(name: string): HostSheet | null {
    const host = this._need();
    return host.sheets.find((s) => s.id === name) ?? host.sheetByName(name) ?? null;
  }
  getItem(name: string): FakeWorksheet {
    return this._child('getItem', [name], () => new FakeWorksheet(this.context, () => this.find(name)));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return this._child('getItemOrNullObject', [name], () => new FakeWorksheet(this.context, () => this.find(name), true));
  }
  getActiveWorksheet(): FakeWorksheet {
    return this._child('getActiveWorksheet', [], () => new FakeWorksheet(this.context, () => this._need().activeSheet ?? null));
  }
  add(name?: string): FakeWorksheet {
    let created: HostSheet | null = null;
    const ws = new FakeWorksheet(this.context, () => created);
    this.context._enqueue({
      describe: { o: this._type, m: 'add', a: [name] },
      run: () => {
        const host = this._need();
        assertWritable(host, null, 'WorksheetCollection.add');
        let n = name;
        if (!n) {
          let i = host.sheets.length + 1;
          while (host.sheetByName(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        if (host.sheetByName(n)) throw new FakeRichApiError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'WorksheetCollection.add');
        if (n.length > 31 || /[\\/?*[\]:]/.test(n)) throw invalidArgument('WorksheetCollection.add');
        created = host.addSheet(n);
        ws._resolve();
      },
    });
    return ws;
  }
  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (host) => host.sheets.length);
  }
  private _onChanged?: FakeWorksheetCollectionChangedEvent;
  get onChanged(): FakeWorksheetCollectionChangedEvent {
    if (!this._onChanged) this._onChanged = new FakeWorksheetCollectionChangedEvent(this);
    return this._onChanged;
  }
}

export interface FakeEventHandlerResult {
  readonly context: FakeRequestContext;
  remove(): void;
}

export class FakeWorksheetChangedEvent {
  constructor(private readonly sheet: FakeWorksheet) {}
  add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): FakeEventHandlerResult {
    const ctx = this.sheet.context;
    const listener = (args: Excel.WorksheetChangedEventArgs) => handler(args);
    let target: HostSheet | null = null;
    ctx._enqueue({
      describe: { o: 'Worksheet', event: 'onChanged', add: true },
      run: () => {
        target = this.sheet._need();
        target.listeners.add(listener);
      },
    });
    return {
      context: ctx,
      remove: () => {
        ctx._enqueue({
          describe: { o: 'Worksheet', event: 'onChanged', remove: true },
          run: () => {
            target?.listeners.delete(listener);
          },
        });
      },
    };
  }
}

/** `worksheets.onChanged`: the changes of every sheet (ExcelApi 1.9), registered at sync. */
export class FakeWorksheetCollectionChangedEvent {
  constructor(private readonly collection: FakeWorksheetCollection) {}
  add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): FakeEventHandlerResult {
    const ctx = this.collection.context;
    const listener = (args: Excel.WorksheetChangedEventArgs) => handler(args);
    ctx._enqueue({
      describe: { o: 'WorksheetCollection', event: 'onChanged', add: true },
      run: () => {
        ctx.host.changeListeners.add(listener);
      },
    });
    return {
      context: ctx,
      remove: () => {
        ctx._enqueue({
          describe: { o: 'WorksheetCollection', event: 'onChanged', remove: true },
          run: () => {
            ctx.host.changeListeners.delete(listener);
          },
        });
      },
    };
  }
}
