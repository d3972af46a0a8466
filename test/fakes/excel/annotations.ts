import { fullAddress, parseA1 } from './a1';
import { Binding, FakeClientObject, FakeClientResult, parseLoadSpec } from './client-object';
import type { FakeRequestContext } from './context';
import { invalidArgument, itemNotFound, notLoaded, officeError } from './errors';
import { Exec } from './request';
import { FakeRange } from './range';
import { Annotation, annotationKey, SheetModel } from './sheet-model';
import { liveSheet } from './worksheet';

type Kind = 'comment' | 'note';
interface AnnTarget { sheet: SheetModel; row: number; col: number; ann: Annotation }
type Scope = (() => SheetModel | null) | undefined;  // undefined = workbook-wide

/**
 * workbook.comments / worksheet.comments (ExcelApi 1.10) and workbook.notes / worksheet.notes
 * (ExcelApi 1.18). A cell holds at most one comment thread or note, not both, as in Excel.
 */
abstract class AnnotationCollection<I extends FakeAnnotation> extends FakeClientObject<AnnTarget[]> {
  protected readonly _scalars = [] as const;
  private _items: I[] | undefined;
  constructor(context: FakeRequestContext, private readonly scope: Scope, private readonly kind: Kind) {
    super(context, { derive: () => {
      const sheets = scope ? [scope()].filter((s): s is SheetModel => !!s) : context._engine.model.sheets;
      return sheets.flatMap((sheet) => [...sheet.annotations.entries()].filter(([, a]) => a.kind === kind)
        .map(([key, ann]) => { const [row, col] = key.split(':').map(Number); return { sheet, row, col, ann }; }));
    } });
  }
  protected abstract item(b: Binding<AnnTarget>): I;
  get items(): I[] { if (!this._items) throw notLoaded(this._type, 'items'); return this._items; }

  private cellOf(address: FakeRange | string, where: string): { sheet: SheetModel; row: number; col: number } {
    let sheet: SheetModel, rect;
    if (typeof address === 'string') {
      const p = parseA1(address);
      const own = this.scope?.();
      sheet = p.sheet !== undefined ? this.context._engine.model.get(p.sheet, where) : own ?? (() => { throw invalidArgument(`'${address}' needs a sheet name.`, where); })();
      rect = p.rect;
    } else ({ sheet, rect } = address._require(where));
    liveSheet(sheet, where);
    if (rect.rows !== 1 || rect.cols !== 1) throw invalidArgument(`A ${this.kind} belongs to one cell, not ${fullAddress(sheet.name, rect)}.`, where);
    return { sheet, row: rect.row, col: rect.col };
  }

  add(cellAddress: FakeRange | string, content: unknown): I {
    const where = `${this._type}.add`;
    return this.item({ where, bind: () => {
      const { sheet, row, col } = this.cellOf(cellAddress, where);
      if (typeof content !== 'string') throw invalidArgument(`The fake takes plain-text ${this.kind}s only.`, where);
      const key = annotationKey(row, col);
      const existing = sheet.annotations.get(key);
      if (existing) throw officeError('InvalidOperation', `The cell ${fullAddress(sheet.name, { row, col, rows: 1, cols: 1 })} already has a ${existing.kind}.`, where);
      const ann: Annotation = { kind: this.kind, id: this.context._engine.model.nextId(`{${this.kind}-`), content, resolved: false };
      sheet.annotations.set(key, ann);
      return { sheet, row, col, ann };
    } });
  }

  protected byCell(cellAddress: FakeRange | string, where: string): AnnTarget | null {
    const { sheet, row, col } = this.cellOf(cellAddress, where);
    const ann = sheet.annotations.get(annotationKey(row, col));
    return ann && ann.kind === this.kind ? { sheet, row, col, ann } : null;
  }
  protected byId(id: string): AnnTarget | null { return (this._resolve() ?? []).find((t) => t.ann.id === id) ?? null; }

  getCount(): FakeClientResult<number> { return new FakeClientResult(this.context, `${this._type}.getCount`, () => (this._resolve() ?? []).length); }
  override load(spec?: unknown): this {
    const props = parseLoadSpec(spec).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    this.context._enqueue({ where: `${this._type}.load`, bytes: 80, run: (x: Exec) => {
      const items = (this._resolve() ?? []).map((t) => this.item({ fixed: t }));
      for (const it of items) it._loadNow(props.length ? props : ['content', 'id'], x);
      x.deliver(() => { this._items = items; });
    } });
    return this;
  }
  protected _read(prop: string): unknown { throw invalidArgument(`${this._type}.${prop} is not a property.`); }
}

export class FakeCommentCollection extends AnnotationCollection<FakeComment> {
  protected readonly _type = 'CommentCollection';
  protected item(b: Binding<AnnTarget>) { return new FakeComment(this.context, b); }
  getItem(commentId: string) { return this.item({ where: 'CommentCollection.getItem', bind: () => this.byId(commentId) ?? (() => { throw itemNotFound(`Comment ${commentId} not found.`); })() }); }
  getItemOrNullObject(commentId: string) { return this.item({ where: 'CommentCollection.getItemOrNullObject', nullable: true, bind: () => this.byId(commentId) }); }
  getItemByCell(cellAddress: FakeRange | string) {
    return this.item({ where: 'CommentCollection.getItemByCell', bind: () => this.byCell(cellAddress, 'CommentCollection.getItemByCell') ?? (() => { throw itemNotFound('The cell has no comment.', 'CommentCollection.getItemByCell'); })() });
  }
}

export class FakeNoteCollection extends AnnotationCollection<FakeNote> {
  protected readonly _type = 'NoteCollection';
  protected item(b: Binding<AnnTarget>) { return new FakeNote(this.context, b); }
  /** Notes are keyed by their cell address. */
  getItem(key: string) { return this.item({ where: 'NoteCollection.getItem', bind: () => this.byCell(key, 'NoteCollection.getItem') ?? (() => { throw itemNotFound(`No note at ${key}.`); })() }); }
  getItemOrNullObject(key: string) { return this.item({ where: 'NoteCollection.getItemOrNullObject', nullable: true, bind: () => this.byCell(key, 'NoteCollection.getItemOrNullObject') }); }
}

abstract class FakeAnnotation extends FakeClientObject<AnnTarget> {
  protected readonly _scalars = ['content', 'id', 'authorName'] as const;
  get content(): string { return this._get('content'); }
  set content(v: string) { this._set('content', v); }
  get authorName(): string { return this._get('authorName'); }
  protected _read(prop: string, t: AnnTarget): unknown {
    switch (prop) {
      case 'content': return t.ann.content;
      case 'id': return t.ann.id;
      case 'authorName': return 'Fake User';
      case 'resolved': return t.ann.resolved;
      default: throw invalidArgument(`${this._type}.${prop} is not supported by the fake.`);
    }
  }
  protected override _write(prop: string, v: unknown, t: AnnTarget, x: Exec): void {
    if (t.sheet.annotations.get(annotationKey(t.row, t.col)) !== t.ann) throw itemNotFound(`The ${this._type} was deleted.`);
    if (prop === 'content' && typeof v === 'string') t.ann.content = v;
    else if (prop === 'resolved' && typeof v === 'boolean') t.ann.resolved = v;
    else super._write(prop, v, t, x);
  }
  delete(): void {
    this._op('delete', 0, (t) => {
      const key = annotationKey(t.row, t.col);
      if (t.sheet.annotations.get(key) !== t.ann) throw itemNotFound(`The ${this._type} was already deleted.`, `${this._type}.delete`);
      t.sheet.annotations.delete(key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, { where: `${this._type}.getLocation`, bind: () => {
      const t = this._require(`${this._type}.getLocation`);
      return { sheet: t.sheet, rect: { row: t.row, col: t.col, rows: 1, cols: 1 } };
    } });
  }
}

export class FakeComment extends FakeAnnotation {
  protected readonly _type = 'Comment';
  get id(): string { return this._get('id'); }
  get resolved(): boolean { return this._get('resolved'); }
  set resolved(v: boolean) { this._set('resolved', v); }
}

export class FakeNote extends FakeAnnotation {
  protected readonly _type = 'Note';
}
