/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * @microsoft/office-js 1.1.110, the newest on npm, predates ExcelApi 1.18 and has no notes. The
 * hosted office.js Excel runs today has them; so that the add-in's notes code runs on the library
 * too, this adds Note and NoteCollection to the loaded library the way the library declares its
 * own classes (Comment/CommentCollection: ClientObject subclasses built with BatchApiHelper), after
 * the 1.18 reference, with the library's own requirement-set check (ExcelApi 1.18) on `notes`.
 * Everything else is the library as shipped. Remove when npm catches up.
 */
export function addNotesApi(Excel: any, OE: any): void {
  if (Excel.NoteCollection) return;
  const H = OE.BatchApiHelper,
    U = OE.Utility;

  class Note extends OE.ClientObject {
    get _className() {
      return 'Note';
    }
    get _scalarPropertyNames() {
      return ['authorName', 'content', 'height', 'visible', 'width'];
    }
    get _scalarPropertyOriginalNames() {
      return ['AuthorName', 'Content', 'Height', 'Visible', 'Width'];
    }
    get _scalarPropertyUpdateable() {
      return [false, true, true, true, true];
    }
    get authorName() {
      U.throwIfNotLoaded('authorName', this._A, 'Note', this._isNull);
      return this._A;
    }
    get content() {
      U.throwIfNotLoaded('content', this._C, 'Note', this._isNull);
      return this._C;
    }
    set content(value: string) {
      this._C = value;
      H.invokeSetProperty(this, 'Content', value, 0);
    }
    delete() {
      H.invokeMethod(this, 'Delete', 0, [], 0, 0);
    }
    getLocation() {
      return H.createMethodObject(Excel.Range, this, 'GetLocation', 1, [], false, true, null, 4);
    }
    _handleResult(value: any) {
      super._handleResult(value);
      if (U.isNullOrUndefined(value)) return;
      U.fixObjectPathIfNecessary(this, value);
      if (value.AuthorName !== undefined) this._A = value.AuthorName;
      if (value.Content !== undefined) this._C = value.Content;
    }
    _handleIdResult(value: any) {
      super._handleIdResult(value);
    }
    load(options?: any) {
      return U.load(this, options);
    }
    toJSON() {
      return U.toJson(this, { authorName: this._A, content: this._C }, {});
    }
    [key: string]: any;
  }

  class NoteCollection extends OE.ClientObject {
    get _className() {
      return 'NoteCollection';
    }
    get _isCollection() {
      return true;
    }
    get items() {
      U.throwIfNotLoaded('items', this.m__items, 'NoteCollection', this._isNull);
      return this.m__items;
    }
    add(cellAddress: unknown, content: unknown) {
      return H.createMethodObject(Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
    }
    getCount() {
      return H.invokeMethod(this, 'GetCount', 1, [], 4, 0);
    }
    getItem(key: string) {
      return H.createIndexerObject(Note, this, [key]);
    }
    getItemAt(index: number) {
      return H.createMethodObject(Note, this, 'GetItemAt', 1, [index], false, false, null, 4);
    }
    getItemOrNullObject(key: string) {
      return H.createMethodObject(Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4);
    }
    _handleResult(value: any) {
      super._handleResult(value);
      if (U.isNullOrUndefined(value)) return;
      U.fixObjectPathIfNecessary(this, value);
      if (!U.isNullOrUndefined(value._Items)) {
        this.m__items = value._Items.map((data: any, i: number) => {
          const item = H.createChildItemObject(Note, true, this, data, i);
          item._handleResult(data);
          return item;
        });
      }
    }
    load(options?: any) {
      return U.load(this, options);
    }
    [key: string]: any;
  }

  Excel.Note = Note;
  Excel.NoteCollection = NoteCollection;
  for (const [owner, name] of [
    [Excel.Worksheet, 'Worksheet'],
    [Excel.Workbook, 'Workbook'],
  ]) {
    Object.defineProperty(owner.prototype, 'notes', {
      get(this: any) {
        // As the library's own navigation properties do (Worksheet.comments checks ExcelApi 1.10).
        U.throwIfApiNotSupported(`${name}.notes`, 'ExcelApi', '1.18', 'Excel');
        return (this._notesApi ??= H.createPropertyObject(NoteCollection, this, 'Notes', true, 4));
      },
      configurable: true,
    });
  }
}
