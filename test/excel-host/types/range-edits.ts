import { intersect, MAX_ROWS } from '../model/a1';
import { invalidArgument, officeError } from '../model/errors';
import { Exec } from '../exec';
import { liveSheet, RangeTarget } from './range-target';
import { emptyValue } from '../model/sheet-model';

type Method = (t: RangeTarget, args: unknown[], x: Exec) => unknown;

/** Range methods that change the sheet: select, merge, unmerge, clear. */
export const rangeEdits: Record<string, Method> = {
  select: (t, _args, x) => {
    if (t.sheet.visibility !== 'Visible') throw officeError('InvalidOperation', 'Cannot select on a hidden sheet.', 'Range.select');
    x.model.active = t.sheet;
    x.model.selection = { sheet: t.sheet, rect: t.rect };
    return null;
  },
  merge: ({ sheet: s, rect }, [across], x) => {
    const areas = across ? Array.from({ length: rect.rows }, (_, i) => ({ ...rect, row: rect.row + i, rows: 1 })) : [rect];
    if (s.merges.some((m) => intersect(m, rect))) throw officeError('MergedRangeConflict', 'The range overlaps merged cells; unmerge first.', 'Range.merge');
    if (x.model.tables.some((tb) => tb.sheet === s && intersect(tb.rect, rect)))
      throw officeError('InvalidOperation', 'Cannot merge cells in a table.', 'Range.merge');
    for (const a of areas) if (a.rows * a.cols > 1) s.merge(a);
    return null;
  },
  unmerge: (t) => {
    const s = liveSheet(t.sheet, 'Range.unmerge');
    s.merges = s.merges.filter((m) => !intersect(m, t.rect));
    return null;
  },
  /** clear('All' | 'Contents' | 'Formats' | 'Hyperlinks' | 'RemoveHyperlinks'). */
  clear: ({ sheet: s, rect }, [given]) => {
    const applyTo = given ?? 'All';
    const contents = applyTo === 'All' || applyTo === 'Contents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
    if (!contents && !formats && !links) throw invalidArgument(`Bad applyTo '${applyTo}'.`, 'Range.clear');
    if (contents && s.changeListeners > 0) s.changes.push(rect);
    for (const [r, c, cell] of [...s.existing(rect)]) {
      if (contents) emptyValue(cell);
      if (formats) {
        delete cell.nf;
        delete cell.fill;
        delete cell.bold;
        delete cell.italic;
        delete cell.color;
      }
      if (links) delete cell.link;
      if (Object.keys(cell).length === 1 && cell.v === '') s.rows.get(r)![c] = undefined;
    }
    if (formats && rect.row === 0 && rect.rows === MAX_ROWS) for (let c = rect.col; c < rect.col + rect.cols; c++) s.columnFormats.delete(c);
    return null;
  },
};
