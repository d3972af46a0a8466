import { dateToSerial, formatGeneral, formatText } from './number-format';

describe('displayed text from value and number format', () => {
  it.each([
    [123, 'General', '123'],
    [0.1 + 0.2, 'General', '0.3'],
    [123456789012, 'General', '1.23457E+11'],
    [123, '@', '123'],
    ['00123', '@', '00123'],
    [123, '00000', '00123'],
    [123456, '00000', '123456'],
    [3.14159, '0.00', '3.14'],
    [2.5, '0', '3'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.256, '0%', '26%'],
    [-5, '0.00', '-5.00'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [45657, 'm/d/yyyy', '12/31/2024'],
    [45657, 'yyyy-mm-dd', '2024-12-31'],
    [45657, 'd-mmm-yy', '31-Dec-24'],
    [45657.5, 'h:mm AM/PM', '12:00 PM'],
    [true, 'General', 'TRUE'],
    [false, '0', 'FALSE'],
  ])('%p in %p shows %p', (value, fmt, text) => {
    expect(formatText(value, fmt)).toBe(text);
  });

  it('shows error values as themselves', () => {
    expect(formatText('#N/A', 'General', true)).toBe('#N/A');
  });

  it('uses the 1900 date system with its fictitious 29 Feb 1900', () => {
    expect(dateToSerial(1900, 1, 1)).toBe(1);
    expect(dateToSerial(1900, 3, 1)).toBe(61);
    expect(dateToSerial(2024, 12, 31)).toBe(45657);
    expect(formatText(1, 'm/d/yyyy')).toBe('1/1/1900');
  });

  it('General keeps to about 11 characters', () => {
    expect(formatGeneral(1 / 3)).toBe('0.333333333');
    expect(formatGeneral(-1234.5)).toBe('-1234.5');
  });
});
