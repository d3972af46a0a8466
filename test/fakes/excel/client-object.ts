import { invalidArgument, itemNotFound, notLoaded, officeError } from './errors';
import { Exec, jsonBytes, OP_BYTES } from './request';
import type { FakeRequestContext } from './context';

/** How a proxy finds its target: bound by a queued action (a method call such as getItem),
 *  derived from its parent on each use (navigation properties such as range.format), or fixed
 *  (items handed back by a collection load). */
export type Binding<T> =
  | { bind: () => T | null; nullable?: boolean; where: string }
  | { derive: () => T | null }
  | { fixed: T };

export function parseLoadSpec(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoadSpec(s));
  if (typeof spec === 'object') {
    const o = spec as { select?: string; expand?: string };
    return [...parseLoadSpec(o.select), ...parseLoadSpec(o.expand)];
  }
  throw invalidArgument('Bad load() argument.');
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function hasSetter(obj: object, key: string): boolean {
  for (let p = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return !!d.set;
  }
  return false;
}

/** Base of every proxy: Office's load/sync rules, queued writes, null objects. */
export abstract class FakeClientObject<T> {
  protected abstract readonly _type: string;
  /** Properties `load()` with no argument brings back. */
  protected abstract readonly _scalars: readonly string[];
  protected readonly _props = new Map<string, unknown>();
  private _bound: { target: T | null } | undefined;
  private _null: boolean | undefined;

  constructor(readonly context: FakeRequestContext, private readonly _binding: Binding<T>) {
    if ('fixed' in _binding) { this._bound = { target: _binding.fixed }; this._null = false; }
    if ('bind' in _binding) {
      const b = _binding;
      context._enqueue({
        where: b.where, bytes: OP_BYTES,
        run: (x) => {
          const target = b.bind();
          if (target === null && !b.nullable) throw itemNotFound(`${b.where} found nothing.`, b.where);
          this._bound = { target };
          x.deliver(() => { this._null = target === null; });
        },
      });
    }
  }

  /** The target at execution time; null for a null object. */
  _resolve(): T | null {
    if ('derive' in this._binding) return this._binding.derive();
    if (!this._bound) {
      // Its creating action was in a request that failed before running it: like Office.js, which
      // re-sends an object's path with the next request that uses it, bind it now.
      if (!('bind' in this._binding)) throw officeError('InvalidObjectPath', `${this._type} used before it was created.`);
      const target = this._binding.bind();
      if (target === null && !this._binding.nullable) throw itemNotFound(`${this._binding.where} found nothing.`, this._binding.where);
      this._bound = { target };
    }
    return this._bound.target;
  }

  _require(where: string): T {
    const t = this._resolve();
    if (t === null) throw itemNotFound(`The ${this._type} is a null object.`, where);
    return t;
  }

  /** Queues an action against this object's target. */
  protected _op(where: string, bytes: number, run: (t: T, x: Exec) => void): void {
    this.context._enqueue({ where: `${this._type}.${where}`, bytes: OP_BYTES + bytes, run: (x) => run(this._require(`${this._type}.${where}`), x) });
  }

  protected _get<V>(prop: string): V {
    if (this._props.has(prop)) return this._props.get(prop) as V;
    if (this._null) return null as V;
    throw notLoaded(this._type, prop);
  }

  /** A property write: visible locally at once (as in Office.js), applied to the workbook at sync. */
  protected _set(prop: string, value: unknown): void {
    this._props.set(prop, value);
    this._op(prop, jsonBytes(value), (t, x) => this._write(prop, value, t, x));
  }

  /** Navigation properties, for `load('format/fill/color')` and `set({ format: {...} })`. */
  protected _navs(): Record<string, FakeClientObject<unknown>> { return {}; }
  protected abstract _read(prop: string, target: T, x: Exec): unknown;
  protected _write(prop: string, _value: unknown, _target: T, _x?: Exec): void {
    throw invalidArgument(`${this._type}.${prop} cannot be set.`);
  }

  load(spec?: unknown): this {
    const own: string[] = [];
    for (const path of parseLoadSpec(spec)) {
      const [head, ...rest] = path.split('/');
      const nav = this._navs()[head];
      if (nav) nav.load(rest.length ? rest.join('/') : undefined);
      else if (rest.length) throw invalidArgument(`'${head}' is not a navigation property of ${this._type}.`);
      else own.push(head);
    }
    if (own.length === 0 && parseLoadSpec(spec).length === 0) own.push(...this._scalars);
    if (own.length === 0) return this;
    this.context._enqueue({
      where: `${this._type}.load`, bytes: OP_BYTES,
      run: (x) => this._loadNow(own, x),
    });
    return this;
  }

  /** Reads `props` now (during a sync) and schedules their delivery. */
  _loadNow(props: readonly string[], x: Exec): void {
    const t = this._resolve();
    const values = props.map((p) => [p, t === null ? null : this._read(p, t, x)] as const);
    for (const [, v] of values) x.respond(v);
    x.deliver(() => {
      for (const [p, v] of values) this._props.set(p, v);
      if (this._null === undefined) this._null = t === null;
    });
  }

  set(properties: Record<string, unknown>): void {
    if (!isPlainObject(properties)) throw invalidArgument(`${this._type}.set expects an object.`);
    const navs = this._navs();
    for (const [k, v] of Object.entries(properties)) {
      if (navs[k] && isPlainObject(v)) navs[k].set(v);
      else if (hasSetter(this, k)) (this as unknown as Record<string, unknown>)[k] = v;
      else throw invalidArgument(`${this._type}.${k} cannot be set.`, `${this._type}.set`);
    }
  }

  get isNullObject(): boolean {
    if (this._null !== undefined) return this._null;
    throw notLoaded(this._type, 'isNullObject');
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._props);
  }
}

/** Office's ClientResult: `value` is readable only after the sync that computed it. */
export class FakeClientResult<V> {
  private _has = false;
  private _value: V | undefined;
  constructor(context: FakeRequestContext, where: string, compute: (x: Exec) => V) {
    context._enqueue({
      where, bytes: OP_BYTES,
      run: (x) => {
        const v = compute(x);
        x.respond(v);
        x.deliver(() => { this._value = v; this._has = true; });
      },
    });
  }
  get value(): V {
    if (!this._has) throw notLoaded('ClientResult', 'value');
    return this._value as V;
  }
}
