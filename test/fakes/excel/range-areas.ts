import { fullAddress, intersect, Rect, rectA1, quoteSheet } from './a1';
import { FakeClientObject, parseLoadSpec } from './client-object';
import type { FakeRequestContext } from './context';
import { invalidArgument, notLoaded } from './errors';
import { Exec } from './request';
import { FakeRange, RangeTarget } from './range';
import { SheetModel } from './sheet-model';

interface AreasTarget { sheet: SheetModel; rects: Rect[] }

/** range.getMergedAreasOrNullObject(): the merged areas touching the range, or a null object. */
export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  protected readonly _type = 'RangeAreas';
  protected readonly _scalars = ['address', 'areaCount', 'cellCount'] as const;
  readonly areas: FakeRangeCollection;

  constructor(context: FakeRequestContext, source: FakeRange) {
    super(context, {
      where: 'Range.getMergedAreasOrNullObject', nullable: true,
      bind: () => {
        const t = source._resolve();
        if (!t) return null;
        const rects = t.sheet.merges.filter((m) => intersect(m, t.rect));
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
    });
    this.areas = new FakeRangeCollection(context, () => this._resolve());
  }
  get address(): string { return this._get('address'); }
  get areaCount(): number { return this._get('areaCount'); }
  get cellCount(): number { return this._get('cellCount'); }
  protected override _navs() { return { areas: this.areas as unknown as FakeClientObject<unknown> }; }
  protected _read(prop: string, t: AreasTarget): unknown {
    switch (prop) {
      case 'address': return t.rects.map((r, i) => (i === 0 ? fullAddress(t.sheet.name, r) : `${quoteSheet(t.sheet.name)}!${rectA1(r)}`)).join(',');
      case 'areaCount': return t.rects.length;
      case 'cellCount': return t.rects.reduce((n, r) => n + r.rows * r.cols, 0);
      default: throw invalidArgument(`RangeAreas.${prop} is not supported by the fake.`);
    }
  }
}

/** A loaded list of ranges (RangeAreas.areas). */
export class FakeRangeCollection extends FakeClientObject<AreasTarget> {
  protected readonly _type = 'RangeCollection';
  protected readonly _scalars = [] as const;
  private _items: FakeRange[] | undefined;
  constructor(context: FakeRequestContext, derive: () => AreasTarget | null) { super(context, { derive }); }
  get items(): FakeRange[] {
    if (!this._items) throw notLoaded(this._type, 'items');
    return this._items;
  }
  override load(spec?: unknown): this {
    const props = parseLoadSpec(spec).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    this.context._enqueue({
      where: 'RangeCollection.load', bytes: 80,
      run: (x: Exec) => {
        const t = this._resolve();
        const items = (t?.rects ?? []).map((rect) => new FakeRange(this.context, { fixed: { sheet: t!.sheet, rect } as RangeTarget }));
        for (const r of items) r._loadNow(props.length ? props : ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'], x);
        x.deliver(() => { this._items = items; });
      },
    });
    return this;
  }
  protected _read(prop: string): unknown { throw invalidArgument(`RangeCollection.${prop} is not a property.`); }
}
