import { fullAddress, intersect, parseA1, quoteSheet, Rect, rectA1 } from '../model/a1';
import { invalidArgument } from '../model/errors';
import { SheetModel } from '../model/sheet-model';
import { HostType, ref, Ref } from '../host-type';
import { rangeFillType } from './range-format';
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

/**
 * Longest address list Worksheet.getRanges takes here. Not documented, and observed rather than exact:
 * Excel answers InvalidArgument for lists of 8,207 and 9,085 characters (office-js issue #5198, on the
 * web and on Windows), while office-js-docs-pr #2255 reports lists of one length both passing and
 * failing. The host refuses every list past 8,192 characters; the add-in keeps its lists to 2,048
 * (AREAS_ADDRESS_CHARS in src/excel/lean-requests.ts) so as not to depend on where Excel's real limit lies.
 */
export const MAX_RANGES_ADDRESS = 8192;

/**
 * Worksheet.getRanges (ExcelApi 1.9), all on this sheet. The reference: "A string containing the
 * comma-separated or semicolon-separated addresses or names of the individual ranges. For example,
 * "A1:B2, A5:B5" or "A1:B2; A5:B5"." Excel on the web takes either. Desktop Excel takes only the list
 * separator of the computer's regional settings (office-js issues #1167, "Currently this method must be
 * called using locale specific argument/list separator, e.g. with Czech or German settings the call
 * looks like this `sheet.getRanges("B7:C7;G10")`", and #1985): the host refuses the other one there.
 */
export function rangesOn(sheet: SheetModel, address: unknown, platform: 'web' | 'desktop'): Ref<AreasTarget> {
  const where = 'Worksheet.getRanges';
  if (typeof address !== 'string' || address.trim() === '') throw invalidArgument('Expected comma-delimited addresses.', where);
  if (address.length > MAX_RANGES_ADDRESS) throw invalidArgument(`An address list of ${address.length} characters.`, where);
  const separators = platform === 'web' ? [',', ';'] : [sheet.locale.list];
  const rects = splitAddresses(address, separators).map((part) => {
    let parsed: ReturnType<typeof parseA1>;
    try {
      parsed = parseA1(part);
    } catch {
      // Excel also takes names of ranges here; the host models none.
      throw invalidArgument(`'${part}' is not an address.`, where);
    }
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())
      throw invalidArgument(`'${part}' is not on worksheet '${sheet.name}'.`, where);
    return parsed.rect;
  });
  return ref(rangeAreasType, { sheet, rects });
}

/** Splits at the separators outside quoted sheet names: `'a,b'!A1, C3` → two parts. */
function splitAddresses(list: string, separators: readonly string[]): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === "'") quoted = !quoted;
    else if (separators.includes(list[i]) && !quoted) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

const perArea = (t: AreasTarget): RangeTarget[] => t.rects.map((rect) => ({ sheet: t.sheet, rect }));
const fillColor = rangeFillType.scalars!.color;

/**
 * RangeAreas.format.fill: "Setting a property on a RangeAreas object sets the corresponding property on
 * all the ranges"; reading one, "other properties are null unless all ranges share the same value"
 * (Work with multiple ranges simultaneously in Excel add-ins).
 */
const areasFillType: HostType<AreasTarget> = {
  name: 'RangeFill',
  scalars: {
    color: {
      get: (t, x) => {
        const colors = perArea(t).map((area) => fillColor.get(area, x));
        return colors.every((c) => c !== null && c === colors[0]) ? colors[0] : null;
      },
      set: (t, v, x) => {
        for (const area of perArea(t)) fillColor.set!(area, v, x);
      },
    },
  },
  methods: {
    clear: (t, args, x) => {
      for (const area of perArea(t)) rangeFillType.methods!.clear(area, args, x);
      return null;
    },
  },
};

/** RangeAreas.format: the fill only; its other members are not modelled. */
const areasFormatType: HostType<AreasTarget> = {
  name: 'RangeFormat',
  navs: { fill: (t) => ref(areasFillType, t) },
};

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
  navs: { areas: (t) => ref(rangeCollectionType, t), format: (t) => ref(areasFormatType, t) },
};
