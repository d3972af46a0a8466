import { untracked } from './lean-requests';
import { uniqueSheetName } from './sheet-address';

/**
 * A hidden sheet the add-in keeps for itself (DESIGN §7). It is ours only when its signature cell
 * holds our signature text: a firm's own hidden "Lists" or "Import Marks" sheet has the name but
 * not the signature, so it is never cleared or deleted. A signature cell, rather than a workbook
 * custom property, because it travels with the sheet (copy, move) and needs no API beyond
 * ExcelApi 1.8.
 */
export interface HelperSheetKind {
  /** Names tried in order; past the last one, "Name (2)", "Name (3)", … */
  names: readonly string[];
  signature: string;
  /** Where the signature lives, clear of the cells the sheet's content uses. */
  signatureAddress: string;
}

export interface HelperSheetSearch {
  /** Our sheet of this kind, or null when the workbook has none. */
  ours: Excel.Worksheet | null;
  oursName: string | null;
  /** Every sheet name in the workbook, for naming a new helper sheet. */
  taken: string[];
}

/** Finds our hidden sheet of `kind` by its signature. Two syncs (one when nothing is hidden). */
export async function findHelperSheet(context: Excel.RequestContext, kind: HelperSheetKind): Promise<HelperSheetSearch> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();
  const taken = sheets.items.map((s) => s.name);
  const hidden = sheets.items.filter((s) => s.visibility !== 'Visible');
  if (hidden.length === 0) return { ours: null, oursName: null, taken };
  const probes = hidden.map((sheet) => ({ sheet, cell: untracked(sheet.getRange(kind.signatureAddress)).load('values') }));
  await context.sync();
  const found = probes.find((p) => p.cell.values[0][0] === kind.signature);
  return { ours: found?.sheet ?? null, oursName: found?.sheet.name ?? null, taken };
}

/** Queues a new signed sheet of `kind`, named clear of `taken`; the caller sets its visibility. */
export function addHelperSheet(context: Excel.RequestContext, kind: HelperSheetKind, taken: readonly string[]): { sheet: Excel.Worksheet; name: string } {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const name = kind.names.find((n) => !lower.has(n.toLowerCase())) ?? uniqueSheetName(kind.names[kind.names.length - 1], taken);
  const sheet = context.workbook.worksheets.add(name);
  const cell = untracked(sheet.getRange(kind.signatureAddress));
  cell.numberFormat = [['@']];
  cell.values = [[kind.signature]];
  return { sheet, name };
}

/**
 * Queues the deletion of our helper sheet. Excel refuses to delete a VeryHidden sheet
 * (InvalidOperation; Worksheet.delete in the ExcelApi reference), so it is made Hidden first.
 */
export function deleteHelperSheet(sheet: Excel.Worksheet): void {
  sheet.visibility = 'Hidden';
  sheet.delete();
}
