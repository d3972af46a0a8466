import { FakeClientObject } from './client-object';
import type { FakeRequestContext } from './context';
import { invalidArgument } from './errors';
import type { RangeTarget } from './range';
import { styleTargets, uniform } from './range-data';
import { Cell } from './sheet-model';
import { liveSheet } from './worksheet';
export { FakeDataValidation } from './data-validation';

const NAMED: Record<string, string> = { red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00', white: '#FFFFFF', black: '#000000', orange: '#FFA500', gray: '#808080', grey: '#808080' };

/** Excel answers colours as upper-case #RRGGBB. */
export function normalizeColor(v: unknown, where: string): string {
  if (typeof v !== 'string') throw invalidArgument('A colour must be a string.', where);
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  throw invalidArgument(`'${v}' is not a colour.`, where);
}

type Derive = () => RangeTarget | null;

abstract class RangePart extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, derive: Derive) { super(context, { derive }); }
  protected cells(t: RangeTarget, where: string): Generator<Cell> { return styleTargets(liveSheet(t.sheet, where), t.rect); }
}

export class FakeRangeFill extends RangePart {
  protected readonly _type = 'RangeFill';
  protected readonly _scalars = ['color'] as const;
  get color(): string { return this._get('color'); }
  set color(v: string) { this._set('color', v); }
  protected _read(prop: string, t: RangeTarget): unknown {
    if (prop === 'color') return uniform(t.sheet, t.rect, (c) => c?.fill ?? '#FFFFFF');
    throw invalidArgument(`RangeFill.${prop} is not supported by the fake.`);
  }
  protected override _write(prop: string, v: unknown, t: RangeTarget): void {
    if (prop !== 'color') return super._write(prop, v, t);
    const color = normalizeColor(v, 'RangeFill.color');
    for (const c of this.cells(t, 'RangeFill.color')) c.fill = color;
  }
  clear(): void {
    this._op('clear', 0, (t) => { for (const c of this.cells(t, 'RangeFill.clear')) delete c.fill; });
  }
}

export class FakeRangeFont extends RangePart {
  protected readonly _type = 'RangeFont';
  protected readonly _scalars = ['bold', 'italic', 'color', 'name', 'size'] as const;
  get bold(): boolean { return this._get('bold'); }
  set bold(v: boolean) { this._set('bold', v); }
  get italic(): boolean { return this._get('italic'); }
  set italic(v: boolean) { this._set('italic', v); }
  get color(): string { return this._get('color'); }
  set color(v: string) { this._set('color', v); }
  get name(): string { return this._get('name'); }
  set name(v: string) { this._set('name', v); }
  get size(): number { return this._get('size'); }
  set size(v: number) { this._set('size', v); }
  protected _read(prop: string, t: RangeTarget): unknown {
    switch (prop) {
      case 'bold': return uniform(t.sheet, t.rect, (c) => c?.bold ?? false);
      case 'italic': return uniform(t.sheet, t.rect, (c) => c?.italic ?? false);
      case 'color': return uniform(t.sheet, t.rect, (c) => c?.color ?? '#000000');
      case 'name': return 'Aptos Narrow';
      case 'size': return 11;
      default: throw invalidArgument(`RangeFont.${prop} is not supported by the fake.`);
    }
  }
  protected override _write(prop: string, v: unknown, t: RangeTarget): void {
    const where = `RangeFont.${prop}`;
    if (prop === 'bold' || prop === 'italic') {
      if (typeof v !== 'boolean') throw invalidArgument('Expected true or false.', where);
      for (const c of this.cells(t, where)) c[prop] = v;
    } else if (prop === 'color') {
      const color = normalizeColor(v, where);
      for (const c of this.cells(t, where)) c.color = color;
    } else if (prop === 'name' || prop === 'size') { /* accepted, not modelled */ }
    else super._write(prop, v, t);
  }
}

export class FakeRangeFormat extends RangePart {
  protected readonly _type = 'RangeFormat';
  protected readonly _scalars = ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'] as const;
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;
  private _local = { horizontalAlignment: 'General', verticalAlignment: 'Bottom', wrapText: false };
  get fill(): FakeRangeFill { return (this._fill ??= new FakeRangeFill(this.context, () => this._resolve())); }
  get font(): FakeRangeFont { return (this._font ??= new FakeRangeFont(this.context, () => this._resolve())); }
  protected override _navs() { return { fill: this.fill, font: this.font }; }
  get columnWidth(): number { return this._get('columnWidth'); }
  set columnWidth(v: number) { this._set('columnWidth', v); }
  get rowHeight(): number { return this._get('rowHeight'); }
  set rowHeight(v: number) { this._set('rowHeight', v); }
  get horizontalAlignment(): string { return this._get('horizontalAlignment'); }
  set horizontalAlignment(v: string) { this._set('horizontalAlignment', v); }
  get verticalAlignment(): string { return this._get('verticalAlignment'); }
  set verticalAlignment(v: string) { this._set('verticalAlignment', v); }
  get wrapText(): boolean { return this._get('wrapText'); }
  set wrapText(v: boolean) { this._set('wrapText', v); }

  protected _read(prop: string, t: RangeTarget): unknown {
    const s = t.sheet, r = t.rect;
    switch (prop) {
      case 'columnWidth': { const w = s.columnWidths.get(r.col) ?? 48; for (let c = r.col; c < r.col + Math.min(r.cols, 1000); c++) if ((s.columnWidths.get(c) ?? 48) !== w) return null; return w; }
      case 'rowHeight': { const h = s.rowHeights.get(r.row) ?? 15; return h; }
      case 'horizontalAlignment': case 'verticalAlignment': case 'wrapText': return this._local[prop];
      default: throw invalidArgument(`RangeFormat.${prop} is not supported by the fake.`);
    }
  }
  protected override _write(prop: string, v: unknown, t: RangeTarget): void {
    const where = `RangeFormat.${prop}`;
    const s = liveSheet(t.sheet, where), r = t.rect;
    if (prop === 'columnWidth' || prop === 'rowHeight') {
      if (typeof v !== 'number' || !(v >= 0)) throw invalidArgument('Expected a non-negative number.', where);
      if (prop === 'columnWidth') for (let c = r.col; c < r.col + r.cols; c++) { s.columnWidths.set(c, v); s.autofitted.delete(c); }
      else for (let i = r.row; i < r.row + Math.min(r.rows, 100000); i++) s.rowHeights.set(i, v);
    } else if (prop === 'horizontalAlignment' || prop === 'verticalAlignment') this._local[prop] = String(v);
    else if (prop === 'wrapText') this._local.wrapText = !!v;
    else super._write(prop, v, t);
  }
  /** The fake records which columns were fitted; the width itself is a rough guess from the text length. */
  autofitColumns(): void {
    this._op('autofitColumns', 0, (t) => {
      const s = liveSheet(t.sheet, 'RangeFormat.autofitColumns');
      for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.cols, 16384); c++) s.autofitted.add(c);
    });
  }
  autofitRows(): void { this._op('autofitRows', 0, (t) => { liveSheet(t.sheet, 'RangeFormat.autofitRows'); }); }
}
