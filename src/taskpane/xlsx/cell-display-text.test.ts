import { cellDisplayText } from './cell-display-text';

describe('cellDisplayText', () => {
  it('keeps leading zeros a 00000 format shows', () => {
    expect(cellDisplayText({ value: 123, numFmt: '00000' })).toBe('00123');
  });
  it('keeps every digit of a long whole number instead of scientific notation', () => {
    expect(cellDisplayText({ value: 447911123456 })).toBe('447911123456');
  });
  it('reads formulas as their result, errors as their code, rich text as its text', () => {
    expect(cellDisplayText({ value: { formula: 'A1&B1', result: 'Ann' } })).toBe('Ann');
    expect(cellDisplayText({ value: { error: '#N/A' } })).toBe('#N/A');
    expect(cellDisplayText({ value: { richText: [{ text: 'Le' }, { text: 'e' }] } })).toBe('Lee');
  });
  it('shows dates as m/d/yyyy and blanks as empty text', () => {
    expect(cellDisplayText({ value: new Date(Date.UTC(2024, 0, 5)) })).toBe('1/5/2024');
    expect(cellDisplayText({ value: null })).toBe('');
  });
});
