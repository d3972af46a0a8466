import { FakeClientObject, FakeClientResult, parseLoadSpec } from './client-object';
import type { FakeRequestContext } from './context';
import { invalidArgument, notLoaded } from './errors';
import { Exec } from './request';
import { SheetModel } from './sheet-model';
import { WorkbookModel } from './workbook-model';
import { FakeWorksheet } from './worksheet';

/** workbook.worksheets */
export class FakeWorksheetCollection extends FakeClientObject<WorkbookModel> {
  protected readonly _type = 'WorksheetCollection';
  protected readonly _scalars = [] as const;
  private _items: FakeWorksheet[] | undefined;

  constructor(context: FakeRequestContext) {
    super(context, { derive: () => context._engine.model });
  }

  private get model(): WorkbookModel { return this.context._engine.model; }

  get items(): FakeWorksheet[] {
    if (!this._items) throw notLoaded(this._type, 'items');
    return this._items;
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { where: 'WorksheetCollection.add', bind: () => this.model.addSheet(name, 'WorksheetCollection.add') });
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { where: 'WorksheetCollection.getItem', bind: () => this.model.get(key, 'WorksheetCollection.getItem') });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { where: 'WorksheetCollection.getItemOrNullObject', nullable: true, bind: () => this.model.find(key) ?? null });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, { where: 'WorksheetCollection.getActiveWorksheet', bind: () => this.model.activeSheet('WorksheetCollection.getActiveWorksheet') });
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(this.context, { where: 'WorksheetCollection.getFirst', bind: () => this.visible(visibleOnly)[0] ?? null });
  }

  getLast(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(this.context, { where: 'WorksheetCollection.getLast', bind: () => this.visible(visibleOnly).at(-1) ?? null });
  }

  getCount(visibleOnly = false): FakeClientResult<number> {
    return new FakeClientResult(this.context, 'WorksheetCollection.getCount', () => this.visible(visibleOnly).length);
  }

  private visible(visibleOnly: boolean): SheetModel[] {
    return visibleOnly ? this.model.sheets.filter((s) => s.visibility === 'Visible') : this.model.sheets;
  }

  /** load('items/name'), load('name,position'), load('items') — each loads the listed properties of every sheet. */
  override load(spec?: unknown): this {
    const props = parseLoadSpec(spec).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    this.context._enqueue({
      where: 'WorksheetCollection.load', bytes: 80,
      run: (x: Exec) => {
        const items = this.model.sheets.map((s) => new FakeWorksheet(this.context, { fixed: s }));
        for (const ws of items) ws._loadNow(props.length ? props : ws._defaultProps(), x);
        x.deliver(() => { this._items = items; });
      },
    });
    return this;
  }

  protected _read(prop: string): unknown {
    throw invalidArgument(`WorksheetCollection.${prop} is not a property.`);
  }
}
