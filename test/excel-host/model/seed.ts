import { SheetModel } from './sheet-model';
import { ERROR_VALUES } from './typing';

/** How a test seeds a cell directly (bypassing Excel's typing rules). */
export interface CellInit {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  text?: string;
  error?: string;
}
export type SeedCell = string | number | boolean | null | CellInit;

export function seedSheet(s: SheetModel, rows: SeedCell[][], startRow: number, startCol: number): void {
  rows.forEach((row, i) =>
    row.forEach((seed, j) => {
      if (seed === null || seed === undefined) return;
      const r = startRow + i,
        c = startCol + j;
      if (typeof seed !== 'object') {
        if (seed !== '') s.ensure(r, c).v = seed;
        return;
      }
      const cell = s.ensure(r, c);
      if (seed.error !== undefined) {
        if (!ERROR_VALUES.has(seed.error)) throw new Error(`Unknown Excel error value ${seed.error}`);
        cell.v = seed.error;
        cell.err = true;
      } else if (seed.value !== undefined) cell.v = seed.value;
      if (seed.formula !== undefined) cell.f = seed.formula;
      if (seed.numberFormat !== undefined) cell.nf = seed.numberFormat;
      if (seed.text !== undefined) cell.t = seed.text;
    }),
  );
}
