// General format shows integers of 12+ digits in scientific notation ("4.47911E+11"); the user
// still sees every digit in the formula bar, and a phone number or ID must keep them.
const SCIENTIFIC = /^-?\d(\.\d+)?E[+-]?\d+$/i;

/**
 * The text a cell stands for: its displayed text, except a whole number squeezed into
 * scientific notation, which keeps its digits. `cellText(447911123456, "4.47911E+11")` → "447911123456"
 */
export function cellText(value: unknown, text: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && SCIENTIFIC.test(text.trim())) return String(value);
  return text;
}
