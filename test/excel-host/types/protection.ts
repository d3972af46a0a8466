import { invalidArgument, officeError } from '../model/errors';
import { SheetModel } from '../model/sheet-model';
import { HostType, Ref } from '../host-type';

/**
 * Worksheet protection (ExcelApi 1.2). WorksheetProtection.protect: "Protects a worksheet. Fails if the
 * worksheet has already been protected."; unprotect: "Unprotects a worksheet."; protected: "Specifies if
 * the worksheet is protected." Every cell is locked unless unlocked ("FormatProtection.locked: Specifies
 * if Excel locks the cells in the object"; new cells are locked), and the host models no unlocked cells:
 * on a protected sheet every change to cells fails, except what the protection options allow (inserting
 * or deleting rows, formatting columns). Excel's answer is `AccessDenied` (the error table: "You cannot
 * perform the requested operation"); the exact message is Excel's dialog sentence.
 */
export interface Protection {
  password: string;
  options: Record<string, boolean>;
}

const DEFAULT_OPTIONS = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
};

export const worksheetProtectionType: HostType<SheetModel> = {
  name: 'WorksheetProtection',
  scalars: {
    protected: { get: (s) => s.protection !== null },
    options: { get: (s) => ({ ...DEFAULT_OPTIONS, ...(s.protection?.options ?? {}) }) },
  },
  methods: {
    protect: (s, [options, password]) => {
      if (s.protection !== null) throw officeError('InvalidOperation', `The worksheet '${s.name}' is already protected.`, 'WorksheetProtection.protect');
      if (options !== undefined && options !== null && typeof options !== 'object')
        throw invalidArgument('Expected protection options.', 'WorksheetProtection.protect');
      s.protection = { password: typeof password === 'string' ? password : '', options: { ...((options as Record<string, boolean>) ?? {}) } };
      return null;
    },
    unprotect: (s, [password]) => {
      if (s.protection !== null && s.protection.password !== '' && s.protection.password !== password)
        throw invalidArgument('The password you supplied is not correct.', 'WorksheetProtection.unprotect');
      s.protection = null;
      return null;
    },
  },
};

/** Changes to cells a protection option may allow: `Type.member` → the option. */
const ALLOWED_BY: Record<string, string> = {
  'Range.insert': 'allowInsertRows',
  'Range.delete': 'allowDeleteRows',
  'RangeFormat.columnWidth': 'allowFormatColumns',
  'RangeFormat.autofitColumns': 'allowFormatColumns',
  'RangeFormat.rowHeight': 'allowFormatRows',
  'RangeFormat.autofitRows': 'allowFormatRows',
};

/** Methods that change cells; every property write on a cell-level object does too. */
const CHANGING_METHODS = new Set([
  'Range.clear',
  'Range.merge',
  'Range.unmerge',
  'Range.insert',
  'Range.delete',
  'RangeSort.apply',
  'RangeFill.clear',
  'DataValidation.clear',
  'NoteCollection.add',
  'Note.delete',
  'CommentCollection.add',
  'Comment.delete',
  'RangeFormat.autofitColumns',
  'RangeFormat.autofitRows',
  'TableCollection.add',
]);

/** The sheet a cell-level object (range, its format, areas, notes of a sheet) belongs to; null for others. */
function cellSheet(target: Ref): SheetModel | null {
  if (target.type.name === 'Worksheet' || target.type.name === 'WorksheetProtection') return null;
  const sheet = (target.target as { sheet?: unknown } | null)?.sheet;
  return sheet instanceof SheetModel ? sheet : null;
}

/** Throws AccessDenied when `member` (a property write or a method) would change cells of a protected sheet. */
export function refuseOnProtected(target: Ref, member: string, write: 'set' | 'call'): void {
  const sheet = cellSheet(target);
  if (sheet === null || sheet.protection === null) return;
  const key = `${target.type.name}.${member}`;
  if (write === 'call' && !CHANGING_METHODS.has(key)) return;
  const option = ALLOWED_BY[key];
  if (option !== undefined && sheet.protection.options[option] === true) return;
  throw officeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}').`, key);
}
