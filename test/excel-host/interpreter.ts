import { Exec } from './exec';
import { HostType, isRef, Ref } from './host-type';
import { HostError, itemNotFound, notModelled, officeError } from './model/errors';
import { Action, ActionResult, ActionType, ArgumentInfo, camel, ObjectPath, PathType, RequestBody, ResponseBody } from './protocol';
import { refuseOnProtected } from './types/protection';
import { query } from './query';

/**
 * Executes one RichApi request in order, as Excel does: each action runs against the workbook at
 * once; the first failing action ends the request with an error naming its index, the actions
 * before it stay applied and those after it never run.
 */
export function execute(body: RequestBody, root: Ref, x: Exec): ResponseBody {
  const paths = new Map<number, Ref | null>();
  const resolve = (id: number): Ref | null => {
    if (paths.has(id)) return paths.get(id)!;
    const path = body.ObjectPaths[String(id)];
    if (!path) throw officeError('InvalidObjectPath', `Object path ${id} is not in the request.`);
    const found = resolvePath(path, root, resolve, x);
    paths.set(id, found);
    return found;
  };
  const kept = new Set<number>();
  const results: ActionResult[] = [];
  for (const [index, action] of body.Actions.entries()) {
    try {
      results.push({ ActionId: action.Id, Value: run(action, resolve, x, kept) });
    } catch (error) {
      if (!(error instanceof HostError)) throw error;
      return { Results: results, Error: { Code: error.code, Message: error.message, Location: error.location ?? '', ActionIndex: index, HttpStatusCode: 400 } };
    }
  }
  return { Results: results };
}

type Resolve = (id: number) => Ref | null;

let references = 0;

function run(action: Action, resolve: Resolve, x: Exec, kept: Set<number>): unknown {
  switch (action.ActionType) {
    case ActionType.Instantiate: {
      const target = resolve(action.ObjectPathId);
      if (target === null) return null;
      // Objects with an id answer it, so the library addresses them by id from then on (worksheets.add() stays usable),
      // and as their Id, which the library keeps (Worksheet._handleIdResult) and event handlers use as their target.
      const key = target.type.id?.(target.target);
      const known = key === undefined ? {} : { Id: key };
      if (!kept.has(action.ObjectPathId)) return key === undefined ? {} : { _Id: key, ...known };
      // A tracked object: Excel answers a reference id, which the library sends instead of the path from now on.
      const id = `ref-${++references}`;
      x.references.set(id, target);
      return { _ReferenceId: id, ...known };
    }
    case ActionType.Query: {
      const target = resolve(action.ObjectPathId);
      return target === null ? null : query(target, action.QueryInfo ?? {}, x);
    }
    case ActionType.Method: {
      const name = camel(action.Name);
      if (name === '_KeepReference') {
        kept.add(action.ObjectPathId);
        return null;
      }
      if (name === '_RemoveReference') {
        x.references.delete(String(action.ArgumentInfo?.Arguments?.[0]));
        return null;
      }
      const target = live(resolve(action.ObjectPathId), name);
      return call(target, name, args(action.ArgumentInfo, resolve), x);
    }
    case ActionType.SetProperty: {
      const target = live(resolve(action.ObjectPathId), camel(action.Name));
      setProperty(target, camel(action.Name), args(action.ArgumentInfo, resolve)[0], x);
      return null;
    }
    case ActionType.Trace:
      return null;
    default:
      throw officeError('NotImplemented', `The Excel host does not answer action type ${action.ActionType}.`);
  }
}

function resolvePath(path: ObjectPath, root: Ref, resolve: Resolve, x: Exec): Ref | null {
  switch (path.ObjectPathType) {
    case PathType.GlobalObject:
      return root;
    case PathType.NullObject:
      return null;
    case PathType.ReferenceId: {
      const kept = x.references.get(path.Name);
      if (!kept) throw officeError('InvalidObjectPath', `The tracked object ${path.Name} is no longer tracked.`);
      return kept;
    }
    case PathType.Property: {
      const parent = live(resolve(path.ParentObjectPathId!), camel(path.Name));
      const name = camel(path.Name);
      const nav = parent.type.navs?.[name];
      if (!nav) throw notModelled(`${parent.type.name}.${name}`);
      x.use(parent.type.name, name);
      return nav(parent.target, x);
    }
    case PathType.Method: {
      const parent = live(resolve(path.ParentObjectPathId!), camel(path.Name));
      const found = call(parent, camel(path.Name), args(path.ArgumentInfo, resolve), x);
      if (found !== null && !isRef(found)) throw officeError('InvalidObjectPath', `${parent.type.name}.${camel(path.Name)} does not return an object.`);
      return found;
    }
    case PathType.Indexer: {
      const parent = live(resolve(path.ParentObjectPathId!), 'getItem');
      if (!parent.type.indexer) throw notModelled(`${parent.type.name} indexer`);
      x.use(parent.type.name, 'getItem');
      return parent.type.indexer(parent.target, args(path.ArgumentInfo, resolve)[0], x);
    }
    default:
      throw officeError('InvalidObjectPath', `The Excel host does not resolve object path type ${path.ObjectPathType}.`);
  }
}

/** A null object cannot be used: Excel answers ItemNotFound for a method or a write on it. */
function live(target: Ref | null, member: string): Ref {
  if (target === null) throw itemNotFound(`The object is a null object; ${member} cannot be used on it.`, member);
  return target;
}

function call(target: Ref, name: string, argv: unknown[], x: Exec): unknown {
  const type: HostType<unknown> = target.type;
  const method = type.methods?.[name];
  if (!method) throw notModelled(`${type.name}.${name}`);
  x.use(type.name, name);
  type.check?.(target.target, `${type.name}.${name}`);
  refuseOnProtected(target, name, 'call');
  return method(target.target, argv, x);
}

export function setProperty(target: Ref, name: string, value: unknown, x: Exec): void {
  const type: HostType<unknown> = target.type;
  const scalar = type.scalars?.[name];
  if (!scalar) throw notModelled(`${type.name}.${name}`);
  if (!scalar.set) throw officeError('InvalidArgument', `The property '${name}' is read-only.`, `${type.name}.${name}`);
  x.use(type.name, name);
  type.check?.(target.target, `${type.name}.${name}`);
  refuseOnProtected(target, name, 'set');
  scalar.set(target.target, value, x);
}

/** Arguments with object references (a Range passed to a method) turned back into Refs. */
function args(info: ArgumentInfo | undefined, resolve: Resolve): unknown[] {
  const values = info?.Arguments ?? [];
  const ids = info?.ReferencedObjectPathIds;
  const decode = (v: unknown, id: unknown): unknown => {
    if (typeof id === 'number' && id !== 0) return resolve(id);
    if (Array.isArray(id) && Array.isArray(v)) return v.map((item, i) => decode(item, id[i]));
    return nested(v, resolve);
  };
  return values.map((v, i) => decode(v, ids?.[i]));
}

// Inside plain objects the library sends an object as { _ObjectPathId: n }.
function nested(v: unknown, resolve: Resolve): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if (typeof o._ObjectPathId === 'number' && Object.keys(o).length === 1) return resolve(o._ObjectPathId);
  return Object.fromEntries(Object.entries(o).map(([k, item]) => [k, nested(item, resolve)]));
}
