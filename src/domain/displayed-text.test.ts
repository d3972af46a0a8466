import { cellText, notCalculatedIssue, withReadIssues } from './displayed-text';
import { checkFields } from './row-validation';
import type { ClientRow } from './api-types';

const row: ClientRow = {
  row: 7,
  taxClientId: 'C1',
  firstName: 'Ann',
  lastName: '',
  ownerEmail: 'o@firm.test',
  officeLocation: 'Main',
  isOffline: '',
} as ClientRow;

describe('displayed text rules shared by both paths', () => {
  it('keeps the digits of a long whole number only where General turned it scientific', () => {
    expect(cellText(447911123456, '4.47911E+11')).toBe('447911123456');
    expect(cellText(12345678, '012-34-5678')).toBe('012-34-5678');
  });

  it('reports a cell the file cannot tell instead of reporting it missing', () => {
    const issues = withReadIssues(checkFields(row), [notCalculatedIssue(7, 'lastName', 'no-result')]);
    expect(issues.map((i) => [i.field, i.code])).toEqual([['lastName', 'not-calculated']]);
  });

  it('keeps other missing fields of that row', () => {
    const issues = withReadIssues(checkFields({ ...row, firstName: '' }), [notCalculatedIssue(7, 'lastName', 'no-result')]);
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['lastName', 'not-calculated'],
      ['firstName', 'required'],
    ]);
  });

  it('tells a formula with no saved result apart from one the file asks Excel to recalculate, and says the fix', () => {
    const none = notCalculatedIssue(7, 'lastName', 'no-result').message;
    const stale = notCalculatedIssue(7, 'lastName', 'recalculate-on-open').message;
    expect(none).toBe('is a formula with no result saved in the file: open the file in Excel, save it and drop it again');
    expect(stale).toBe(
      'is a formula the file asks Excel to recalculate on open, so the result saved with it cannot be trusted: open the file in Excel, save it and drop it again',
    );
  });
});
