/**
 * The base of every proxy, with Office.js semantics: properties are unavailable until `load` +
 * `sync` (PropertyNotLoaded); writes and method calls are queued for the next sync;
 * `*OrNullObject` gives an object whose `isNullObject` is known after sync, and what hangs off a
 * null object is null too (a ClientResult of a null object has no value); collections expose
 * `items` only after load. Where the documentation is silent, the workbook's `readings` decide.
 */
import { checkApi } from './api';
import type { FakeRequestContext } from './context';
import { FakeRichApiError, invalidArgument, itemNotFound, notLoaded, onNullObject } from './errors';

/** Every public member access of a fake object goes through its requirement set. */
const API_GUARD: ProxyHandler<FakeObject> = {
  get(target, prop, receiver) {
    if (typeof prop === 'string' && prop.charCodeAt(0) !== 95 /* _ */ && target._type) checkApi(target.context.host, target._type, prop);
    return Reflect.get(target, prop, receiver);
  },
  set(target, prop, value, receiver) {
    if (typeof prop === 'string' && prop.charCodeAt(0) !== 95 && target._type) checkApi(target.context.host, target._type, prop);
    return Reflect.set(target, prop, value, receiver);
  },
};

export interface PropDef<T> {
  get(target: T): unknown;
  /** Host write, run at sync. */
  set?(target: T, value: unknown, where: string): void;
}

export class FakeClientResult<V> {
  _loaded = false;
  _value: V | undefined;
  get value(): V {
    if (!this._loaded) throw new FakeRichApiError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.', 'clientResult.value');
    return this._value as V;
  }
}

/** What a resolver returns when the object it hangs off is a null object: it is null too. */
export const VIA_NULL: unique symbol = Symbol('viaNull');
export type Resolver<T> = () => T | null | typeof VIA_NULL;

/** A proxy of one Excel object; T is the host thing it stands for. */
export abstract class FakeObject<T = unknown> {
  abstract readonly _type: string;
  _isNull: boolean | undefined;
  /** Null because something it hangs off is a null object (not itself an *OrNullObject result). */
  _viaNull = false;
  protected _data: Record<string, unknown> = {};
  private _navs = new Map<string, FakeObject>();
  private _resolved = false;
  private _target: T | null = null;

  constructor(
    readonly context: FakeRequestContext,
    private readonly _resolver: Resolver<T>,
    /** `*OrNullObject`: a missing target gives a null object instead of an error. */
    private readonly _nullable = false,
  ) {
    // Members are checked against their requirement set on every access (API_GUARD).
    return new Proxy(this, API_GUARD as ProxyHandler<this>);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded(this._type, 'isNullObject');
    return this._isNull;
  }

  /**
   * True when the object designates a position rather than a thing (conditional formats under
   * the 'position' reading): it is resolved again for every action.
   */
  protected _volatile(): boolean {
    return false;
  }

  /** The host target, or null for a null object. Runs at sync only. */
  _resolve(): T | null {
    if (!this._resolved || this._volatile()) {
      const t = this._resolver();
      this._viaNull = false;
      if (t === VIA_NULL) {
        this._target = null;
        this._viaNull = true;
      } else if (t === null || t === undefined) {
        if (!this._nullable) throw itemNotFound(this._type);
        this._target = null;
      } else {
        this._target = t;
      }
      this._resolved = true;
      this._isNull = this._target === null;
    }
    return this._target;
  }

  /** Host target that must exist (writes and method calls). */
  _need(): T {
    const t = this._resolve();
    if (t === null) throw itemNotFound(this._type);
    return t;
  }

  /**
   * The target of an action other than a load (a method call, a property write): on a null
   * object, an InvalidOperation under the 'throw' reading, nothing under the 'null' one. `delete`
   * on a null object itself does nothing under both (Microsoft's own samples rely on it).
   */
  _live(what: string, deleteLike = false): T | null {
    const t = this._resolve();
    if (t !== null) return t;
    if (deleteLike && !this._viaNull) return null;
    if (this.context.host.readings.nullObjectCalls === 'throw') throw onNullObject(this._type, what);
    return null;
  }

  /** Resolver of something hanging off `parent`: null when the parent is a null object. */
  protected _from<P, R>(parent: FakeObject<P>, f: (p: P) => R | null): Resolver<R> {
    return () => {
      const p = parent._resolve();
      return p === null ? VIA_NULL : f(p);
    };
  }

  protected abstract _props(): Record<string, PropDef<T>>;
  protected _navDefs(): Record<string, () => FakeObject> {
    return {};
  }

  /** A navigation property: same proxy each time, null when its parent is. */
  protected _nav<O extends FakeObject>(name: string, make: () => O): O {
    let o = this._navs.get(name) as O | undefined;
    if (!o) {
      o = make();
      this._navs.set(name, o);
    }
    return o;
  }

  protected _get<V>(prop: string): V {
    if (prop in this._data) return this._data[prop] as V;
    if (this._isNull) return undefined as V;
    throw notLoaded(this._type, prop);
  }

  protected _set(prop: string, value: unknown): void {
    const def = this._props()[prop];
    if (!def?.set) throw new FakeRichApiError('InvalidArgument', `Cannot set the read-only property '${prop}'.`, `${this._type}.${prop}`);
    this._data[prop] = value;
    this.context._enqueue({
      describe: { o: this._type, set: prop, v: value },
      run: () => {
        const t = this._live(prop);
        if (t === null) return; // the 'null' reading: a write to a null object does nothing
        def.set!(t, value, `${this._type}.${prop}`);
      },
    });
  }

  /** Queue a method call that changes the host (`delete` is allowed on a null object itself). */
  protected _call(method: string, args: unknown[], run: (t: T) => void): void {
    this.context._enqueue({
      describe: { o: this._type, m: method, a: args },
      run: () => {
        const t = this._live(method, method === 'delete');
        if (t === null) return;
        run(t);
      },
    });
  }

  /** Queue a method call returning a value. */
  protected _result<V>(method: string, args: unknown[], compute: (t: T) => V): FakeClientResult<V> {
    const result = new FakeClientResult<V>();
    this.context._enqueue({
      describe: { o: this._type, m: method, a: args },
      run: () => {
        const t = this._live(method);
        const value = t === null ? undefined : compute(t);
        return {
          data: value === undefined ? { _IsNull: true } : value,
          commit: () => {
            result._loaded = true;
            result._value = value;
          },
        };
      },
    });
    return result;
  }

  /** Queue the creation of an object returned by a method (errors such as ItemNotFound surface at sync). */
  protected _child<O extends FakeObject>(method: string, args: unknown[], make: () => O): O {
    const child = make();
    this.context._enqueue({
      describe: { o: this._type, m: method, a: args },
      run: () => {
        this._live(method);
        child._resolve();
      },
    });
    return child;
  }

  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    const paths = normalizePaths(spec);
    this.context._enqueue({
      describe: { o: this._type, load: paths.map((p) => p.join('/')) },
      run: () => {
        const { data, commits } = loadInto(this, paths);
        return { data, commit: () => commits.forEach((c) => c()) };
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._data };
  }

  /** Used by loadInto. */
  _scalarNames(): string[] {
    return Object.keys(this._props());
  }
  _readScalar(name: string, target: T): unknown {
    const def = this._props()[name];
    return def.get(target);
  }
  _hasScalar(name: string): boolean {
    return name in this._props();
  }
  _navProxy(name: string): FakeObject | undefined {
    const make = this._navDefs()[name];
    return make ? make() : undefined;
  }
  _commitScalar(name: string, value: unknown): void {
    this._data[name] = value;
  }
}

export abstract class FakeCollection<T, I extends FakeObject> extends FakeObject<T> {
  _items: I[] | undefined;
  get items(): I[] {
    if (this._items) return this._items;
    if (this._isNull) return undefined as unknown as I[];
    throw notLoaded(this._type, 'items');
  }
  protected _props(): Record<string, PropDef<T>> {
    return {};
  }
  abstract _itemTargets(target: T): unknown[];
  abstract _makeItem(target: unknown): I;
}

function normalizePaths(spec?: string | string[] | { select?: string; expand?: string }): string[][] {
  let list: string[] = [];
  if (spec === undefined || spec === null) list = [];
  else if (typeof spec === 'string') list = spec.split(',');
  else if (Array.isArray(spec)) list = spec;
  else list = [...(spec.select ?? '').split(','), ...(spec.expand ?? '').split(',')];
  return list.map((s) => s.trim()).filter(Boolean).map((s) => s.split('/').map((p) => p.trim()));
}

/** Load `paths` of `obj` from the host: the response data and what to commit after the sync. */
function loadInto(obj: FakeObject, paths: string[][]): { data: Record<string, unknown>; commits: Array<() => void> } {
  const target = obj._resolve();
  const commits: Array<() => void> = [];
  if (target === null) {
    // A load on a null object itself is documented; on what hangs off one, not.
    if (obj._viaNull && obj.context.host.readings.nullObjectCalls === 'throw') throw onNullObject(obj._type, 'load');
    return { data: { _IsNull: true }, commits };
  }
  if (obj instanceof FakeCollection) {
    let itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0);
    if (!itemPaths.length) itemPaths = [];
    const items = obj._itemTargets(target).map((t) => obj._makeItem(t));
    const datas = items.map((item) => {
      const r = loadInto(item, itemPaths);
      commits.push(...r.commits);
      return r.data;
    });
    commits.push(() => {
      obj._items = items;
    });
    return { data: { items: datas }, commits };
  }
  const data: Record<string, unknown> = {};
  const scalars = new Set<string>();
  const navs = new Map<string, string[][]>();
  if (!paths.length) obj._scalarNames().forEach((n) => scalars.add(n));
  for (const p of paths) {
    if (obj._hasScalar(p[0])) scalars.add(p[0]);
    else if (obj._navProxy(p[0])) navs.set(p[0], [...(navs.get(p[0]) ?? []), p.slice(1)].filter((x) => x.length));
    else throw invalidArgument(`${obj._type}.load`, `The property '${p.join('/')}' does not exist on ${obj._type}.`);
  }
  for (const name of scalars) {
    const value = obj._readScalar(name, target);
    data[name] = value;
    commits.push(() => obj._commitScalar(name, value));
  }
  for (const [name, sub] of navs) {
    const child = obj._navProxy(name)!;
    const r = loadInto(child, sub);
    data[name] = r.data;
    commits.push(...r.commits);
  }
  return { data, commits };
}
