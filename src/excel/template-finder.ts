import { matchHeaders, type ColumnMap, type ColumnSpec, type FieldKey } from '../domain';
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
}

export type TemplateSearch =
  | ({ found: true } & TemplateLocation)
  /** `sheetName` is the best candidate (fewest missing columns), null when no sheet has a header-like row. */
  | { found: false; sheetName: string | null; headerRow: number | null; missing: ColumnSpec[] };

/** Header search looks at this many rows; wider used ranges are cut to this many columns. */
const HEADER_ROWS = 20;
const HEADER_COLUMNS = 256;

interface SheetProbe {
  name: string;
  used: Excel.Range;
  top?: Excel.Range;
}

/**
 * Finds the template: the active sheet first, then the other visible sheets in tab order.
 * Three syncs whatever the workbook size: sheet list, used ranges, the top rows' text.
 */
export async function findTemplate(context: Excel.RequestContext): Promise<TemplateSearch> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  await context.sync();

  const visible = sheets.items.filter((s) => s.visibility === 'Visible' || s.name === active.name);
  const ordered = [...visible.filter((s) => s.name === active.name), ...visible.filter((s) => s.name !== active.name)];
  const probes: SheetProbe[] = ordered.map((sheet) => {
    // valuesOnly: formats we put far below the data (text format, dropdowns) must not count as used.
    const used = untracked(sheet.getUsedRangeOrNullObject(true));
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name: sheet.name, used };
  });
  await context.sync();

  const nonEmpty = probes.filter((p) => !p.used.isNullObject);
  for (const probe of nonEmpty) {
    const { rowIndex, columnIndex, rowCount, columnCount } = probe.used;
    probe.top = untracked(
      sheetOf(context, probe.name).getRangeByIndexes(rowIndex, columnIndex, Math.min(rowCount, HEADER_ROWS), Math.min(columnCount, HEADER_COLUMNS)),
    );
    probe.top.load('text');
  }
  if (nonEmpty.length > 0) await context.sync();

  const candidates = nonEmpty.map(toLocation).filter((c): c is TemplateLocation => c !== null);
  const usable = candidates.find((c) => c.missing.length === 0);
  if (usable !== undefined) return { found: true, ...usable };
  const best = candidates.reduce<TemplateLocation | null>((b, c) => (b === null || c.missing.length < b.missing.length ? c : b), null);
  if (best === null) {
    return { found: false, sheetName: null, headerRow: null, missing: matchHeaders([]).missing };
  }
  return { found: false, sheetName: best.sheetName, headerRow: best.headerRow, missing: best.missing };
}

function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

function toLocation(probe: SheetProbe): TemplateLocation | null {
  const match = matchHeaders(probe.top!.text, HEADER_ROWS);
  if (match.headerRowIndex < 0) return null;
  const { rowIndex, columnIndex, rowCount, columnCount } = probe.used;
  const columns: ColumnMap = {};
  for (const [field, index] of Object.entries(match.columns) as [FieldKey, number][]) columns[field] = columnIndex + index;
  return {
    sheetName: probe.name,
    headerRow: rowIndex + match.headerRowIndex + 1,
    columns,
    missing: match.missing,
    lastRow: rowIndex + rowCount,
    lastColumn: columnIndex + columnCount - 1,
  };
}
