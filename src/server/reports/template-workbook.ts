import ExcelJS from 'exceljs';
import { TEMPLATE_COLUMNS, type FieldKey } from '../../domain/columns';
import type { Firm } from '../../domain/api-types';
import { styleHeader } from './text-cells';

// Rows the dropdowns cover; the template is for lists of up to this many clients.
const LAST_ROW = 10001;

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function columnLetter(field: FieldKey): string {
  return String.fromCharCode(65 + TEMPLATE_COLUMNS.findIndex((c) => c.field === field));
}

/**
 * A fresh template (§3): the columns in order, every column formatted as text (so `00123`
 * keeps its zeros), and Is Offline / Owner / Office dropdowns fed from a hidden Lists sheet
 * (list formulas written inline are limited to 255 characters).
 */
export async function templateWorkbook(firm: Pick<Firm, 'owners' | 'offices'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Clients');
  const lists = workbook.addWorksheet('Lists', { state: 'hidden' });
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => (c.required ? `${c.header} *` : c.header)));
  styleHeader(
    sheet,
    TEMPLATE_COLUMNS.map((c) => Math.max(14, c.header.length + 4)),
  );

  const sources: [string, readonly string[]][] = [
    ['Yes/No', ['Yes', 'No']],
    ['Owners', firm.owners],
    ['Offices', firm.offices],
  ];
  sources.forEach(([title, values], i) => {
    lists.getColumn(i + 1).values = [title, ...values];
    lists.getColumn(i + 1).numFmt = '@';
  });
  const range = (col: string, count: number) => `Lists!$${col}$2:$${col}$${Math.max(2, count + 1)}`;
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  const dropdown = (field: FieldKey, formula: string, what: string) =>
    validations.add(`${columnLetter(field)}2:${columnLetter(field)}${LAST_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: 'Choose from the list',
      error: `Choose ${what} from the list`,
    });
  dropdown('isOffline', range('A', 2), 'Yes or No');
  dropdown('ownerEmail', range('B', firm.owners.length), "one of the firm's owners");
  dropdown('officeLocation', range('C', firm.offices.length), "one of the firm's offices");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
