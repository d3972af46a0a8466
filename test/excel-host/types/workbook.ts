import { WorkbookModel } from '../model/workbook-model';
import { HostType, ref } from '../host-type';
import { rangeType } from './range';
import { worksheetsType } from './worksheets';
import { tablesOf } from './tables';
import { namedItemCollectionType } from './names';
import { commentsOf, notesOf } from './annotations';

/**
 * The regional settings (model/locale.ts) as Office.js reports them. Application.decimalSeparator
 * (ExcelApi 1.11): "Gets the string used as the decimal separator for numeric values. This is based on
 * the local Excel settings."; thousandsSeparator likewise; CultureInfo (ExcelApi 1.11): "Provides
 * information based on current system culture settings."; DatetimeFormatInfo.shortDatePattern (ExcelApi
 * 1.12): "Gets the format string for a short date value." (a .NET pattern: `dd.MM.yyyy`, `M/d/yyyy`).
 */
const numberFormatInfoType: HostType<WorkbookModel> = {
  name: 'NumberFormatInfo',
  scalars: {
    numberDecimalSeparator: { get: (m) => m.locale.decimal },
    numberGroupSeparator: { get: (m) => m.locale.group },
  },
};
const datetimeFormatInfoType: HostType<WorkbookModel> = {
  name: 'DatetimeFormatInfo',
  scalars: {
    shortDatePattern: { get: (m) => m.locale.shortDate.replace(/m/g, 'M') },
    dateSeparator: { get: (m) => (/[^dmy]/i.exec(m.locale.shortDate) ?? ['/'])[0] },
  },
};
const cultureInfoType: HostType<WorkbookModel> = {
  name: 'CultureInfo',
  scalars: { name: { get: (m) => m.locale.name } },
  navs: { numberFormat: (m) => ref(numberFormatInfoType, m), datetimeFormat: (m) => ref(datetimeFormatInfoType, m) },
};

/** context.application: calculation is never run by the host, so suspending it changes nothing. */
const applicationType: HostType<WorkbookModel> = {
  name: 'Application',
  scalars: {
    calculationMode: { get: () => 'Automatic' },
    decimalSeparator: { get: (m) => m.locale.decimal },
    thousandsSeparator: { get: (m) => m.locale.group },
    useSystemSeparators: { get: () => true },
  },
  navs: { cultureInfo: (m) => ref(cultureInfoType, m) },
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
