import { WorkbookModel } from '../model/workbook-model';
import { SheetModel } from '../model/sheet-model';
import { HostType, ref } from '../host-type';
import { worksheetType } from './worksheet';

const sheet = (s: SheetModel | null | undefined) => (s ? ref(worksheetType, s) : null);
const visible = (m: WorkbookModel, visibleOnly: unknown) => (visibleOnly ? m.sheets.filter((s) => s.visibility === 'Visible') : m.sheets);
/** getItem takes a sheet's name or its id. */
const byKey = (m: WorkbookModel, key: unknown) => m.sheets.find((s) => s.id === key) ?? m.find(String(key));

/** workbook.worksheets */
export const worksheetsType: HostType<WorkbookModel> = {
  name: 'WorksheetCollection',
  items: (m) => m.sheets.map((s) => ref(worksheetType, s)),
  indexer: (m, key) => sheet(byKey(m, key) ?? m.get(String(key), 'WorksheetCollection.getItem')),
  methods: {
    add: (m, [name]) => sheet(m.addSheet(name === null || name === undefined ? undefined : String(name), 'WorksheetCollection.add')),
    getItemOrNullObject: (m, [key]) => sheet(byKey(m, key)),
    getItemAt: (m, [i]) => sheet(m.sheets[Number(i)] ?? m.get(`#${i}`, 'WorksheetCollection.getItemAt')),
    getActiveWorksheet: (m) => sheet(m.activeSheet('WorksheetCollection.getActiveWorksheet')),
    getFirst: (m, [visibleOnly]) => sheet(visible(m, visibleOnly)[0]),
    getLast: (m, [visibleOnly]) => sheet(visible(m, visibleOnly).at(-1)),
    getCount: (m, [visibleOnly]) => visible(m, visibleOnly).length,
  },
};
