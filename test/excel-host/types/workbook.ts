import { WorkbookModel } from '../model/workbook-model';
import { HostType, ref } from '../host-type';
import { rangeType } from './range';
import { worksheetsType } from './worksheets';
import { tablesOf } from './tables';
import { namedItemCollectionType } from './names';
import { commentsOf, notesOf } from './annotations';

/** context.application: calculation is never run by the host, so suspending it changes nothing. */
const applicationType: HostType<WorkbookModel> = {
  name: 'Application',
  scalars: { calculationMode: { get: () => 'Automatic' } },
  methods: {
    suspendApiCalculationUntilNextSync: () => null,
    suspendScreenUpdatingUntilNextSync: () => null,
    calculate: () => null,
  },
};

const selection = (m: WorkbookModel) => m.selection ?? { sheet: m.activeSheet('Workbook.getSelectedRange'), rect: { row: 0, col: 0, rows: 1, cols: 1 } };

/** The request's root object (context.workbook). */
export const workbookType: HostType<WorkbookModel> = {
  name: 'Workbook',
  scalars: { name: { get: () => 'Book1.xlsx' } },
  navs: {
    worksheets: (m) => ref(worksheetsType, m),
    tables: () => tablesOf(null),
    names: (m) => ref(namedItemCollectionType, m),
    comments: () => commentsOf(null),
    notes: () => notesOf(null),
    application: (m) => ref(applicationType, m),
  },
  methods: {
    getSelectedRange: (m) => ref(rangeType, selection(m)),
    getActiveCell: (m) => {
      const sel = selection(m);
      return ref(rangeType, { sheet: sel.sheet, rect: { row: sel.rect.row, col: sel.rect.col, rows: 1, cols: 1 } });
    },
  },
};
