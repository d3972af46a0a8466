import ExcelJS from 'exceljs';
import { build, clientRow, createFirm, importRows, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe.each(DIALECTS)('reports on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  let importId: string;
  const hyperlink = '=HYPERLINK("http://x","y")';
  beforeAll(async () => {
    t = await build(dialect);
    firm = await createFirm(t.app, { owners: ['owner@firm.test', 'second@firm.test'], offices: ['Main Office', 'North'] });
    importId = (
      await importRows(t.app, firm, [clientRow(3, { row: 9 }), clientRow(1, { row: 4, firstName: hyperlink }), clientRow(2, { row: 5, firstName: '' })])
    ).importId;
  });
  afterAll(() => t.close());

  it('lists every row in sheet row order with its result', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importId}/report`, headers: firm.auth });
    const rows = res.json().rows;
    expect(rows.map((r: { row: number }) => r.row)).toEqual([4, 5, 9]);
    expect(rows[0]).toMatchObject({ taxClientId: 'C00001', firstName: hyperlink, outcome: 'imported', comment: '' });
    expect(rows[1]).toMatchObject({ outcome: 'rejected', comment: 'Missing mandatory fields: Taxpayer First Name' });
  });

  it('keeps a HYPERLINK name as text in report.xlsx', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importId}/report.xlsx`, headers: firm.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const sheet = (await load(res.rawPayload)).getWorksheet('Import Exceptions')!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['Row', 'Tax Client ID', 'Taxpayer First Name', 'Result', 'Comment']));
    const cell = sheet.getRow(2).getCell(3);
    expect(cell.value).toBe(hyperlink);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe('@');
    expect(sheet.getRow(3).getCell(14).value).toBe('Missing mandatory fields: Taxpayer First Name');
  });

  it('serves a template with text IDs and dropdowns from the firm settings', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/template.xlsx', headers: firm.auth });
    const workbook = await load(res.rawPayload);
    const sheet = workbook.getWorksheet('Clients')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tax Client ID *');
    expect(sheet.getColumn(1).numFmt).toBe('@');
    const lists = workbook.getWorksheet('Lists')!;
    expect(lists.getColumn(2).values.filter(Boolean)).toEqual(['Owners', 'owner@firm.test', 'second@firm.test']);
    expect(lists.getColumn(3).values.filter(Boolean)).toEqual(['Offices', 'Main Office', 'North']);
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    // exceljs reads a validated range back as one entry per cell.
    const byFormula = [...new Set(Object.values(validations).map((v) => `${v.type} ${v.formulae[0]}`))].sort();
    expect(validations.K2).toBeDefined();
    expect(byFormula).toEqual(['list Lists!$A$2:$A$3', 'list Lists!$B$2:$B$3', 'list Lists!$C$2:$C$3']);
  });
});
