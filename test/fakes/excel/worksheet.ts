import { checkRect, parseA1, Rect } from './a1';
import { Binding, FakeClientObject } from './client-object';
import type { FakeRequestContext } from './context';
import { invalidArgument, itemNotFound, officeError } from './errors';
import { FakeRange, RangeTarget } from './range';
import { SheetModel } from './sheet-model';
import { FakeTableCollection } from './table';
import { FakeCommentCollection, FakeNoteCollection } from './annotations';

const VISIBILITY = ['Visible', 'Hidden', 'VeryHidden'];

export function liveSheet(s: SheetModel, where: string): SheetModel {
  if (s.deleted) throw itemNotFound(`The worksheet '${s.name}' was deleted.`, where);
  return s;
}

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  protected readonly _type = 'Worksheet';
  protected readonly _scalars = ['name', 'id', 'position', 'visibility', 'tabColor', 'showGridlines'] as const;
  private _freeze?: FakeFreezePanes;
  private _tables?: FakeTableCollection;
  private _comments?: FakeCommentCollection;
  private _notes?: FakeNoteCollection;

  constructor(context: FakeRequestContext, binding: Binding<SheetModel>) { super(context, binding); }

  _defaultProps(): readonly string[] { return this._scalars; }
  private get model() { return this.context._engine.model; }

  get name(): string { return this._get('name'); }
  set name(v: string) { this._set('name', v); }
  get id(): string { return this._get('id'); }
  get position(): number { return this._get('position'); }
  set position(v: number) { this._set('position', v); }
  get visibility(): string { return this._get('visibility'); }
  set visibility(v: string) { this._set('visibility', v); }
  get tabColor(): string { return this._get('tabColor'); }
  set tabColor(v: string) { this._set('tabColor', v); }
  get showGridlines(): boolean { return this._get('showGridlines'); }
  set showGridlines(v: boolean) { this._set('showGridlines', v); }

  get freezePanes(): FakeFreezePanes { return (this._freeze ??= new FakeFreezePanes(this.context, () => this._resolve())); }
  get tables(): FakeTableCollection { return (this._tables ??= new FakeTableCollection(this.context, () => this._resolve())); }
  get comments(): FakeCommentCollection { return (this._comments ??= new FakeCommentCollection(this.context, () => this._resolve(), 'comment')); }
  get notes(): FakeNoteCollection { return (this._notes ??= new FakeNoteCollection(this.context, () => this._resolve(), 'note')); }
  protected override _navs() { return { freezePanes: this.freezePanes, tables: this.tables, comments: this.comments, notes: this.notes }; }

  protected _read(prop: string, s: SheetModel): unknown {
    switch (prop) {
      case 'name': return s.name;
      case 'id': return s.id;
      case 'position': return this.model.sheets.indexOf(s);
      case 'visibility': return s.visibility;
      case 'tabColor': return s.tabColor;
      case 'showGridlines': return s.showGridlines;
      default: throw invalidArgument(`Worksheet.${prop} is not supported by the fake.`);
    }
  }

  protected override _write(prop: string, v: unknown, s: SheetModel): void {
    const where = `Worksheet.${prop}`;
    liveSheet(s, where);
    if (prop === 'name') s.name = this.model.checkName(v, where, s);
    else if (prop === 'position') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= this.model.sheets.length) throw invalidArgument(`Bad position ${v}.`, where);
      const rest = this.model.sheets.filter((x) => x !== s);
      rest.splice(v, 0, s);
      this.model.sheets = rest;
    } else if (prop === 'visibility') {
      if (!VISIBILITY.includes(v as string)) throw invalidArgument(`Bad visibility ${v}.`, where);
      const visible = this.model.sheets.filter((x) => x.visibility === 'Visible');
      if (v !== 'Visible' && visible.length === 1 && visible[0] === s) throw officeError('InvalidOperation', 'A workbook must keep at least one visible worksheet.', where);
      s.visibility = v as SheetModel['visibility'];
      if (v !== 'Visible' && this.model.active === s) this.model.active = this.model.sheets.find((x) => x.visibility === 'Visible') ?? null;
    } else if (prop === 'tabColor') s.tabColor = String(v ?? '');
    else if (prop === 'showGridlines') s.showGridlines = !!v;
    else super._write(prop, v, s);
  }

  activate(): void {
    this._op('activate', 0, (s) => {
      liveSheet(s, 'Worksheet.activate');
      if (s.visibility !== 'Visible') throw officeError('InvalidOperation', `Cannot activate hidden worksheet '${s.name}'.`, 'Worksheet.activate');
      this.model.active = s;
      if (this.model.selection?.sheet !== s) this.model.selection = null;
    });
  }

  delete(): void {
    this._op('delete', 0, (s) => this.model.removeSheet(liveSheet(s, 'Worksheet.delete'), 'Worksheet.delete'));
  }

  private range(where: string, rect: (s: SheetModel) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(this.context, {
      where: `Worksheet.${where}`, nullable,
      bind: (): RangeTarget | null => {
        const s = this._resolve();
        if (s === null) return null;
        liveSheet(s, `Worksheet.${where}`);
        const r = rect(s);
        return r ? { sheet: s, rect: r } : null;
      },
    });
  }

  getRange(address?: string): FakeRange {
    return this.range('getRange', (s) => {
      if (address === undefined || address === '') return { row: 0, col: 0, rows: 1048576, cols: 16384 };
      const parsed = parseA1(address);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== s.name.toLowerCase())
        throw invalidArgument(`'${address}' is not on worksheet '${s.name}'.`, 'Worksheet.getRange');
      return parsed.rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.range('getRangeByIndexes', () => checkRect({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }, 'Worksheet.getRangeByIndexes'));
  }

  getCell(row: number, column: number): FakeRange {
    return this.range('getCell', () => checkRect({ row, col: column, rows: 1, cols: 1 }, 'Worksheet.getCell'));
  }

  /** On a blank sheet Excel answers A1 here (and a null object from the OrNullObject form). */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.range('getUsedRange', (s) => s.usedRect(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.range('getUsedRangeOrNullObject', (s) => s.usedRect(valuesOnly), true);
  }
}

export class FakeFreezePanes extends FakeClientObject<SheetModel> {
  protected readonly _type = 'WorksheetFreezePanes';
  protected readonly _scalars = [] as const;
  constructor(context: FakeRequestContext, sheet: () => SheetModel | null) { super(context, { derive: sheet }); }
  protected _read(prop: string): unknown { throw invalidArgument(`WorksheetFreezePanes.${prop} is not a property.`); }

  private freeze(where: string, rows: number, cols: number) {
    this._op(where, 16, (s) => {
      if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) throw invalidArgument('Bad freeze count.', `WorksheetFreezePanes.${where}`);
      liveSheet(s, where).frozenRows = rows;
      s.frozenCols = cols;
    });
  }
  freezeRows(count = 1): void { this.freeze('freezeRows', count, 0); }
  freezeColumns(count = 1): void { this.freeze('freezeColumns', 0, count); }
  unfreeze(): void { this.freeze('unfreeze', 0, 0); }
  /** Freezes everything above and left of the bottom-right of `range` (Excel's freezeAt). */
  freezeAt(range: FakeRange | string): void {
    this._op('freezeAt', 32, (s) => {
      const rect = typeof range === 'string' ? parseA1(range).rect : range._require('WorksheetFreezePanes.freezeAt').rect;
      s.frozenRows = rect.rows === 1048576 ? 0 : rect.row + rect.rows;
      s.frozenCols = rect.cols === 16384 ? 0 : rect.col + rect.cols;
    });
  }
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(this.context, {
      where: 'WorksheetFreezePanes.getLocationOrNullObject', nullable: true,
      bind: () => {
        const s = this._resolve();
        if (!s || (!s.frozenRows && !s.frozenCols)) return null;
        return { sheet: s, rect: { row: 0, col: 0, rows: s.frozenRows || 1048576, cols: s.frozenCols || 16384 } };
      },
    });
  }
}
