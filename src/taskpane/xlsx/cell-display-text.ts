/** The bits of an exceljs cell we read; kept structural so this file needs no exceljs import. */
export interface XlsxCellLike {
  value: unknown;
  text?: string;
  numFmt?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The text Excel would show for a saved cell, which is what the template is read as (DESIGN §3):
 * `123` in a `00000` cell → `"00123"`, a date → `m/d/yyyy`, a formula → its cached result,
 * an error → `#N/A`. Formats beyond zero-padding and dates fall back to the plain value.
 */
export function cellDisplayText(cell: XlsxCellLike): string {
  const value = unwrap(cell.value);
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCMonth() + 1}/${value.getUTCDate()}/${value.getUTCFullYear()}` + (hasTime(value) ? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : '');
  }
  if (typeof value === 'number') {
    const zeros = cell.numFmt?.match(/^0+$/)?.[0];
    if (zeros && Number.isInteger(value) && value >= 0) return String(value).padStart(zeros.length, '0');
    // Large whole numbers (IDs, phone numbers): keep every digit rather than 4.47911E+11.
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function hasTime(d: Date): boolean {
  return d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0;
}

function unwrap(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return unwrap(v.result);
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((p) => p.text).join('');
  if ('error' in v) return v.error;
  if ('text' in v) return unwrap(v.text); // hyperlink cells
  return '';
}
