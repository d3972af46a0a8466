import { chunkByCost, chunkRows, jsonBytes, rowRuns, rowsPerChunk, utf8Length } from './chunking';
import { cellAddress, columnLetters, parseAddress, quoteSheetName, uniqueSheetName } from './sheet-address';
import { cellText } from './cell-text';
import { AREAS_ADDRESS_CHARS, addressLists } from './lean-requests';

describe('chunking', () => {
  it('sizes chunks of 11 columns at roughly 10–20 thousand rows', () => {
    const size = rowsPerChunk(11);
    expect(size).toBeGreaterThanOrEqual(10_000);
    expect(size).toBeLessThanOrEqual(20_000);
  });

  it('never exceeds the 5,000,000-cell read limit', () => {
    expect(rowsPerChunk(1, 0.001) * 1).toBeLessThanOrEqual(5_000_000);
  });

  it('splits rows into chunks covering every row once', () => {
    expect(chunkRows(5, 2)).toEqual([
      { start: 0, count: 2 },
      { start: 2, count: 2 },
      { start: 4, count: 1 },
    ]);
    expect(chunkRows(0, 2)).toEqual([]);
  });

  it('chunks by cost, giving an oversized item a chunk of its own', () => {
    expect(chunkByCost([3, 3, 3], (n) => n, 6)).toEqual([
      { start: 0, count: 2 },
      { start: 2, count: 1 },
    ]);
    expect(chunkByCost([1, 10, 1], (n) => n, 5)).toEqual([
      { start: 0, count: 1 },
      { start: 1, count: 1 },
      { start: 2, count: 1 },
    ]);
  });

  it('groups sheet rows into consecutive runs', () => {
    expect(rowRuns([9, 3, 4, 5, 4])).toEqual([
      { first: 3, count: 3 },
      { first: 9, count: 1 },
    ]);
  });
});

describe('sheet addresses', () => {
  it('names columns and cells', () => {
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(701), columnLetters(702)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(cellAddress(12, 1)).toBe('B12');
  });

  it('parses addresses with a sheet and dollars', () => {
    expect(parseAddress("'My Sheet'!$B$3:$K$20")).toEqual({ firstRow: 3, firstColumn: 1, lastRow: 20, lastColumn: 10 });
    expect(parseAddress('C7')).toEqual({ firstRow: 7, firstColumn: 2, lastRow: 7, lastColumn: 2 });
    // Whole columns and rows, as Excel writes them in change events and range addresses.
    expect(parseAddress('D:D')).toEqual({ firstRow: 1, firstColumn: 3, lastRow: 1_048_576, lastColumn: 3 });
    expect(parseAddress("'My Sheet'!$B:$K")).toEqual({ firstRow: 1, firstColumn: 1, lastRow: 1_048_576, lastColumn: 10 });
    expect(parseAddress('3:3')).toEqual({ firstRow: 3, firstColumn: 0, lastRow: 3, lastColumn: 16_383 });
    expect(parseAddress('Clients!$5:$9')).toEqual({ firstRow: 5, firstColumn: 0, lastRow: 9, lastColumn: 16_383 });
    expect(() => parseAddress('Clients!')).toThrow('Not a cell address');
  });

  it('quotes sheet names and finds a free name ignoring case', () => {
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(uniqueSheetName('Import Exceptions', ['import exceptions', 'Import Exceptions (2)'])).toBe('Import Exceptions (3)');
    expect(uniqueSheetName('Import Exceptions', ['Other'])).toBe('Import Exceptions');
  });
});

describe('cellText', () => {
  it('keeps the digits of a whole number shown in scientific notation', () => {
    expect(cellText(447911123456, '4.47911E+11')).toBe('447911123456');
  });
  it('otherwise returns the displayed text', () => {
    expect(cellText(123, '00123')).toBe('00123');
    expect(cellText(1.5e-7, '1.5E-07')).toBe('1.5E-07');
    expect(cellText('4E+11', '4E+11')).toBe('4E+11');
  });
});

describe('jsonBytes', () => {
  it('counts UTF-8 bytes, as Office sends them, not UTF-16 units', () => {
    expect(jsonBytes(['a'])).toBe(5);
    expect(jsonBytes(['Ω'])).toBe(6);
    expect(jsonBytes(['😀'])).toBe(8);
  });

  it('counts exactly what TextEncoder encodes: 1- to 4-byte characters, lone surrogates as U+FFFD', () => {
    const texts = [
      '',
      'plain',
      'José Nguyễn',
      '€ 漢字',
      '😀😀 pair',
      'lone \ud800 high',
      'lone \udc00 low',
      'ends high \ud83d',
      '\u007f\u0080\u07ff\u0800\uffff',
    ];
    for (const text of texts) expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('addressLists', () => {
  it('joins addresses with commas in lists of at most the given length, keeping every address whole', () => {
    expect(addressLists(['A1', 'B2', 'C3'], 5)).toEqual(['A1,B2', 'C3']);
    expect(addressLists([], 5)).toEqual([]);
    expect(addressLists(['A1:G1', 'A3:G3'], 5)).toEqual(['A1:G1', 'A3:G3']);
    const many = Array.from({ length: 5000 }, (_, i) => `A${i + 2}:G${i + 2}`);
    const lists = addressLists(many);
    expect(lists.join(',')).toBe(many.join(','));
    expect(Math.max(...lists.map((l) => l.length))).toBeLessThanOrEqual(AREAS_ADDRESS_CHARS);
  });
});
