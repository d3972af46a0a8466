import { FakeClientObject, FakeClientResult } from './client-object';
import type { FakeRequestContext } from './context';
import { officeError } from './errors';
import { Exec } from './request';
import { FakeRange, RangeTarget } from './range';
import { FakeWorksheetCollection } from './worksheet-collection';
import { FakeTableCollection } from './table';
import { FakeCommentCollection, FakeNoteCollection } from './annotations';
import { WorkbookModel } from './workbook-model';

export class FakeWorkbook extends FakeClientObject<WorkbookModel> {
  protected readonly _type = 'Workbook';
  protected readonly _scalars = ['name'] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly comments: FakeCommentCollection;
  readonly notes: FakeNoteCollection;

  constructor(context: FakeRequestContext) {
    super(context, { derive: () => context._engine.model });
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, undefined);
    this.comments = new FakeCommentCollection(context, undefined, 'comment');
    this.notes = new FakeNoteCollection(context, undefined, 'note');
  }

  get name(): string { return this._get('name'); }

  protected override _navs() { return { worksheets: this.worksheets, tables: this.tables, comments: this.comments, notes: this.notes }; }

  protected _read(prop: string): unknown {
    if (prop === 'name') return 'Book1.xlsx';
    throw officeError('InvalidArgument', `Workbook.${prop} is not supported by the fake.`);
  }

  /** The selected range (the fake's selection starts at A1 of the active sheet). */
  getSelectedRange(): FakeRange {
    const model = this.context._engine.model;
    return new FakeRange(this.context, {
      where: 'Workbook.getSelectedRange',
      bind: (): RangeTarget => model.selection ?? { sheet: model.activeSheet('Workbook.getSelectedRange'), rect: { row: 0, col: 0, rows: 1, cols: 1 } },
    });
  }

  getActiveCell(): FakeRange {
    const model = this.context._engine.model;
    return new FakeRange(this.context, {
      where: 'Workbook.getActiveCell',
      bind: (): RangeTarget => {
        const sel = model.selection ?? { sheet: model.activeSheet('Workbook.getActiveCell'), rect: { row: 0, col: 0, rows: 1, cols: 1 } };
        return { sheet: sel.sheet, rect: { row: sel.rect.row, col: sel.rect.col, rows: 1, cols: 1 } };
      },
    });
  }
}

/** context.application: calculation suspension is accepted and does nothing (the fake never calculates). */
export class FakeApplication extends FakeClientObject<object> {
  protected readonly _type = 'Application';
  protected readonly _scalars = ['calculationMode'] as const;
  constructor(context: FakeRequestContext) { super(context, { fixed: {} }); }
  get calculationMode(): string { return this._get('calculationMode'); }
  protected _read(prop: string, _t: object, _x: Exec): unknown {
    if (prop === 'calculationMode') return 'Automatic';
    throw officeError('InvalidArgument', `Application.${prop} is not supported by the fake.`);
  }
  suspendApiCalculationUntilNextSync(): void { this.context._enqueue({ where: 'Application.suspendApiCalculationUntilNextSync', bytes: 80, run: () => undefined }); }
  suspendScreenUpdatingUntilNextSync(): void { this.context._enqueue({ where: 'Application.suspendScreenUpdatingUntilNextSync', bytes: 80, run: () => undefined }); }
  calculate(_type?: string): void { this.context._enqueue({ where: 'Application.calculate', bytes: 80, run: () => undefined }); }
}

export { FakeClientResult };
