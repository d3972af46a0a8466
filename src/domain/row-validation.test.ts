import { checkFields, checkReferences, rowComment, type IssueCode } from './row-validation';
import { checkRows, firstRowsOfDuplicates } from './table-checks';
import { TEST_FIRM, validRow } from '../../test/support/client-rows';
import type { ClientRow } from './api-types';

const codes = (row: ClientRow) => checkFields(row).map((i) => [i.column, i.code]);

describe('§3 field rules', () => {
  it('passes a valid row', () => {
    expect(checkFields(validRow())).toEqual([]);
  });

  it.each<[string, Partial<ClientRow>, [string, IssueCode][]]>([
    ['missing Tax Client ID', { taxClientId: '' }, [['Tax Client ID', 'required']]],
    ['Tax Client ID with a space', { taxClientId: 'A 1' }, [['Tax Client ID', 'invalid-id']]],
    ['Tax Client ID with a slash', { taxClientId: 'A/1' }, [['Tax Client ID', 'invalid-id']]],
    ['Tax Client ID of 51 chars', { taxClientId: 'x'.repeat(51) }, [['Tax Client ID', 'invalid-id']]],
    ['missing first name', { firstName: '' }, [['Taxpayer First Name', 'required']]],
    ['missing last name', { lastName: '   ' }, [['Taxpayer Last Name', 'required']]],
    ['first name of 101 chars', { firstName: 'a'.repeat(101) }, [['Taxpayer First Name', 'too-long']]],
    ['first name of 101 characters outside the BMP', { firstName: '😀'.repeat(101) }, [['Taxpayer First Name', 'too-long']]],
    ['a name showing an Excel error', { lastName: '#N/A' }, [['Taxpayer Last Name', 'error-value']]],
    ['last name of 101 chars', { lastName: 'b'.repeat(101) }, [['Taxpayer Last Name', 'too-long']]],
    ['spouse first name of 101 chars', { spouseFirstName: 'c'.repeat(101) }, [['Spouse First Name', 'too-long']]],
    ['spouse last name of 101 chars', { spouseLastName: 'd'.repeat(101) }, [['Spouse Last Name', 'too-long']]],
    ['bad email', { email: 'ann@' }, [['Taxpayer Email', 'invalid-email']]],
    ['email without domain dot', { email: 'ann@example' }, [['Taxpayer Email', 'invalid-email']]],
    ['mobile too short', { mobile: '555-1234' }, [['Taxpayer Mobile', 'invalid-mobile']]],
    ['mobile too long', { mobile: '+1234567890123456' }, [['Taxpayer Mobile', 'invalid-mobile']]],
    ['mobile with letters', { mobile: '555 CALL NOW' }, [['Taxpayer Mobile', 'invalid-mobile']]],
    ['bad spouse email', { spouseEmail: 'nobody' }, [['Spouse Email', 'invalid-email']]],
    ['spouse email equal to taxpayer', { spouseEmail: 'ANN.LEE@example.com' }, [['Spouse Email', 'same-as-taxpayer']]],
    ['missing owner', { ownerEmail: '' }, [['Owner Email', 'required']]],
    ['missing office', { officeLocation: '' }, [['Office Location', 'required']]],
    ['Is Offline not Yes/No', { isOffline: 'Maybe' }, [['Is Offline', 'invalid-yes-no']]],
    ['an Excel error value', { firstName: '#N/A' }, [['Taxpayer First Name', 'error-value']]],
    ['a control character', { lastName: 'Lee\u0000' }, [['Taxpayer Last Name', 'control-character']]],
    ['half of a surrogate pair (the portal refuses it)', { firstName: 'Ann\ud83d' }, [['Taxpayer First Name', 'control-character']]],
    ['a lone low surrogate in an email', { email: '\udc00ann@example.com' }, [['Taxpayer Email', 'control-character']]],
  ])('flags %s', (_, overrides, expected) => {
    expect(codes(validRow(overrides))).toEqual(expected);
  });

  it.each<[string, Partial<ClientRow>]>([
    ['ID with letters, digits and - _ .', { taxClientId: 'AB-12_3.x' }],
    ['ID of 50 chars', { taxClientId: '9'.repeat(50) }],
    ['names of 100 chars', { firstName: 'a'.repeat(100), lastName: 'é'.repeat(100) }],
    ['a name of 100 characters outside the BMP (200 UTF-16 units)', { firstName: '😀'.repeat(100) }],
    ['an ID whose fullwidth and superscript forms normalise to ASCII', { taxClientId: 'ＡＢ-1²' }],
    ['no email', { email: '' }],
    ['mobile of 10 digits', { mobile: '555.123.4567' }],
    ['mobile of 15 digits with +', { mobile: '+44 (20) 1234 567890' }],
    ['blank Is Offline', { isOffline: '' }],
    ['lower-case yes', { isOffline: 'yes' }],
    ['NO', { isOffline: 'NO' }],
    ['spouse email different from taxpayer', { spouseEmail: 'sam.lee@example.com' }],
  ])('accepts %s', (_, overrides) => {
    expect(checkFields(validRow(overrides))).toEqual([]);
  });

  it.each([
    ['a Cyrillic look-alike', 'Т1', /contains "Т" \(U\+0422, a Cyrillic letter\)/],
    ['Arabic-Indic digits', 'T١', /contains "١" \(U\+0661, an? Arabic digit\)/],
    ['a letter beyond ASCII', 'Ünï', /contains "Ü" \(U\+00DC, a Latin letter\)/],
  ])('rejects an ID with %s, naming the character', (_, taxClientId, message) => {
    const [problem] = checkFields(validRow({ taxClientId }));
    expect(problem).toMatchObject({ field: 'taxClientId', code: 'invalid-id' });
    expect(problem.message).toMatch(message);
  });

  it('names every problem of a row in one comment, missing fields first', () => {
    const row = validRow({ firstName: '', ownerEmail: '', email: 'bad', isOffline: 'x' });
    expect(rowComment(checkFields(row))).toBe(
      'Missing mandatory fields: Taxpayer First Name, Owner Email; Taxpayer Email is not a valid email address; Is Offline must be Yes or No',
    );
  });

  it('issues carry row, column, field, code, message and severity', () => {
    expect(checkFields(validRow({ row: 7, email: 'x' }))).toEqual([
      { row: 7, column: 'Taxpayer Email', field: 'email', code: 'invalid-email', message: 'is not a valid email address', severity: 'error' },
    ]);
  });
});

describe('§4 reference checks', () => {
  it('passes known owner and office, case-insensitively', () => {
    expect(checkReferences(validRow({ ownerEmail: 'OWNER@firm.test', officeLocation: 'main office' }), TEST_FIRM)).toEqual([]);
  });

  it('flags an unknown owner, an unknown office and offline rows of a firm without offline clients', () => {
    const row = validRow({ ownerEmail: 'clerk@firm.test', officeLocation: 'Mars', isOffline: 'Yes' });
    const found = checkReferences(row, { ...TEST_FIRM, offlineClientsEnabled: false });
    expect(found.map((i) => i.code)).toEqual(['unknown-owner', 'unknown-office', 'offline-disabled']);
  });
});

describe('in-file duplicates', () => {
  it('lets the first occurrence win and names it on later ones', () => {
    const rows = [
      validRow({ row: 2, taxClientId: 'A' }),
      validRow({ row: 3, taxClientId: 'B' }),
      validRow({ row: 9, taxClientId: 'A' }),
      validRow({ row: 12, taxClientId: 'A' }),
    ];
    expect([...firstRowsOfDuplicates(rows)]).toEqual([
      [9, 2],
      [12, 2],
    ]);
    const issues = checkRows(rows).filter((i) => i.code === 'duplicate-id');
    expect(issues.map((i) => [i.row, i.message])).toEqual([
      [9, 'appears more than once in the file (first on row 2)'],
      [12, 'appears more than once in the file (first on row 2)'],
    ]);
  });

  it('treats IDs exactly: leading zeros matter, blanks never duplicate', () => {
    const rows = [
      validRow({ row: 2, taxClientId: '0123' }),
      validRow({ row: 3, taxClientId: '123' }),
      validRow({ row: 4, taxClientId: '' }),
      validRow({ row: 5, taxClientId: '' }),
    ];
    expect(firstRowsOfDuplicates(rows).size).toBe(0);
  });

  it('checkRows lists field, reference and duplicate issues in row order', () => {
    const rows = [validRow({ row: 2, email: 'x' }), validRow({ row: 3, taxClientId: 'B', officeLocation: 'Mars' }), validRow({ row: 4 })];
    expect(checkRows(rows, TEST_FIRM).map((i) => [i.row, i.code])).toEqual([
      [2, 'invalid-email'],
      [3, 'unknown-office'],
      [4, 'duplicate-id'],
    ]);
    expect(checkRows(rows).map((i) => i.code)).not.toContain('unknown-office');
  });
});
