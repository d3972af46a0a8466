import { MAX_COLS, MAX_ROWS } from '../model/a1';
import { invalidArgument } from '../model/errors';
import { SheetModel } from '../model/sheet-model';
import { HostType, ref } from '../host-type';
import { rangeArg } from './range-target';
import { rangeType } from './range';

function freeze(s: SheetModel, rows: unknown, cols: unknown, where: string): null {
  const r = Number(rows),
    c = Number(cols);
  if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0) throw invalidArgument('Bad freeze count.', where);
  s.frozenRows = r;
  s.frozenCols = c;
  return null;
}

/** worksheet.freezePanes */
export const freezePanesType: HostType<SheetModel> = {
  name: 'WorksheetFreezePanes',
  methods: {
    freezeRows: (s, [n]) => freeze(s, n ?? 1, 0, 'WorksheetFreezePanes.freezeRows'),
    freezeColumns: (s, [n]) => freeze(s, 0, n ?? 1, 'WorksheetFreezePanes.freezeColumns'),
    unfreeze: (s) => freeze(s, 0, 0, 'WorksheetFreezePanes.unfreeze'),
    /** Freezes everything above and left of the bottom-right of the range. */
    freezeAt: (s, [at], x) => {
      const { rect } = rangeArg(
        at,
        'WorksheetFreezePanes.freezeAt',
        () => s,
        (n) => x.model.get(n, 'WorksheetFreezePanes.freezeAt'),
      );
      s.frozenRows = rect.rows === MAX_ROWS ? 0 : rect.row + rect.rows;
      s.frozenCols = rect.cols === MAX_COLS ? 0 : rect.col + rect.cols;
      return null;
    },
    getLocationOrNullObject: (s) =>
      !s.frozenRows && !s.frozenCols
        ? null
        : ref(rangeType, { sheet: s, rect: { row: 0, col: 0, rows: s.frozenRows || MAX_ROWS, cols: s.frozenCols || MAX_COLS } }),
  },
};
