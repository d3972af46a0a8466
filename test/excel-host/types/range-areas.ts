import { fullAddress, intersect, quoteSheet, Rect, rectA1 } from '../model/a1';
import { SheetModel } from '../model/sheet-model';
import { HostType, ref, Ref } from '../host-type';
import { RangeTarget } from './range-target';
import { rangeType } from './range';

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

/** range.getMergedAreasOrNullObject(): the merged areas touching the range, or a null object. */
export function rangeAreasOf(t: RangeTarget): Ref<AreasTarget> | null {
  const rects = t.sheet.merges.filter((m) => intersect(m, t.rect));
  return rects.length ? ref(rangeAreasType, { sheet: t.sheet, rects }) : null;
}

const rangeCollectionType: HostType<AreasTarget> = {
  name: 'RangeCollection',
  items: (t) => t.rects.map((rect) => ref(rangeType, { sheet: t.sheet, rect })),
};

export const rangeAreasType: HostType<AreasTarget> = {
  name: 'RangeAreas',
  scalars: {
    address: { get: (t) => t.rects.map((r, i) => (i === 0 ? fullAddress(t.sheet.name, r) : `${quoteSheet(t.sheet.name)}!${rectA1(r)}`)).join(',') },
    areaCount: { get: (t) => t.rects.length },
    cellCount: { get: (t) => t.rects.reduce((n, r) => n + r.rows * r.cols, 0) },
  },
  navs: { areas: (t) => ref(rangeCollectionType, t) },
};
