import { intersect, Rect, rectA1 } from '../model/a1';
import { invalidArgument, itemNotFound, officeError } from '../model/errors';
import { writeValues } from '../model/range-data';
import { SheetModel } from '../model/sheet-model';
import { TableModel, WorkbookModel } from '../model/workbook-model';
import { Exec } from '../exec';
import { HostType, ref, Ref } from '../host-type';
import { liveSheet, rangeArg } from './range-target';
import { rangeType } from './range';
import { worksheetType } from './worksheet';

/** workbook.tables (scope null) or worksheet.tables. */
interface Scope {
  sheet: SheetModel | null;
}
export const tablesOf = (sheet: SheetModel | null): Ref<Scope> => ref(tableCollectionType, { sheet });

const inScope = (scope: Scope, m: WorkbookModel) => (scope.sheet ? m.tables.filter((t) => t.sheet === scope.sheet) : m.tables);
const find = (scope: Scope, m: WorkbookModel, key: unknown) => {
  const low = String(key).toLowerCase();
  return inScope(scope, m).find((t) => t.name.toLowerCase() === low || t.id === key) ?? null;
};
const table = (t: TableModel | null) => (t ? ref(tableType, t) : null);

/**
 * TableCollection.add (ExcelApi 1.1): "If the address does not contain a sheet name, the
 * currently-active sheet is used." — for worksheet.tables too. Excel makes header cells text,
 * names blank or repeated headers, and gives a header-only table one empty body row.
 */
function addTable(x: Exec, address: unknown, hasHeaders: unknown): TableModel {
  const where = 'TableCollection.add';
  const m = x.model;
  const target = rangeArg(
    address,
    where,
    () => m.activeSheet(where),
    (n) => m.get(n, where),
  );
  const sheet = target.sheet;
  let rect = target.rect;
  liveSheet(sheet, where);
  if (hasHeaders !== true) throw officeError('NotImplemented', 'The Excel host only builds tables whose first row holds the headers.', where);
  if (rect.rows === 1) rect = { ...rect, rows: 2 };
  if (rect.rows > 1048575 || rect.cols > 16384) throw invalidArgument('Range too large for a table.', where);
  if (m.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect))) throw officeError('InvalidOperation', "A table can't overlap another table.", where);
  if (sheet.merges.some((mg) => intersect(mg, rect))) throw officeError('InvalidOperation', "A table can't contain merged cells.", where);
  const seen = new Set<string>();
  for (let j = 0; j < rect.cols; j++) {
    const cell = sheet.ensure(rect.row, rect.col + j);
    let name = cell.t ?? String(cell.v === '' ? `Column${j + 1}` : cell.v);
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${String(cell.v)}${k}`;
    seen.add(name.toLowerCase());
    cell.v = name;
    delete cell.f;
    delete cell.err;
    delete cell.t;
  }
  let n = m.tables.length + 1;
  while (m.tableNameProblem(`Table${n}`)) n++;
  const created: TableModel = {
    id: m.nextId('{table-'),
    name: `Table${n}`,
    sheet,
    rect,
    hasHeaders: true,
    style: 'TableStyleMedium2',
    showBandedRows: true,
    showFilterButton: true,
    showTotals: false,
    deleted: false,
  };
  m.tables.push(created);
  return created;
}

export const tableCollectionType: HostType<Scope> = {
  name: 'TableCollection',
  items: (scope, x) => inScope(scope, x.model).map((t) => ref(tableType, t)),
  indexer: (scope, key, x) => {
    const t = find(scope, x.model, key);
    if (!t) throw itemNotFound(`Table '${key}' not found.`, 'TableCollection.getItem');
    return table(t);
  },
  methods: {
    add: (_scope, [address, hasHeaders], x) => table(addTable(x, address, hasHeaders)),
    getItemOrNullObject: (scope, [key], x) => table(find(scope, x.model, key)),
    getCount: (scope, _args, x) => inScope(scope, x.model).length,
  },
};

const part = (where: string, rect: (t: TableModel) => Rect) => (t: TableModel) => ref(rangeType, { sheet: t.sheet, rect: rect(t) });

export const tableType: HostType<TableModel> = {
  name: 'Table',
  check: (t, where) => {
    if (t.deleted) throw itemNotFound(`Table '${t.name}' was deleted.`, where);
  },
  id: (t) => t.id,
  defaults: ['name', 'id', 'style', 'showBandedRows', 'showHeaders', 'showFilterButton', 'showTotals'],
  scalars: {
    name: {
      get: (t) => t.name,
      set: (t, v, x) => {
        const problem = x.model.tableNameProblem(String(v), t);
        if (problem) throw invalidArgument(problem, 'Table.name');
        t.name = String(v);
      },
    },
    id: { get: (t) => t.id },
    style: {
      get: (t) => t.style,
      set: (t, v) => {
        t.style = String(v);
      },
    },
    showBandedRows: {
      get: (t) => t.showBandedRows,
      set: (t, v) => {
        t.showBandedRows = !!v;
      },
    },
    showFilterButton: {
      get: (t) => t.showFilterButton,
      set: (t, v) => {
        t.showFilterButton = !!v;
      },
    },
    showHeaders: { get: (t) => t.hasHeaders },
    showTotals: { get: (t) => t.showTotals, set: (t, v) => setTotals(t, !!v) },
  },
  // Table.worksheet (ExcelApi 1.2): "The worksheet containing the current table."
  navs: { rows: (t) => ref(tableRowsType, t), worksheet: (t) => ref(worksheetType, t.sheet) },
  methods: {
    getRange: part('getRange', (t) => t.rect),
    getHeaderRowRange: part('getHeaderRowRange', (t) => ({ ...t.rect, rows: 1 })),
    getDataBodyRange: part('getDataBodyRange', (t) => ({ ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 - (t.showTotals ? 1 : 0) })),
    getTotalRowRange: (t) => {
      if (!t.showTotals) throw officeError('InvalidOperation', `Table '${t.name}' has no totals row.`, 'Table.getTotalRowRange');
      return ref(rangeType, { sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + t.rect.rows - 1, rows: 1 } });
    },
    delete: (t, _args, x) => {
      t.deleted = true;
      x.model.tables = x.model.tables.filter((o) => o !== t);
      return null;
    },
  },
};

/**
 * Table.showTotals: "Specifies if the total row is visible. This value can be set to show or remove the
 * total row."; Excel help ("Total the data in an Excel table"): "The Total Row is inserted at the bottom of
 * your table." Excel labels it "Total" in the first column and sums the last one (SUBTOTAL 109). The host
 * adds it over blank cells only (it does not shift cells down).
 */
function setTotals(t: TableModel, show: boolean): void {
  if (show === t.showTotals) return;
  const where = 'Table.showTotals';
  if (show) {
    const below: Rect = { row: t.rect.row + t.rect.rows, col: t.rect.col, rows: 1, cols: t.rect.cols };
    for (const [, , c] of t.sheet.existing(below))
      if (c.v !== '' || c.f !== undefined) throw officeError('NotImplemented', 'The Excel host adds a totals row only over blank cells.', where);
    const header = t.sheet.cell(t.rect.row, t.rect.col + t.rect.cols - 1)?.v;
    const row = Array.from({ length: t.rect.cols }, (_, j) => (j === 0 ? 'Total' : j === t.rect.cols - 1 ? `=SUBTOTAL(109,[${String(header)}])` : ''));
    writeValues(t.sheet, below, [row], where);
    t.rect = { ...t.rect, rows: t.rect.rows + 1 };
  } else {
    const last: Rect = { row: t.rect.row + t.rect.rows - 1, col: t.rect.col, rows: 1, cols: t.rect.cols };
    writeValues(t.sheet, last, [Array.from({ length: t.rect.cols }, () => '')], where);
    t.rect = { ...t.rect, rows: t.rect.rows - 1 };
  }
  t.showTotals = show;
}

/** table.rows: add() appends below the table, which must be empty there (the host does not shift cells down). */
const tableRowsType: HostType<TableModel> = {
  name: 'TableRowCollection',
  check: (t, where) => tableType.check!(t, where),
  scalars: { count: { get: (t) => t.rect.rows - 1 } },
  methods: {
    getCount: (t) => t.rect.rows - 1,
    add: (t, [index, values]) => {
      const where = 'TableRowCollection.add';
      const n = Array.isArray(values) ? values.length : 1;
      if (t.showTotals) throw officeError('NotImplemented', 'The Excel host adds table rows only to a table without a totals row.', where);
      const at = index === null || index === undefined ? t.rect.rows - 1 : index;
      if (at !== t.rect.rows - 1) throw officeError('NotImplemented', 'The Excel host only appends table rows at the end.', where);
      const below: Rect = { row: t.rect.row + t.rect.rows, col: t.rect.col, rows: n, cols: t.rect.cols };
      for (const [, , c] of t.sheet.existing(below))
        if (c.v !== '' || c.f !== undefined) throw officeError('InvalidOperation', `Cells below the table (${rectA1(below)}) are not empty.`, where);
      if (values !== undefined && values !== null) writeValues(t.sheet, below, values, where);
      t.rect = { ...t.rect, rows: t.rect.rows + n };
      return null;
    },
  },
};
