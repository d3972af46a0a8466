import { parseA1, Rect } from '../model/a1';
import { invalidArgument, itemNotFound } from '../model/errors';
import { SheetModel } from '../model/sheet-model';
import { isRef } from '../host-type';

/** What a Range points at. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export function liveSheet(s: SheetModel, where: string): SheetModel {
  if (s.deleted) throw itemNotFound(`The worksheet '${s.name}' was deleted.`, where);
  return s;
}

/** A Range argument (sent as an object reference) or an address string, resolved on `sheet` unless it names one. */
export function rangeArg(arg: unknown, where: string, onSheet: () => SheetModel, findSheet: (name: string) => SheetModel): RangeTarget {
  if (isRef(arg)) {
    if (arg.type.name !== 'Range') throw invalidArgument(`Expected a Range, got a ${arg.type.name}.`, where);
    return arg.target as RangeTarget;
  }
  if (typeof arg !== 'string') throw invalidArgument('Expected a range or an address.', where);
  const parsed = parseA1(arg);
  return { sheet: parsed.sheet !== undefined ? findSheet(parsed.sheet) : onSheet(), rect: parsed.rect };
}
