import { fullAddress, intersect, parseA1, Rect, rectA1 } from './a1';
import { Binding, FakeClientObject, FakeClientResult, parseLoadSpec } from './client-object';
import type { FakeRequestContext } from './context';
import { invalidArgument, itemNotFound, notLoaded, officeError } from './errors';
import { Exec, jsonBytes } from './request';
import { FakeRange, RangeTarget } from './range';
import { writeValues } from './range-data';
import { SheetModel } from './sheet-model';
import { TableModel } from './workbook-model';
import { liveSheet } from './worksheet';

type Scope = (() => SheetModel | null) | undefined;   // undefined = workbook.tables

/** workbook.tables / worksheet.tables */
export class FakeTableCollection extends FakeClientObject<TableModel[]> {
  protected readonly _type = 'TableCollection';
  protected readonly _scalars = [] as const;
  private _items: FakeTable[] | undefined;
  constructor(context: FakeRequestContext, private readonly scope: Scope) {
    super(context, { derive: () => (scope ? context._engine.model.tables.filter((t) => t.sheet === scope()) : context._engine.model.tables) });
  }
  get items(): FakeTable[] { if (!this._items) throw notLoaded(this._type, 'items'); return this._items; }
  private get model() { return this.context._engine.model; }

  /** Excel makes header cells text, names blank/duplicate headers, and gives a header-only table one empty body row. */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    const where = 'TableCollection.add';
    return new FakeTable(this.context, {
      where,
      bind: () => {
        let sheet: SheetModel, rect: Rect;
        if (typeof address === 'string') {
          const p = parseA1(address);
          const own = this.scope?.();
          // TableCollection.add (ExcelApi reference): "If the address does not contain a sheet
          // name, the currently-active sheet is used", also for worksheet.tables.
          if (p.sheet !== undefined) sheet = this.model.get(p.sheet, where);
          else sheet = this.model.activeSheet(where);
          if (own && own !== sheet) throw invalidArgument(`'${address}' is on another worksheet.`, where);
          rect = p.rect;
        } else ({ sheet, rect } = address._require(where));
        liveSheet(sheet, where);
        if (!hasHeaders) throw officeError('NotImplemented', 'The fake only builds tables whose first row holds the headers.', where);
        if (rect.rows === 1) rect = { ...rect, rows: 2 };
        if (rect.rows > 1048575 || rect.cols > 16384) throw invalidArgument('Range too large for a table.', where);
        if (this.model.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect))) throw officeError('InvalidOperation', "A table can't overlap another table.", where);
        if (sheet.merges.some((m) => intersect(m, rect))) throw officeError('InvalidOperation', "A table can't contain merged cells.", where);
        const seen = new Set<string>();
        for (let j = 0; j < rect.cols; j++) {
          const cell = sheet.ensure(rect.row, rect.col + j);
          let name = cell.t ?? String(cell.v === '' ? `Column${j + 1}` : cell.v);
          for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${String(cell.v)}${k}`;
          seen.add(name.toLowerCase());
          cell.v = name; delete cell.f; delete cell.err; delete cell.t;
        }
        let n = this.model.tables.length + 1;
        while (this.model.tableNameProblem(`Table${n}`)) n++;
        const table: TableModel = { id: this.model.nextId('{table-'), name: `Table${n}`, sheet, rect, hasHeaders, style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true, deleted: false };
        this.model.tables.push(table);
        return table;
      },
    });
  }
  private find(key: string): TableModel | null {
    const low = key.toLowerCase();
    return (this._resolve() ?? []).find((t) => t.name.toLowerCase() === low || t.id === key) ?? null;
  }
  getItem(key: string): FakeTable { return new FakeTable(this.context, { where: 'TableCollection.getItem', bind: () => { const t = this.find(key); if (!t) throw itemNotFound(`Table '${key}' not found.`, 'TableCollection.getItem'); return t; } }); }
  getItemOrNullObject(key: string): FakeTable { return new FakeTable(this.context, { where: 'TableCollection.getItemOrNullObject', nullable: true, bind: () => this.find(key) }); }
  getCount(): FakeClientResult<number> { return new FakeClientResult(this.context, 'TableCollection.getCount', () => (this._resolve() ?? []).length); }
  override load(spec?: unknown): this {
    const props = parseLoadSpec(spec).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    this.context._enqueue({ where: 'TableCollection.load', bytes: 80, run: (x: Exec) => {
      const items = (this._resolve() ?? []).map((t) => new FakeTable(this.context, { fixed: t }));
      for (const it of items) it._loadNow(props.length ? props : ['name', 'id', 'style', 'showBandedRows', 'showHeaders'], x);
      x.deliver(() => { this._items = items; });
    } });
    return this;
  }
  protected _read(prop: string): unknown { throw invalidArgument(`TableCollection.${prop} is not a property.`); }
}

export class FakeTable extends FakeClientObject<TableModel> {
  protected readonly _type = 'Table';
  protected readonly _scalars = ['name', 'id', 'style', 'showBandedRows', 'showHeaders', 'showFilterButton', 'showTotals'] as const;
  readonly rows: FakeTableRowCollection;
  constructor(context: FakeRequestContext, binding: Binding<TableModel>) {
    super(context, binding);
    this.rows = new FakeTableRowCollection(context, this);
  }
  get name(): string { return this._get('name'); }
  set name(v: string) { this._set('name', v); }
  get id(): string { return this._get('id'); }
  get style(): string { return this._get('style'); }
  set style(v: string) { this._set('style', v); }
  get showBandedRows(): boolean { return this._get('showBandedRows'); }
  set showBandedRows(v: boolean) { this._set('showBandedRows', v); }
  get showFilterButton(): boolean { return this._get('showFilterButton'); }
  set showFilterButton(v: boolean) { this._set('showFilterButton', v); }
  get showHeaders(): boolean { return this._get('showHeaders'); }
  get showTotals(): boolean { return this._get('showTotals'); }
  _live(where: string): TableModel {
    const t = this._require(where);
    if (t.deleted) throw itemNotFound(`Table '${t.name}' was deleted.`, where);
    return t;
  }
  protected _read(prop: string, t: TableModel): unknown {
    switch (prop) {
      case 'name': case 'id': case 'style': case 'showBandedRows': case 'showFilterButton': return t[prop];
      case 'showHeaders': return t.hasHeaders;
      case 'showTotals': return false;
      default: throw invalidArgument(`Table.${prop} is not supported by the fake.`);
    }
  }
  protected override _write(prop: string, v: unknown, t: TableModel): void {
    const where = `Table.${prop}`;
    this._live(where);
    if (prop === 'name') {
      const problem = this.context._engine.model.tableNameProblem(String(v), t);
      if (problem) throw invalidArgument(problem, where);
      t.name = String(v);
    } else if (prop === 'style') t.style = String(v);
    else if (prop === 'showBandedRows' || prop === 'showFilterButton') t[prop] = !!v;
    else super._write(prop, v, t);
  }
  private part(where: string, rect: (t: TableModel) => Rect | null): FakeRange {
    return new FakeRange(this.context, { where: `Table.${where}`, bind: (): RangeTarget => {
      const t = this._live(`Table.${where}`);
      const r = rect(t);
      if (!r) throw itemNotFound('The table has no such part.', `Table.${where}`);
      return { sheet: t.sheet, rect: r };
    } });
  }
  getRange(): FakeRange { return this.part('getRange', (t) => t.rect); }
  getHeaderRowRange(): FakeRange { return this.part('getHeaderRowRange', (t) => ({ ...t.rect, rows: 1 })); }
  getDataBodyRange(): FakeRange { return this.part('getDataBodyRange', (t) => ({ ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 })); }
  delete(): void { this._op('delete', 0, (t) => { this._live('Table.delete'); t.deleted = true; const m = this.context._engine.model; m.tables = m.tables.filter((x) => x !== t); }); }
  convertToRange(): FakeRange { const r = this.getRange(); this.delete(); return r; }
}

/** table.rows: add() appends below the table, which must be empty there (the fake does not shift cells down). */
export class FakeTableRowCollection extends FakeClientObject<TableModel> {
  protected readonly _type = 'TableRowCollection';
  protected readonly _scalars = ['count'] as const;
  constructor(context: FakeRequestContext, private readonly table: FakeTable) { super(context, { derive: () => table._resolve() }); }
  get count(): number { return this._get('count'); }
  protected _read(prop: string, t: TableModel): unknown {
    if (prop === 'count') return t.rect.rows - 1;
    throw invalidArgument(`TableRowCollection.${prop} is not supported by the fake.`);
  }
  getCount(): FakeClientResult<number> { return new FakeClientResult(this.context, 'TableRowCollection.getCount', () => this.table._live('TableRowCollection.getCount').rect.rows - 1); }
  add(index?: number | null, values?: unknown[][]): void {
    const where = 'TableRowCollection.add';
    this._op('add', jsonBytes(values), () => {
      const t = this.table._live(where);
      const n = Array.isArray(values) ? values.length : 1;
      const at = index === null || index === undefined ? t.rect.rows - 1 : index;
      if (at !== t.rect.rows - 1) throw officeError('NotImplemented', 'The fake only appends table rows at the end.', where);
      const below: Rect = { row: t.rect.row + t.rect.rows, col: t.rect.col, rows: n, cols: t.rect.cols };
      for (const [, , c] of t.sheet.existing(below)) if (c.v !== '' || c.f !== undefined) throw officeError('InvalidOperation', `Cells below the table (${rectA1(below)}) are not empty.`, where);
      if (values !== undefined) writeValues(t.sheet, below, values, where);
      t.rect = { ...t.rect, rows: t.rect.rows + n };
    });
  }
  override load(spec?: unknown): this { return super.load(spec); }
}

export const tableAddress = (t: TableModel) => fullAddress(t.sheet.name, t.rect);
