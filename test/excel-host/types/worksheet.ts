import { checkRect, MAX_COLS, MAX_ROWS, parseA1, Rect } from '../model/a1';
import { invalidArgument, officeError } from '../model/errors';
import { SheetModel } from '../model/sheet-model';
import { HostType, ref } from '../host-type';
import { liveSheet } from './range-target';
import { rangeType } from './range';
import { freezePanesType } from './freeze-panes';
import { worksheetProtectionType } from './protection';
import { tablesOf } from './tables';
import { commentsOf, notesOf } from './annotations';
import { rangesOn } from './range-areas';

const VISIBILITY = ['Visible', 'Hidden', 'VeryHidden'];

const rangeOn = (s: SheetModel, rect: Rect | null) => (rect === null ? null : ref(rangeType, { sheet: s, rect }));

/** Excel.Worksheet. */
export const worksheetType: HostType<SheetModel> = {
  name: 'Worksheet',
  id: (s) => s.id,
  check: (s, where) => void liveSheet(s, where),
  defaults: ['name', 'id', 'position', 'visibility', 'tabColor', 'showGridlines'],
  scalars: {
    name: {
      get: (s) => s.name,
      set: (s, v, x) => {
        s.name = x.model.checkName(v, 'Worksheet.name', s);
      },
    },
    id: { get: (s) => s.id },
    position: {
      get: (s, x) => x.model.sheets.indexOf(s),
      set: (s, v, x) => {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= x.model.sheets.length)
          throw invalidArgument(`Bad position ${v}.`, 'Worksheet.position');
        const rest = x.model.sheets.filter((o) => o !== s);
        rest.splice(v, 0, s);
        x.model.sheets = rest;
      },
    },
    visibility: {
      get: (s) => s.visibility,
      set: (s, v, x) => {
        if (!VISIBILITY.includes(v as string)) throw invalidArgument(`Bad visibility ${v}.`, 'Worksheet.visibility');
        const visible = x.model.sheets.filter((o) => o.visibility === 'Visible');
        if (v !== 'Visible' && visible.length === 1 && visible[0] === s)
          throw officeError('InvalidOperation', 'A workbook must keep at least one visible worksheet.', 'Worksheet.visibility');
        s.visibility = v as SheetModel['visibility'];
        if (v !== 'Visible' && x.model.active === s) x.model.active = x.model.sheets.find((o) => o.visibility === 'Visible') ?? null;
      },
    },
    tabColor: {
      get: (s) => s.tabColor,
      set: (s, v) => {
        s.tabColor = String(v ?? '');
      },
    },
    showGridlines: {
      get: (s) => s.showGridlines,
      set: (s, v) => {
        s.showGridlines = !!v;
      },
    },
  },
  navs: {
    freezePanes: (s) => ref(freezePanesType, s),
    tables: (s) => tablesOf(s),
    comments: (s) => commentsOf(s),
    notes: (s) => notesOf(s),
    protection: (s) => ref(worksheetProtectionType, s),
  },
  methods: {
    activate: (s, _args, x) => {
      if (s.visibility !== 'Visible') throw officeError('InvalidOperation', `Cannot activate hidden worksheet '${s.name}'.`, 'Worksheet.activate');
      x.model.active = s;
      if (x.model.selection?.sheet !== s) x.model.selection = null;
      return null;
    },
    // The VeryHidden rule lives in the model's removeSheet.
    delete: (s, _args, x) => {
      x.model.removeSheet(s, 'Worksheet.delete');
      return null;
    },
    getRange: (s, [address]) => {
      if (address === undefined || address === null || address === '') return rangeOn(s, { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS });
      const parsed = parseA1(String(address));
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== s.name.toLowerCase())
        throw invalidArgument(`'${address}' is not on worksheet '${s.name}'.`, 'Worksheet.getRange');
      return rangeOn(s, parsed.rect);
    },
    getRanges: (s, [address], x) => rangesOn(s, address, x.model.platform),
    getRangeByIndexes: (s, [row, col, rows, cols]) =>
      rangeOn(s, checkRect({ row: Number(row), col: Number(col), rows: Number(rows), cols: Number(cols) }, 'Worksheet.getRangeByIndexes')),
    getCell: (s, [row, col]) => rangeOn(s, checkRect({ row: Number(row), col: Number(col), rows: 1, cols: 1 }, 'Worksheet.getCell')),
    // Worksheet.getUsedRange: "If the entire worksheet is blank, this function will return the top left cell (i.e. it will not throw an error)."
    // Worksheet.onChanged (ExcelApi 1.7): the library sends these when the first handler is added and the last removed.
    _RegisterDataChangedEvent: (s) => {
      s.changeListeners += 1;
      return null;
    },
    _UnregisterDataChangedEvent: (s) => {
      s.changeListeners = Math.max(0, s.changeListeners - 1);
      return null;
    },
    // Worksheet.onRowSorted (ExcelApi 1.10), likewise.
    _RegisterRowSortedEvent: (s) => {
      s.sortListeners += 1;
      return null;
    },
    _UnregisterRowSortedEvent: (s) => {
      s.sortListeners = Math.max(0, s.sortListeners - 1);
      return null;
    },
    getUsedRange: (s, [valuesOnly]) => rangeOn(s, s.usedRect(!!valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 }),
    getUsedRangeOrNullObject: (s, [valuesOnly]) => rangeOn(s, s.usedRect(!!valuesOnly)),
  },
};
