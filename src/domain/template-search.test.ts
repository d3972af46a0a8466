import { HEADER_COLUMNS, HEADER_ROWS, headerArea, locateHeader, orderCandidates, preferTemplate, relativeColumns } from './template-search';

describe('the header search both readers share', () => {
  it('orders sheets: the active one first (even hidden), then the visible ones in tab order', () => {
    const sheets = [
      { name: 'A', visible: true },
      { name: 'B', visible: false },
      { name: 'C', visible: true },
      { name: 'D', visible: true },
    ];
    expect(orderCandidates(sheets, 2).map((s) => s.name)).toEqual(['C', 'A', 'D']);
    expect(orderCandidates(sheets, 1).map((s) => s.name)).toEqual(['B', 'A', 'C', 'D']);
    expect(orderCandidates(sheets, -1).map((s) => s.name)).toEqual(['A', 'C', 'D']);
  });

  it('fetches at most the first rows and columns of the used area', () => {
    expect(headerArea({ rowIndex: 3, columnIndex: 2, rowCount: 100_000, columnCount: 16_384 })).toEqual({
      rowIndex: 3,
      columnIndex: 2,
      rowCount: HEADER_ROWS,
      columnCount: HEADER_COLUMNS,
    });
    expect(headerArea({ rowIndex: 0, columnIndex: 0, rowCount: 4, columnCount: 11 })).toEqual({ rowIndex: 0, columnIndex: 0, rowCount: 4, columnCount: 11 });
  });

  it('places the header found in the fetched cells on the sheet', () => {
    const area = { rowIndex: 4, columnIndex: 2, rowCount: 3, columnCount: 3 };
    const header = locateHeader(
      [
        ['Client list', '', ''],
        ['Notes', 'Tax Client ID', 'First Name*'],
        ['x', '001', 'Ann'],
      ],
      area,
    );
    expect(header).toMatchObject({ headerRow: 6, columns: { taxClientId: 3, firstName: 4 } });
    expect(header?.missing.map((c) => c.field)).toEqual(['lastName', 'ownerEmail', 'officeLocation']);
    expect(locateHeader([['Client list'], ['Tax Client ID']], area)).toBeNull();
  });

  it('prefers the first complete candidate, else the first with the fewest missing', () => {
    const c = (name: string, missing: number) => ({ name, missing: new Array<string>(missing).fill('x') });
    const pick = (...candidates: (ReturnType<typeof c> | null)[]) => candidates.reduce(preferTemplate, null)?.name ?? null;
    expect(pick(c('a', 2), c('b', 0), c('c', 0))).toBe('b');
    expect(pick(c('a', 2), null, c('b', 1), c('c', 1))).toBe('b');
    expect(pick(null, null)).toBeNull();
  });

  it('reads data rows from the leftmost to the rightmost mapped column', () => {
    expect(relativeColumns({ mobile: 7, taxClientId: 3, firstName: 5 })).toEqual({
      left: 3,
      width: 5,
      columns: { mobile: 4, taxClientId: 0, firstName: 2 },
      digitColumns: [3, 7],
    });
  });
});
