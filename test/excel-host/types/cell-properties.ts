import { colName, quoteSheet } from '../model/a1';
import { notModelled } from '../model/errors';
import { Exec } from '../exec';
import { liveSheet, RangeTarget } from './range-target';

/**
 * Range.getCellProperties (ExcelApi 1.9): "Returns a 2D array, encapsulating the data for each cell's
 * font, fill, borders, alignment, and other properties." The host answers `address` and
 * `format.fill.color` (white for a cell without a fill, as RangeFill.color reads); anything else asked
 * fails as not modelled.
 */
export function getCellProperties(t: RangeTarget, [options]: unknown[], x: Exec): unknown[][] {
  const where = 'Range.getCellProperties';
  const s = liveSheet(t.sheet, where);
  const asked = (options ?? {}) as { address?: unknown; format?: { fill?: { color?: unknown } } };
  for (const key of Object.keys(asked)) if (key !== 'address' && key !== 'format') throw notModelled(`${where} (${key})`);
  const fill = asked.format?.fill?.color === true;
  if (asked.format && (!fill || Object.keys(asked.format).length > 1 || Object.keys(asked.format.fill ?? {}).length > 1))
    throw notModelled(`${where} (format other than fill.color)`);
  x.read(t.rect.rows * t.rect.cols, where);
  return Array.from({ length: t.rect.rows }, (_, i) =>
    Array.from({ length: t.rect.cols }, (_, j) => {
      const row = t.rect.row + i;
      const col = t.rect.col + j;
      const out: Record<string, unknown> = {};
      if (asked.address === true) out.address = `${quoteSheet(s.name)}!${colName(col)}${row + 1}`;
      if (fill) out.format = { fill: { color: s.cell(row, col)?.fill ?? '#FFFFFF' } };
      return out;
    }),
  );
}
