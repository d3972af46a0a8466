import { checkRect, fullAddress, intersect, MAX_COLS, MAX_ROWS, parseA1, Rect } from './a1';
import { Binding, FakeClientObject } from './client-object';
import type { FakeRequestContext } from './context';
import { invalidArgument, officeError } from './errors';
import { Exec } from './request';
import { GridProp, readGrid, styleTargets, writeNumberFormat, writeValues } from './range-data';
import { FakeRangeFormat, FakeDataValidation } from './range-format';
import { SheetModel } from './sheet-model';
import { liveSheet, FakeWorksheet } from './worksheet';
import { FakeRangeAreas } from './range-areas';
import { typeInput } from './typing';

export interface RangeTarget { sheet: SheetModel; rect: Rect }
const GRID = new Set(['values', 'text', 'numberFormat', 'valueTypes', 'formulas', 'formulasLocal']);

function hiddenState(set: Set<number>, start: number, count: number): boolean | null {
  let hidden = 0;
  if (count > set.size) { for (const i of set) if (i >= start && i < start + count) hidden++; }
  else for (let i = start; i < start + count; i++) if (set.has(i)) hidden++;
  return hidden === 0 ? false : hidden === count ? true : null;
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly _type = 'Range';
  protected readonly _scalars = ['address', 'addressLocal', 'cellCount', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex',
    'values', 'text', 'numberFormat', 'valueTypes', 'formulas', 'hidden', 'rowHidden', 'columnHidden', 'isEntireColumn', 'isEntireRow', 'style'] as const;
  private _format?: FakeRangeFormat;
  private _dv?: FakeDataValidation;
  private _ws?: FakeWorksheet;

  constructor(context: FakeRequestContext, binding: Binding<RangeTarget>) { super(context, binding); }

  _target(where: string): RangeTarget {
    const t = this._require(where);
    liveSheet(t.sheet, where);
    return t;
  }

  get address(): string { return this._get('address'); }
  get addressLocal(): string { return this._get('addressLocal'); }
  get cellCount(): number { return this._get('cellCount'); }
  get rowCount(): number { return this._get('rowCount'); }
  get columnCount(): number { return this._get('columnCount'); }
  get rowIndex(): number { return this._get('rowIndex'); }
  get columnIndex(): number { return this._get('columnIndex'); }
  get isEntireColumn(): boolean { return this._get('isEntireColumn'); }
  get isEntireRow(): boolean { return this._get('isEntireRow'); }
  get style(): string { return this._get('style'); }
  get hidden(): boolean { return this._get('hidden'); }
  get values(): any[][] { return this._get('values'); }
  set values(v: any[][]) { this._set('values', v); }
  get formulas(): any[][] { return this._get('formulas'); }
  set formulas(v: any[][]) { this._set('formulas', v); }
  get formulasLocal(): any[][] { return this._get('formulasLocal'); }
  set formulasLocal(v: any[][]) { this._set('formulasLocal', v); }
  get numberFormat(): any[][] { return this._get('numberFormat'); }
  set numberFormat(v: any[][]) { this._set('numberFormat', v); }
  get text(): string[][] { return this._get('text'); }
  get valueTypes(): Excel.RangeValueType[][] { return this._get('valueTypes'); }
  get rowHidden(): boolean { return this._get('rowHidden'); }
  set rowHidden(v: boolean) { this._set('rowHidden', v); }
  get columnHidden(): boolean { return this._get('columnHidden'); }
  set columnHidden(v: boolean) { this._set('columnHidden', v); }
  get hyperlink(): Excel.RangeHyperlink { return this._get('hyperlink'); }
  set hyperlink(v: Excel.RangeHyperlink) { this._set('hyperlink', v); }

  get format(): FakeRangeFormat { return (this._format ??= new FakeRangeFormat(this.context, () => this._resolve())); }
  get dataValidation(): FakeDataValidation { return (this._dv ??= new FakeDataValidation(this.context, () => this._resolve())); }
  get worksheet(): FakeWorksheet { return (this._ws ??= new FakeWorksheet(this.context, { derive: () => this._resolve()?.sheet ?? null })); }
  protected override _navs() { return { format: this.format, dataValidation: this.dataValidation, worksheet: this.worksheet }; }

  protected _read(prop: string, t: RangeTarget, x: Exec): unknown {
    const { sheet: s, rect } = t;
    liveSheet(s, `Range.${prop}`);
    if (GRID.has(prop)) {
      x.read(rect.rows * rect.cols, `Range.${prop}`);
      return readGrid(s, rect, (prop === 'formulasLocal' ? 'formulas' : prop) as GridProp);
    }
    switch (prop) {
      case 'address': case 'addressLocal': return fullAddress(s.name, rect);
      case 'cellCount': return rect.rows * rect.cols;
      case 'rowCount': return rect.rows;
      case 'columnCount': return rect.cols;
      case 'rowIndex': return rect.row;
      case 'columnIndex': return rect.col;
      case 'isEntireColumn': return rect.rows === MAX_ROWS;
      case 'isEntireRow': return rect.cols === MAX_COLS;
      case 'style': return 'Normal';
      case 'rowHidden': return hiddenState(s.hiddenRows, rect.row, rect.rows);
      case 'columnHidden': return hiddenState(s.hiddenCols, rect.col, rect.cols);
      case 'hidden': return hiddenState(s.hiddenRows, rect.row, rect.rows) === true || hiddenState(s.hiddenCols, rect.col, rect.cols) === true;
      case 'hyperlink': { const l = s.cell(rect.row, rect.col)?.link; return l ? { ...l } : null; }
      default: throw invalidArgument(`Range.${prop} is not supported by the fake.`, `Range.load`);
    }
  }

  protected override _write(prop: string, v: unknown, t: RangeTarget): void {
    const where = `Range.${prop}`;
    const { sheet: s, rect } = this._target(where);
    void t;
    switch (prop) {
      case 'values': case 'formulas': case 'formulasLocal': return writeValues(s, rect, v, where);
      case 'numberFormat': return writeNumberFormat(s, rect, v, where);
      case 'rowHidden': case 'columnHidden': {
        if (typeof v !== 'boolean') throw invalidArgument('Expected true or false.', where);
        const [set, start, count] = prop === 'rowHidden' ? [s.hiddenRows, rect.row, rect.rows] : [s.hiddenCols, rect.col, rect.cols];
        for (let i = start; i < start + count; i++) if (v) set.add(i); else set.delete(i);
        return;
      }
      case 'hyperlink': return this.writeLink(s, rect, v as Excel.RangeHyperlink | null, where);
      default: super._write(prop, v, t);
    }
  }

  private writeLink(s: SheetModel, rect: Rect, link: Excel.RangeHyperlink | null, where: string): void {
    if (link !== null && (typeof link !== 'object' || (!link.address && !link.documentReference)))
      throw invalidArgument('A hyperlink needs an address or a documentReference.', where);
    for (const cell of styleTargets(s, rect)) {
      if (link === null) { delete cell.link; continue; }
      cell.link = { address: link.address, documentReference: link.documentReference, screenTip: link.screenTip, textToDisplay: link.textToDisplay };
      if (link.textToDisplay !== undefined) {
        const typed = typeInput(link.textToDisplay, cell.nf ?? 'General', where)!;
        cell.v = typed.v; delete cell.f; delete cell.t;
      }
    }
  }

  // ----- ranges derived from this one (each is an action; Excel resolves it at sync)
  private derived(where: string, make: (t: RangeTarget) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(this.context, {
      where: `Range.${where}`, nullable,
      bind: () => {
        const t = this._resolve();
        if (t === null) return null;
        liveSheet(t.sheet, `Range.${where}`);
        const r = make(t);
        return r ? { sheet: t.sheet, rect: checkRect(r, `Range.${where}`) } : null;
      },
    });
  }
  private static other(o: FakeRange | string, t: RangeTarget, where: string): Rect {
    if (typeof o === 'string') return parseA1(o).rect;
    const ot = o._require(where);
    if (ot.sheet !== t.sheet) throw invalidArgument('The ranges are on different worksheets.', where);
    return ot.rect;
  }

  getCell(row: number, column: number) { return this.derived('getCell', ({ rect }) => ({ row: rect.row + row, col: rect.col + column, rows: 1, cols: 1 })); }
  getOffsetRange(rowOffset: number, columnOffset: number) { return this.derived('getOffsetRange', ({ rect }) => ({ ...rect, row: rect.row + rowOffset, col: rect.col + columnOffset })); }
  getResizedRange(deltaRows: number, deltaColumns: number) { return this.derived('getResizedRange', ({ rect }) => ({ ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns })); }
  getAbsoluteResizedRange(numRows: number, numColumns: number) { return this.derived('getAbsoluteResizedRange', ({ rect }) => ({ ...rect, rows: numRows, cols: numColumns })); }
  getRow(row: number) { return this.derived('getRow', ({ rect }) => { if (row < 0 || row >= rect.rows) throw invalidArgument(`Row ${row} is outside the range.`); return { ...rect, row: rect.row + row, rows: 1 }; }); }
  getColumn(column: number) { return this.derived('getColumn', ({ rect }) => { if (column < 0 || column >= rect.cols) throw invalidArgument(`Column ${column} is outside the range.`); return { ...rect, col: rect.col + column, cols: 1 }; }); }
  getRowsAbove(count = 1) { return this.derived('getRowsAbove', ({ rect }) => ({ ...rect, row: rect.row - count, rows: count })); }
  getRowsBelow(count = 1) { return this.derived('getRowsBelow', ({ rect }) => ({ ...rect, row: rect.row + rect.rows, rows: count })); }
  getColumnsBefore(count = 1) { return this.derived('getColumnsBefore', ({ rect }) => ({ ...rect, col: rect.col - count, cols: count })); }
  getColumnsAfter(count = 1) { return this.derived('getColumnsAfter', ({ rect }) => ({ ...rect, col: rect.col + rect.cols, cols: count })); }
  getEntireColumn() { return this.derived('getEntireColumn', ({ rect }) => ({ ...rect, row: 0, rows: MAX_ROWS })); }
  getEntireRow() { return this.derived('getEntireRow', ({ rect }) => ({ ...rect, col: 0, cols: MAX_COLS })); }
  getLastCell() { return this.derived('getLastCell', ({ rect }) => ({ row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1, rows: 1, cols: 1 })); }
  getLastRow() { return this.derived('getLastRow', ({ rect }) => ({ ...rect, row: rect.row + rect.rows - 1, rows: 1 })); }
  getLastColumn() { return this.derived('getLastColumn', ({ rect }) => ({ ...rect, col: rect.col + rect.cols - 1, cols: 1 })); }
  getIntersection(other: FakeRange | string) {
    return this.derived('getIntersection', (t) => { const r = intersect(t.rect, FakeRange.other(other, t, 'Range.getIntersection')); if (!r) throw invalidArgument('The ranges do not intersect.'); return r; });
  }
  getIntersectionOrNullObject(other: FakeRange | string) { return this.derived('getIntersectionOrNullObject', (t) => intersect(t.rect, FakeRange.other(other, t, 'Range.getIntersectionOrNullObject')), true); }
  getBoundingRect(other: FakeRange | string) {
    return this.derived('getBoundingRect', (t) => {
      const a = t.rect, b = FakeRange.other(other, t, 'Range.getBoundingRect');
      const row = Math.min(a.row, b.row), col = Math.min(a.col, b.col);
      return { row, col, rows: Math.max(a.row + a.rows, b.row + b.rows) - row, cols: Math.max(a.col + a.cols, b.col + b.cols) - col };
    });
  }
  getUsedRange(valuesOnly = false) {
    return this.derived('getUsedRange', (t) => { const u = t.sheet.usedRect(valuesOnly); const r = u && intersect(u, t.rect); if (!r) throw officeError('ItemNotFound', 'The range has no used cells.', 'Range.getUsedRange'); return r; });
  }
  getUsedRangeOrNullObject(valuesOnly = false) { return this.derived('getUsedRangeOrNullObject', (t) => { const u = t.sheet.usedRect(valuesOnly); return u && intersect(u, t.rect); }, true); }
  getMergedAreasOrNullObject(): FakeRangeAreas { return new FakeRangeAreas(this.context, this); }

  select(): void {
    this._op('select', 0, (t) => {
      liveSheet(t.sheet, 'Range.select');
      const model = this.context._engine.model;
      if (t.sheet.visibility !== 'Visible') throw officeError('InvalidOperation', 'Cannot select on a hidden sheet.', 'Range.select');
      model.active = t.sheet;
      model.selection = { sheet: t.sheet, rect: t.rect };
    });
  }

  merge(across = false): void {
    this._op('merge', 8, (t) => {
      const { sheet: s, rect } = this._target('Range.merge');
      void t;
      const areas = across ? Array.from({ length: rect.rows }, (_, i) => ({ ...rect, row: rect.row + i, rows: 1 })) : [rect];
      if (s.merges.some((m) => intersect(m, rect))) throw officeError('MergedRangeConflict', 'The range overlaps merged cells; unmerge first.', 'Range.merge');
      if (this.context._engine.model.tables.some((tb) => tb.sheet === s && intersect(tb.rect, rect))) throw officeError('InvalidOperation', 'Cannot merge cells in a table.', 'Range.merge');
      for (const a of areas) {
        if (a.rows * a.cols === 1) continue;
        for (const [r, c, cell] of s.existing(a)) if (r !== a.row || c !== a.col) { cell.v = ''; delete cell.f; delete cell.err; delete cell.t; }
        s.merges.push(a);
      }
    });
  }

  unmerge(): void {
    this._op('unmerge', 0, (t) => { const s = liveSheet(t.sheet, 'Range.unmerge'); s.merges = s.merges.filter((m) => !intersect(m, t.rect)); });
  }

  /** clear('All' | 'Contents' | 'Formats' | 'Hyperlinks' | 'RemoveHyperlinks'). */
  clear(applyTo: string = 'All'): void {
    this._op('clear', 16, (t) => {
      const { sheet: s, rect } = this._target('Range.clear');
      void t;
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
      if (!contents && !formats && !links) throw invalidArgument(`Bad applyTo '${applyTo}'.`, 'Range.clear');
      for (const [r, c, cell] of [...s.existing(rect)]) {
        if (contents) { cell.v = ''; delete cell.f; delete cell.err; delete cell.t; }
        if (formats) { delete cell.nf; delete cell.fill; delete cell.bold; delete cell.italic; delete cell.color; }
        if (links) delete cell.link;
        if (Object.keys(cell).length === 1 && cell.v === '') s.rows.get(r)![c] = undefined;
      }
      if (formats && rect.row === 0 && rect.rows === MAX_ROWS) for (let c = rect.col; c < rect.col + rect.cols; c++) s.columnFormats.delete(c);
    });
  }

  track(): this { this.context.trackedObjects.add(this); return this; }
  untrack(): this { this.context.trackedObjects.remove(this); return this; }
}
