import { cleanCell, readDataRows, readRow, readTemplate } from './row-reading';
import { TEMPLATE_COLUMNS } from './columns';

const header = TEMPLATE_COLUMNS.map((c) => c.header);

describe('row reading', () => {
  it('reads displayed text as is, so leading zeros and dates stay as the user sees them', () => {
    const grid = [header, ['00123', ' Ann ', 'Lee', '', '555 123 4567', '', '', '', 'owner@firm.test', 'Main Office', 'Yes', '12/31/2024']];
    const { rows } = readTemplate(grid);
    expect(rows).toEqual([
      {
        row: 2,
        taxClientId: '00123',
        firstName: 'Ann',
        lastName: 'Lee',
        email: '',
        mobile: '555 123 4567',
        spouseFirstName: '',
        spouseLastName: '',
        spouseEmail: '',
        ownerEmail: 'owner@firm.test',
        officeLocation: 'Main Office',
        isOffline: 'Yes',
      },
    ]);
  });

  it('skips whole-blank rows and keeps each row its sheet row number', () => {
    const grid = [['Title'], header, ['A1', 'Ann'], ['', '  ', ''], [], ['A2', 'Bob']];
    const { match, rows } = readTemplate(grid, 3);
    expect(match.headerRowIndex).toBe(1);
    expect(rows.map((r) => [r.row, r.taxClientId])).toEqual([
      [5, 'A1'],
      [8, 'A2'],
    ]);
  });

  it('reads a row with text only in an unknown column, so it is reported rather than lost', () => {
    const row = readRow(['', 'a note'], { taxClientId: 0 }, 9);
    expect(row).not.toBeNull();
    expect(row?.taxClientId).toBe('');
  });

  it('gives blank text for template columns the sheet does not have', () => {
    const [row] = readDataRows([['A1']], { taxClientId: 0 }, 2);
    expect(row.isOffline).toBe('');
    expect(row.ownerEmail).toBe('');
  });

  it('reads no rows when there is no header', () => {
    expect(readTemplate([['a', 'b'], ['c']]).rows).toEqual([]);
  });

  it('turns line breaks and other control characters into spaces', () => {
    expect(cleanCell(' Ann\nMarie\t')).toBe('Ann Marie');
    expect(cleanCell('\u0007')).toBe('');
    expect(cleanCell(undefined)).toBe('');
  });

  it('does not mutate its input', () => {
    const grid = [header, [' A1 ', ' Ann ']];
    const copy = JSON.parse(JSON.stringify(grid));
    readTemplate(grid);
    expect(grid).toEqual(copy);
  });
});
