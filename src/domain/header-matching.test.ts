import { matchHeaders } from './header-matching';
import { fieldForHeader, normalizeHeader, TEMPLATE_COLUMNS } from './columns';

const fullHeader = TEMPLATE_COLUMNS.map((c) => c.header);

describe('header names', () => {
  it.each([
    ['Tax Client ID', 'taxClientId'],
    ['tax client id*', 'taxClientId'],
    ['  TAX-CLIENT_ID *', 'taxClientId'],
    ['First Name', 'firstName'],
    ['Taxpayer First Name*', 'firstName'],
    ['Last Name', 'lastName'],
    ['E-mail', 'email'],
    ['Taxpayer Email', 'email'],
    ['Mobile Phone', 'mobile'],
    ['mobile', 'mobile'],
    ['Taxpayer Mobile', 'mobile'],
    ['Spouse First Name', 'spouseFirstName'],
    ['Spouse Last Name', 'spouseLastName'],
    ['Spouse Email', 'spouseEmail'],
    ['Owner', 'ownerEmail'],
    ['Owner Email *', 'ownerEmail'],
    ['Office', 'officeLocation'],
    ['Office Location', 'officeLocation'],
    ['Is Offline?', 'isOffline'],
  ])('%s names %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['Notes', 'Client', 'Spouse', '', 'Tax ID'])('%s names no column', (header) => {
    expect(fieldForHeader(header)).toBeUndefined();
  });

  it('drops only a trailing asterisk and punctuation', () => {
    expect(normalizeHeader('Owner Email **  ')).toBe('owneremail');
    expect(normalizeHeader('Tax*Client ID')).toBe('taxclientid');
  });
});

describe('matchHeaders', () => {
  it('finds a header row below a title and blank rows', () => {
    const grid = [['Client list 2026'], [], fullHeader, ['00123', 'Ann']];
    const match = matchHeaders(grid);
    expect(match.headerRowIndex).toBe(2);
    expect(match.missing).toEqual([]);
    expect(match.columns.taxClientId).toBe(0);
    expect(match.columns.isOffline).toBe(10);
  });

  it('accepts columns in any order and keeps unknown columns aside', () => {
    const grid = [['Office', 'Notes', 'Last Name', 'Owner', 'First Name', 'Tax Client ID']];
    const match = matchHeaders(grid);
    expect(match.columns).toEqual({ officeLocation: 0, lastName: 2, ownerEmail: 3, firstName: 4, taxClientId: 5 });
    expect(match.unknownColumns).toEqual([1]);
    expect(match.missing).toEqual([]);
  });

  it('names the required columns that are missing', () => {
    const match = matchHeaders([['Tax Client ID', 'First Name', 'Email']]);
    expect(match.headerRowIndex).toBe(0);
    expect(match.missing.map((c) => c.header)).toEqual(['Taxpayer Last Name', 'Owner Email', 'Office Location']);
  });

  it('reports no header when nothing in the first 20 rows looks like one', () => {
    const grid = [...Array.from({ length: 20 }, () => ['x']), fullHeader];
    const match = matchHeaders(grid);
    expect(match.headerRowIndex).toBe(-1);
    expect(match.missing.map((c) => c.field)).toEqual(['taxClientId', 'firstName', 'lastName', 'ownerEmail', 'officeLocation']);
  });

  it('does not take a lone title cell for the header', () => {
    expect(matchHeaders([['Email'], ['nothing']]).headerRowIndex).toBe(-1);
  });

  it('prefers the row naming the most columns, the first on a tie', () => {
    const grid = [['First Name', 'Last Name'], fullHeader, fullHeader];
    expect(matchHeaders(grid).headerRowIndex).toBe(1);
  });

  it('keeps the first of two cells naming the same column', () => {
    const match = matchHeaders([['Email', 'Taxpayer Email', 'Tax Client ID']]);
    expect(match.columns.email).toBe(0);
    expect(match.unknownColumns).toEqual([1]);
  });
});
