import { headerArea, locateHeader, matchHeaders, orderCandidates, preferTemplate, type CellArea, type ColumnMap, type ColumnSpec } from '../domain';
import { untracked } from './lean-requests';

/** Where the client template sits in the workbook. */
export interface TemplateLocation {
  sheetName: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Field → 0-based sheet column index. */
  columns: ColumnMap;
  /** Required columns not found; empty for a usable template. */
  missing: ColumnSpec[];
  /** 1-based sheet row of the last row holding a value (the header row when there are no data rows). */
  lastRow: number;
  /** 0-based sheet column index of the last column holding a value. */
  lastColumn: number;
  /** 1-based sheet rows that are an Excel table's totals row (Table.showTotals): read as no client. */
  totalsRows?: readonly number[];
}

export type TemplateSearch =
  | ({ found: true } & TemplateLocation)
  /** `sheetName` is the best candidate (fewest missing columns), null when no sheet has a header-like row. */
  | { found: false; sheetName: string | null; headerRow: number | null; missing: ColumnSpec[] };

interface SheetProbe {
  name: string;
  used: Excel.Range;
  tables: Excel.TableCollection;
  totals?: Excel.Range[];
  top?: Excel.Range;
  area?: CellArea;
}

/**
 * Finds the template: the active sheet first, then the other visible sheets in tab order (the search
 * itself is src/domain/template-search.ts; this only fetches the cells it asks for).
 * Three syncs whatever the workbook size: sheet list, used ranges (and which tables show a totals
 * row), the top rows' text (and where those totals rows are).
 */
export async function findTemplate(context: Excel.RequestContext): Promise<TemplateSearch> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  await context.sync();

  const listed = sheets.items.map((sheet) => ({ sheet, name: sheet.name, visible: sheet.visibility === 'Visible' }));
  const ordered = orderCandidates(
    listed,
    listed.findIndex((s) => s.name === active.name),
  );
  const probes: SheetProbe[] = ordered.map(({ sheet, name }) => {
    // valuesOnly: formats we put far below the data (text format, dropdowns) must not count as used.
    const used = untracked(sheet.getUsedRangeOrNullObject(true));
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const tables = sheet.tables.load('items/showTotals');
    return { name, used, tables };
  });
  await context.sync();

  const nonEmpty = probes.filter((p) => !p.used.isNullObject);
  for (const probe of nonEmpty) {
    const { rowIndex, columnIndex, rowCount, columnCount } = probe.used;
    probe.area = headerArea({ rowIndex, columnIndex, rowCount, columnCount });
    probe.top = untracked(
      sheetOf(context, probe.name).getRangeByIndexes(probe.area.rowIndex, probe.area.columnIndex, probe.area.rowCount, probe.area.columnCount),
    );
    probe.top.load('text');
    probe.totals = probe.tables.items.filter((t) => t.showTotals).map((t) => untracked(t.getTotalRowRange()).load('rowIndex'));
  }
  if (nonEmpty.length > 0) await context.sync();

  const best = nonEmpty.map(toLocation).reduce<TemplateLocation | null>(preferTemplate, null);
  if (best === null) {
    return { found: false, sheetName: null, headerRow: null, missing: matchHeaders([]).missing };
  }
  if (best.missing.length === 0) return { found: true, ...best };
  return { found: false, sheetName: best.sheetName, headerRow: best.headerRow, missing: best.missing };
}

function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

function toLocation(probe: SheetProbe): TemplateLocation | null {
  const header = locateHeader(probe.top!.text, probe.area!);
  if (header === null) return null;
  const { rowIndex, columnIndex, rowCount, columnCount } = probe.used;
  const totalsRows = (probe.totals ?? []).map((range) => range.rowIndex + 1);
  const location = { sheetName: probe.name, ...header, lastRow: rowIndex + rowCount, lastColumn: columnIndex + columnCount - 1 };
  return totalsRows.length > 0 ? { ...location, totalsRows } : location;
}
