import { Rect } from './a1';
import { officeError, invalidArgument, itemNotFound } from './errors';
import { SheetModel } from './sheet-model';
import { EN_US, HostLocale } from './locale';

/** A defined name of the workbook (workbook scope): what it refers to, as a formula. */
export interface NamedItemModel {
  name: string;
  formula: string;
  comment: string;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
  /** The table's last row is its totals row (Table.showTotals). */
  showTotals: boolean;
  deleted: boolean;
}

/** Excel's sheet-name rules: 1–31 characters, none of [ ] : * ? / \, no leading/trailing apostrophe, not "History". */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'A sheet name cannot be empty.';
  if (name.length > 31) return `The sheet name '${name}' is longer than 31 characters.`;
  if (/[[\]:*?/\\]/.test(name)) return `The sheet name '${name}' contains one of [ ] : * ? / \\.`;
  if (name.startsWith("'") || name.endsWith("'")) return 'A sheet name cannot begin or end with an apostrophe.';
  if (name.toLowerCase() === 'history') return "'History' is a reserved sheet name.";
  return null;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  active: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  tables: TableModel[] = [];
  names: NamedItemModel[] = [];
  /** Regional settings, as Windows or the browser gives them to Excel. */
  locale: HostLocale = EN_US;
  /** Excel on the web or desktop Excel: they differ in what a multi-area address may be separated by. */
  platform: 'web' | 'desktop' = 'web';
  private seq = 0;

  /** `tag` keeps ids apart between hosts in one page: change events find their sheet by id. */
  constructor(private readonly tag = '') {}

  nextId(prefix: string): string {
    return `${prefix}${this.tag}${++this.seq}`;
  }

  find(name: string): SheetModel | undefined {
    const low = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === low);
  }

  get(name: string, where: string): SheetModel {
    const s = this.find(name);
    if (!s) throw itemNotFound(`Worksheet '${name}' not found.`, where);
    return s;
  }

  checkName(name: unknown, where: string, except?: SheetModel): string {
    const problem = sheetNameProblem(name);
    if (problem) throw invalidArgument(problem, where);
    const clash = this.find(name as string);
    if (clash && clash !== except) throw officeError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`, where);
    return name as string;
  }

  addSheet(name: string | undefined, where: string): SheetModel {
    let n = name;
    if (n === undefined) for (let i = this.sheets.length + 1; !n || this.find(n); i++) n = `Sheet${i}`;
    const sheet = new SheetModel(this.checkName(n, where), this.nextId('{sheet-'));
    sheet.locale = this.locale;
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    return sheet;
  }

  removeSheet(sheet: SheetModel, where: string): void {
    // Worksheet.delete (ExcelApi reference): "if the worksheet's visibility is set to "VeryHidden",
    // the delete operation will fail with an InvalidOperation exception".
    if (sheet.visibility === 'VeryHidden')
      throw officeError('InvalidOperation', `The worksheet '${sheet.name}' is very hidden; make it hidden or visible before deleting it.`, where);
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', where);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    sheet.deleted = true;
    if (this.active === sheet) this.active = this.sheets.find((s) => s.visibility === 'Visible') ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  activeSheet(where: string): SheetModel {
    if (!this.active) throw officeError('GeneralException', 'The workbook has no worksheet.', where);
    return this.active;
  }

  tableNameProblem(name: string, except?: TableModel): string | null {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name))
      return `'${name}' is not a valid table name.`;
    const low = name.toLowerCase();
    if (this.tables.some((t) => t !== except && t.name.toLowerCase() === low)) return `A table named '${name}' already exists.`;
    if (this.names.some((n) => n.name.toLowerCase() === low)) return `A name '${name}' already exists in this workbook.`;
    return null;
  }

  /**
   * A defined name follows the rules of a table's name, and tables and defined names share one
   * namespace ("Rename an Excel table": "Duplicate names aren't allowed. Excel doesn't distinguish
   * between upper and lowercase characters in names, so if you enter "Sales" but already have another
   * name called "SALES" in the same workbook, you'll be prompted to choose a unique name.").
   */
  nameProblem(name: string): string | null {
    return this.tableNameProblem(name)?.replace('table name', 'name') ?? null;
  }
}
