import { createExcelHost, type CellInit, type ExcelHost, type ExcelHostOptions, type SeedCell } from '../excel-host';
import type { CellSpec, WorkbookSpec } from './workbook-spec';

/**
 * The same workbook open in Excel (the Excel host), so the in-Excel path can read what the
 * dropped-file path reads from the saved file. A formula holds its result, as Excel computes it.
 * `host`: another locale or desktop Excel.
 */
export function openInExcel(spec: WorkbookSpec, host: Pick<ExcelHostOptions, 'locale' | 'platform'> = {}): ExcelHost {
  if (spec.date1904) throw new Error('The Excel host has the 1900 date system only');
  const excel = createExcelHost(host);
  spec.sheets.forEach((sheet, index) => {
    const grid: SeedCell[][] = [];
    for (const cell of sheet.cells) {
      const [row, column] = position(cell.ref);
      (grid[row] ??= [])[column] = seed(cell);
    }
    const dense = Array.from(grid, (line) => Array.from(line ?? [], (c) => c ?? null));
    const handle = excel.addSheet(sheet.name, dense, { activate: index === spec.active });
    for (const area of sheet.merges ?? []) handle.merge(area);
    if (sheet.hidden) handle.visible = false;
  });
  return excel;
}

function seed(cell: CellSpec): SeedCell {
  const numberFormat = cell.format;
  switch (cell.kind) {
    case 'date':
      return { value: (Date.parse(`${cell.value}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000, numberFormat };
    case 'formula':
      return { formula: `=${cell.value}`, value: cell.cached ?? '', numberFormat } satisfies CellInit;
    case 'error':
      return { error: cell.value };
    default:
      return { value: cell.value, numberFormat };
  }
}

function position(ref: string): [number, number] {
  const letters = /^[A-Z]+/.exec(ref)![0];
  const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(ref.slice(letters.length)) - 1, column];
}
