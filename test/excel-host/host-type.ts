import type { Exec } from './exec';

/** An object of the workbook as the interpreter holds it: what it is and what it points at. */
export interface Ref<T = unknown> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Ref's type matches its target by construction (ref())
  type: HostType<any>;
  target: T;
}

/** A scalar property: read by Query, written by SetProperty (when `set` exists). */
export interface Scalar<T> {
  get(target: T, x: Exec): unknown;
  set?(target: T, value: unknown, x: Exec): void;
}

/**
 * One Office.js class as Excel answers it. Member names are the camelCase names of the
 * @types/office-js declarations; the wire names (PascalCase) are converted in protocol.ts.
 */
export interface HostType<T> {
  name: string;
  /** Throws when the target no longer exists (a deleted sheet, table, note). */
  check?(target: T, where: string): void;
  scalars?: Record<string, Scalar<T>>;
  /** What `load()` without arguments brings back; all scalars when absent. */
  defaults?: readonly string[];
  /** Navigation properties: range.format, worksheet.tables… */
  navs?: Record<string, (target: T, x: Exec) => Ref>;
  /** Methods. Those returning an object return a Ref (or null for a null object). */
  methods?: Record<string, (target: T, args: unknown[], x: Exec) => unknown>;
  /** `collection.getItem(key)` is sent as an indexer path; items of a loaded collection too (by id). */
  indexer?(target: T, key: unknown, x: Exec): Ref | null;
  /** Collections: the items a Query lists under `_Items`. */
  items?(target: T, x: Exec): Ref[];
  /** Items `skip`… (at most `top`) of a long collection, listing only those (a Query with $skip/$top); else `items` is sliced. */
  itemsWindow?(target: T, x: Exec, skip: number, top: number | null): Ref[];
  /** The `_Id` Excel reports for an item, so the library addresses it by id afterwards. */
  id?(target: T): string;
}

export const ref = <T>(type: HostType<T>, target: T): Ref<T> => ({ type, target });

export function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && 'type' in v && 'target' in v && typeof (v as Ref).type?.name === 'string';
}
