import { fullAddress } from '../model/a1';
import { invalidArgument, itemNotFound, officeError } from '../model/errors';
import { Annotation, annotationKey, SheetModel } from '../model/sheet-model';
import { Exec } from '../exec';
import { HostType, ref, Ref } from '../host-type';
import { liveSheet, rangeArg } from './range-target';
import { rangeType } from './range';

type Kind = 'comment' | 'note';
/** workbook.comments/notes (sheet null) or worksheet.comments/notes. */
interface Scope {
  sheet: SheetModel | null;
  kind: Kind;
}
interface AnnTarget {
  sheet: SheetModel;
  row: number;
  col: number;
  ann: Annotation;
}

export const commentsOf = (sheet: SheetModel | null): Ref<Scope> => ref(commentCollectionType, { sheet, kind: 'comment' });
export const notesOf = (sheet: SheetModel | null): Ref<Scope> => ref(noteCollectionType, { sheet, kind: 'note' });

function all(scope: Scope, x: Exec, skip = 0, top: number | null = null): AnnTarget[] {
  const sheets = scope.sheet ? [scope.sheet] : x.model.sheets;
  const found: AnnTarget[] = [];
  let index = 0;
  for (const sheet of sheets)
    for (const [key, ann] of sheet.annotations) {
      if (ann.kind !== scope.kind || index++ < skip) continue;
      if (top !== null && found.length >= top) return found;
      const colon = key.indexOf(':');
      found.push({ sheet, row: Number(key.slice(0, colon)), col: Number(key.slice(colon + 1)), ann });
    }
  return found;
}

/** How many `scope` holds, without listing them (getCount). */
function countOf(scope: Scope, x: Exec): number {
  let count = 0;
  for (const sheet of scope.sheet ? [scope.sheet] : x.model.sheets) for (const ann of sheet.annotations.values()) if (ann.kind === scope.kind) count += 1;
  return count;
}

/** The one cell an address or Range names: a sheet-less address is on the collection's sheet (a workbook collection needs the name). */
function cellOf(scope: Scope, arg: unknown, where: string, x: Exec) {
  const { sheet, rect } = rangeArg(
    arg,
    where,
    () =>
      scope.sheet ??
      (() => {
        throw invalidArgument(`'${arg}' needs a sheet name.`, where);
      })(),
    (n) => x.model.get(n, where),
  );
  liveSheet(sheet, where);
  if (rect.rows !== 1 || rect.cols !== 1)
    throw officeError(
      scope.kind === 'note' ? 'InvalidCellAddress' : 'InvalidArgument',
      `A ${scope.kind} belongs to one cell, not ${fullAddress(sheet.name, rect)}.`,
      where,
    );
  return { sheet, row: rect.row, col: rect.col };
}

function byCell(scope: Scope, arg: unknown, where: string, x: Exec): AnnTarget | null {
  const { sheet, row, col } = cellOf(scope, arg, where, x);
  const ann = sheet.annotations.get(annotationKey(row, col));
  return ann && ann.kind === scope.kind ? { sheet, row, col, ann } : null;
}

/** A cell holds one threaded comment or one note, never both: adding either to a cell holding the other fails. */
function add(scope: Scope, [address, content]: unknown[], x: Exec): Ref<AnnTarget> {
  const type = scope.kind === 'note' ? noteType : commentType;
  const where = `${type.name}Collection.add`;
  const { sheet, row, col } = cellOf(scope, address, where, x);
  if (typeof content !== 'string') throw invalidArgument(`The Excel host takes plain-text ${scope.kind}s only.`, where);
  const existing = sheet.annotations.get(annotationKey(row, col));
  if (existing)
    throw officeError(
      'InvalidOperation',
      `The cell ${fullAddress(sheet.name, { row, col, rows: 1, cols: 1 })} already has a ${existing.kind === 'comment' ? 'threaded comment' : 'note'}.`,
      where,
    );
  const ann: Annotation = { kind: scope.kind, id: x.model.nextId(`{${scope.kind}-`), content, resolved: false };
  sheet.annotations.set(annotationKey(row, col), ann);
  return ref(type, { sheet, row, col, ann });
}

const item = (kind: Kind, t: AnnTarget | null) => (t ? ref(kind === 'note' ? noteType : commentType, t) : null);
const byId = (scope: Scope, id: unknown, x: Exec) => all(scope, x).find((t) => t.ann.id === id) ?? null;
const present = (t: AnnTarget) => t.sheet.annotations.get(annotationKey(t.row, t.col)) === t.ann;

function annotationType(name: 'Comment' | 'Note'): HostType<AnnTarget> {
  return {
    name,
    check: (t, where) => {
      if (!present(t)) throw itemNotFound(`The ${name} was deleted.`, where);
    },
    // Notes are addressed by cell, so only comments report an id for the library to address them by.
    id: name === 'Comment' ? (t) => t.ann.id : undefined,
    defaults: ['content', 'authorName'],
    scalars: {
      content: {
        get: (t) => t.ann.content,
        set: (t, v) => {
          if (typeof v !== 'string') throw invalidArgument('Expected text.', `${name}.content`);
          t.ann.content = v;
        },
      },
      authorName: { get: () => 'Host User' },
      ...(name === 'Comment'
        ? {
            id: { get: (t: AnnTarget) => t.ann.id },
            resolved: {
              get: (t: AnnTarget) => t.ann.resolved,
              set: (t: AnnTarget, v: unknown) => {
                t.ann.resolved = !!v;
              },
            },
          }
        : {}),
    },
    methods: {
      delete: (t) => {
        t.sheet.annotations.delete(annotationKey(t.row, t.col));
        return null;
      },
      getLocation: (t) => ref(rangeType, { sheet: t.sheet, rect: { row: t.row, col: t.col, rows: 1, cols: 1 } }),
    },
  };
}
const commentType = annotationType('Comment');
const noteType = annotationType('Note');

/** workbook/worksheet.comments (ExcelApi 1.10): threaded comments, addressed by id. */
const commentCollectionType: HostType<Scope> = {
  name: 'CommentCollection',
  items: (scope, x) => all(scope, x).map((t) => ref(commentType, t)),
  indexer: (scope, id, x) =>
    item(
      'comment',
      byId(scope, id, x) ??
        (() => {
          throw itemNotFound(`Comment ${id} not found.`, 'CommentCollection.getItem');
        })(),
    ),
  methods: {
    add: (scope, args, x) => add(scope, args, x),
    getCount: (scope, _args, x) => countOf(scope, x),
    getItemOrNullObject: (scope, [id], x) => item('comment', byId(scope, id, x)),
    getItemByCell: (scope, [cell], x) =>
      item(
        'comment',
        byCell(scope, cell, 'CommentCollection.getItemByCell', x) ??
          (() => {
            throw itemNotFound('The cell has no comment.', 'CommentCollection.getItemByCell');
          })(),
      ),
  },
};

/** workbook/worksheet.notes (ExcelApi 1.18): notes, addressed by their cell. */
const noteCollectionType: HostType<Scope> = {
  name: 'NoteCollection',
  items: (scope, x) => all(scope, x).map((t) => ref(noteType, t)),
  itemsWindow: (scope, x, skip, top) => all(scope, x, skip, top).map((t) => ref(noteType, t)),
  indexer: (scope, key, x) =>
    item(
      'note',
      byCell(scope, key, 'NoteCollection.getItem', x) ??
        (() => {
          throw itemNotFound(`No note at ${key}.`, 'NoteCollection.getItem');
        })(),
    ),
  methods: {
    add: (scope, args, x) => add(scope, args, x),
    getCount: (scope, _args, x) => countOf(scope, x),
    getItemOrNullObject: (scope, [key], x) => item('note', byCell(scope, key, 'NoteCollection.getItemOrNullObject', x)),
    getItemAt: (scope, [i], x) =>
      item(
        'note',
        all(scope, x)[Number(i)] ??
          (() => {
            throw itemNotFound(`No note at index ${i}.`, 'NoteCollection.getItemAt');
          })(),
      ),
  },
};
