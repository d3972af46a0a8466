import { onOpen, readPart, readRelationships, type XlsxPackage } from './package-parts';
import { attribute } from './xml-scanner';

/**
 * The 1-based rows of a sheet that are an Excel table's totals row, as the open sheet's template search
 * finds them (Table.showTotals): each table part related from the sheet whose `totalsRowCount` is set
 * has its totals rows at the bottom of its `ref` (ECMA-376 Part 1, §18.5.1.2: `ref` is "the range of cells
 * this table covers", header and totals rows included). Reads only the sheet's relationships and its tables.
 */
export async function readTotalsRows(pkg: XlsxPackage, sheetPath: string): Promise<Set<number>> {
  const rows = new Set<number>();
  const rels = await readRelationships(pkg, sheetPath);
  for (const rel of rels.values()) {
    if (!rel.type.endsWith('/table')) continue;
    await readPart(
      pkg,
      rel.path,
      onOpen((name, attrs) => {
        if (name !== 'table') return;
        const count = Number(attribute(attrs, 'totalsRowCount') ?? 0);
        const last = /(\d+)$/.exec(attribute(attrs, 'ref') ?? '');
        if (last === null || !Number.isInteger(count)) return;
        for (let k = 0; k < count; k += 1) rows.add(Number(last[1]) - k);
      }),
    );
  }
  return rows;
}
