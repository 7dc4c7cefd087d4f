/** Custom XML parts of the workbook, all of them or those of one namespace. */
import { HostXmlPart, xmlNamespace } from '../workbook/host';
import type { FakeWorkbook } from '../workbook/workbook';
import { FakeRichApiError, invalidArgument, itemNotFound } from './errors';
import { assertWritable } from './hostAccess';
import { FakeClientResult, FakeCollection, FakeObject, PropDef } from './object';

export class FakeCustomXmlPartCollection extends FakeCollection<FakeWorkbook, FakeCustomXmlPart> {
  readonly _type = 'CustomXmlPartCollection';
  _itemTargets(host: FakeWorkbook): unknown[] {
    return host.customXmlParts;
  }
  _makeItem(target: unknown): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => target as HostXmlPart);
  }
  add(xml: string): FakeCustomXmlPart {
    let created: HostXmlPart | null = null;
    const part = new FakeCustomXmlPart(this.context, () => created);
    this.context._enqueue({
      describe: { o: this._type, m: 'add', a: [xml] },
      run: () => {
        const host = this._need();
        assertWritable(host, null, 'CustomXmlPartCollection.add');
        try {
          created = host.addXmlPart(xml);
        } catch (e) {
          throw invalidArgument('CustomXmlPartCollection.add', (e as Error).message);
        }
        part._resolve();
      },
    });
    return part;
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return this._child('getByNamespace', [namespaceUri], () => new FakeCustomXmlPartScopedCollection(this.context, () => {
      const host = this._resolve();
      return host ? { host, namespaceUri } : null;
    }));
  }
  getItem(id: string): FakeCustomXmlPart {
    return this._child('getItem', [id], () => new FakeCustomXmlPart(this.context, () => this._need().customXmlParts.find((p) => p.id === id) ?? null));
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return this._child('getItemOrNullObject', [id], () => new FakeCustomXmlPart(this.context, () => this._need().customXmlParts.find((p) => p.id === id) ?? null, true));
  }
  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (host) => host.customXmlParts.length);
  }
}

interface ScopedTarget {
  host: FakeWorkbook;
  namespaceUri: string;
}

export class FakeCustomXmlPartScopedCollection extends FakeCollection<ScopedTarget, FakeCustomXmlPart> {
  readonly _type = 'CustomXmlPartScopedCollection';
  _itemTargets(t: ScopedTarget): unknown[] {
    return t.host.customXmlParts.filter((p) => p.namespaceUri === t.namespaceUri);
  }
  _makeItem(target: unknown): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => target as HostXmlPart);
  }
  private only(): HostXmlPart | null {
    const list = this._itemTargets(this._need()) as HostXmlPart[];
    return list.length === 1 ? list[0] : null;
  }
  getOnlyItem(): FakeCustomXmlPart {
    return this._child('getOnlyItem', [], () => new FakeCustomXmlPart(this.context, () => {
      const p = this.only();
      if (!p) throw new FakeRichApiError('InvalidOperation', 'The collection does not contain exactly one item.', 'CustomXmlPartScopedCollection.getOnlyItem');
      return p;
    }));
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return this._child('getOnlyItemOrNullObject', [], () => new FakeCustomXmlPart(this.context, () => (this._resolve() ? this.only() : null), true));
  }
  getItem(id: string): FakeCustomXmlPart {
    return this._child('getItem', [id], () => new FakeCustomXmlPart(this.context, () => (this._itemTargets(this._need()) as HostXmlPart[]).find((p) => p.id === id) ?? null));
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return this._child('getItemOrNullObject', [id], () => new FakeCustomXmlPart(this.context, () => (this._resolve() ? (this._itemTargets(this._need()) as HostXmlPart[]).find((p) => p.id === id) ?? null : null), true));
  }
  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (t) => this._itemTargets(t).length);
  }
}

export class FakeCustomXmlPart extends FakeObject<HostXmlPart> {
  readonly _type = 'CustomXmlPart';
  protected _props(): Record<string, PropDef<HostXmlPart>> {
    return { id: { get: (p) => p.id }, namespaceUri: { get: (p) => p.namespaceUri } };
  }
  get id(): string {
    return this._get('id');
  }
  get namespaceUri(): string {
    return this._get('namespaceUri');
  }
  getXml(): FakeClientResult<string> {
    return this._result('getXml', [], (p) => p.xml);
  }
  setXml(xml: string): void {
    this._call('setXml', [xml], (p) => {
      assertWritable(this.context.host, null, 'CustomXmlPart.setXml');
      let ns: string;
      try {
        ns = xmlNamespace(xml);
      } catch (e) {
        throw invalidArgument('CustomXmlPart.setXml', (e as Error).message);
      }
      p.xml = xml;
      p.namespaceUri = ns;
    });
  }
  delete(): void {
    this._call('delete', [], (p) => {
      const host = this.context.host;
      assertWritable(host, null, 'CustomXmlPart.delete');
      const i = host.customXmlParts.indexOf(p);
      if (i < 0) throw itemNotFound('CustomXmlPart.delete');
      host.customXmlParts.splice(i, 1);
    });
  }
}
