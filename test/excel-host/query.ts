import { Exec } from './exec';
import { HostType, Ref } from './host-type';
import { notModelled } from './model/errors';
import { pascal, QueryInfo } from './protocol';

/**
 * A Query action's answer: the selected scalars under their PascalCase names, navigation
 * properties as nested objects, and a collection's items under `_Items` (each with `_Id` when the
 * type has ids, so the library addresses them by id later). `load()` without arguments sends no
 * Select: every default scalar.
 */
export function query(target: Ref, info: QueryInfo, x: Exec): unknown {
  return target.type.items ? collection(target, info.Select ?? [], info.Expand ?? [], x, info) : object(target, info.Select ?? [], info.Expand ?? [], x);
}

function collection(target: Ref, select: string[], expand: string[], x: Exec, info: QueryInfo = {}): unknown {
  const type: HostType<unknown> = target.type;
  x.use(type.name, 'items');
  const top = info.Top !== undefined && info.Top !== null ? info.Top : null;
  let items = type.itemsWindow?.(target.target, x, info.Skip ?? 0, top) ?? type.items!(target.target, x);
  if (!type.itemsWindow) {
    if (info.Skip) items = items.slice(info.Skip);
    if (top !== null) items = items.slice(0, top);
  }
  return {
    _Items: items.map((item) => {
      const value = object(item, select, expand, x) as Record<string, unknown>;
      const id = item.type.id?.(item.target as never);
      return id === undefined ? value : { _Id: id, ...value };
    }),
  };
}

function object(target: Ref, select: string[], expand: string[], x: Exec): unknown {
  const type: HostType<unknown> = target.type;
  type.check?.(target.target, `${type.name}.load`);
  const out: Record<string, unknown> = {};
  const own = select.filter((p) => !p.includes('/'));
  const scalars = own.length === 0 && select.length === 0 ? [...(type.defaults ?? Object.keys(type.scalars ?? {}))] : [];
  for (const name of [...scalars, ...own]) {
    if (type.navs?.[name]) {
      out[pascal(name)] = nav(target, name, [], [], x);
      continue;
    }
    const scalar = type.scalars?.[name];
    if (!scalar) throw notModelled(`${type.name}.${name}`);
    x.use(type.name, name);
    out[pascal(name)] = scalar.get(target.target, x);
  }
  for (const [head, rest] of group(select.filter((p) => p.includes('/')))) out[pascal(head)] = nav(target, head, rest, [], x);
  for (const [head, rest] of group(expand)) out[pascal(head)] = nav(target, head, [], rest, x);
  return out;
}

function nav(target: Ref, name: string, select: string[], expand: string[], x: Exec): unknown {
  const type: HostType<unknown> = target.type;
  const make = type.navs?.[name];
  if (!make) throw notModelled(`${type.name}.${name}`);
  x.use(type.name, name);
  const child = make(target.target, x);
  if (child.type.items) {
    const strip = (ps: string[]) => ps.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    return collection(child, strip(select), strip(expand), x);
  }
  return object(child, select, expand, x);
}

/** ['format/fill/color', 'format/font/bold'] → format: ['fill/color', 'font/bold']; 'format' alone → []. */
function group(paths: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split('/');
    const list = out.get(head) ?? [];
    if (rest.length) list.push(rest.join('/'));
    out.set(head, list);
  }
  return out;
}
