import { invalidArgument, itemNotFound } from '../model/errors';
import { NamedItemModel, WorkbookModel } from '../model/workbook-model';
import { HostType, ref } from '../host-type';

/**
 * workbook.names (NamedItemCollection, ExcelApi 1.1): the workbook's defined names. Only what the
 * add-in meets: listing them, adding one that refers to a range or a constant, looking one up.
 * A name shares its namespace with the workbook's tables (see WorkbookModel.nameProblem).
 */
const find = (m: WorkbookModel, key: unknown) => m.names.find((n) => n.name.toLowerCase() === String(key).toLowerCase()) ?? null;

export const namedItemType: HostType<NamedItemModel> = {
  name: 'NamedItem',
  defaults: ['name', 'type', 'value', 'visible', 'comment'],
  scalars: {
    name: { get: (n) => n.name },
    formula: { get: (n) => n.formula },
    value: { get: (n) => n.formula.replace(/^=/, '') },
    type: { get: (n) => (/^=?'?[^!]+'?!/.test(n.formula) ? 'Range' : 'String') },
    visible: { get: () => true },
    comment: { get: (n) => n.comment },
  },
};

export const namedItemCollectionType: HostType<WorkbookModel> = {
  name: 'NamedItemCollection',
  items: (m) => m.names.map((n) => ref(namedItemType, n)),
  indexer: (m, key) => {
    const n = find(m, key);
    if (!n) throw itemNotFound(`The name '${key}' was not found.`, 'NamedItemCollection.getItem');
    return ref(namedItemType, n);
  },
  methods: {
    // NamedItemCollection.add(name, reference, comment): "Adds a new name to the collection of the given scope."
    add: (m, [name, reference, comment]) => {
      const problem = m.nameProblem(String(name));
      if (problem) throw invalidArgument(problem, 'NamedItemCollection.add');
      const formula = typeof reference === 'string' ? (reference.startsWith('=') ? reference : `=${reference}`) : `=${String(reference)}`;
      const created: NamedItemModel = { name: String(name), formula, comment: comment === undefined ? '' : String(comment) };
      m.names.push(created);
      return ref(namedItemType, created);
    },
    getItemOrNullObject: (m, [key]) => {
      const n = find(m, key);
      return n ? ref(namedItemType, n) : null;
    },
    getCount: (m) => m.names.length,
  },
};
