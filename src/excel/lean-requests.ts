// Ways to keep a request small, from "Excel JavaScript API performance optimization"
// (learn.microsoft.com/office/dev/add-ins/excel/performance) and "Work with multiple ranges
// simultaneously" (…/excel/excel-add-ins-multiple-ranges). Each costs the library and Excel work per
// cell or per range otherwise, and bytes in a request that must stay under 5 MB.

/**
 * A range used only within the request that creates it. Inside Excel.run every Range is
 * tracked: it costs a _KeepReference action now and a _RemoveReference in the request Excel.run sends
 * at its end, which at 100,000 cells is a single request of about 22 MiB (over Excel on the web's 5 MB)
 * and a quadratic clean-up in the library. "Untrack unneeded ranges": `Range.untrack()` (ExcelApi 1.3)
 * releases it from the start.
 */
export function untracked<R extends Excel.Range | Excel.RangeAreas>(range: R): R {
  return range.untrack() as R;
}

/**
 * Formats every cell of `range` as text (`@`) with one value, not a 2-D array repeating it:
 * "Update all cells in a range … if you need to apply the same value, the same number format, or the
 * same formula to a range of cells, it's more efficient to specify a single value instead of an array
 * of values." (The typings declare only the array form.)
 */
export function formatAsText(range: Excel.Range): void {
  range.numberFormat = '@' as unknown as string[][];
}

/**
 * Longest address list given to Worksheet.getRanges. Excel refuses lists of about 8,200 characters
 * (office-js issue #5198; the Excel host refuses over 8,192) and the guide advises against large
 * RangeAreas of single cells: a quarter of that, about 250 cells a list.
 */
export const AREAS_ADDRESS_CHARS = 2048;

/** Request bytes one cell or range costs in an address list: its address, a comma, a share of the list's own path. */
export function areaBytes(address: string): number {
  return address.length + 4;
}

/** Comma-delimited lists of `addresses`, each at most `max` characters: `addressLists(["A1", "B2", "C3"], 5)` → `["A1,B2", "C3"]`. */
export function addressLists(addresses: readonly string[], max = AREAS_ADDRESS_CHARS): string[] {
  const lists: string[] = [];
  let list = '';
  for (const address of addresses) {
    if (list !== '' && list.length + 1 + address.length > max) {
      lists.push(list);
      list = '';
    }
    list = list === '' ? address : `${list},${address}`;
  }
  if (list !== '') lists.push(list);
  return lists;
}

/**
 * Fills the ranges at `addresses` on `sheet` with `color`, or clears their fill (`color` null). With
 * `areas` (Worksheet.getRanges, ExcelApi 1.9) a few RangeAreas carry the addresses, "setting a property
 * on a RangeAreas object sets the corresponding property on all the ranges", instead of a range per
 * address with its three object paths and their actions (~700 bytes each; REQUEST_BYTES.fill).
 */
export function fillRanges(sheet: Excel.Worksheet, addresses: readonly string[], color: string | null, areas: boolean): void {
  const fills = areas
    ? addressLists(addresses).map((list) => untracked(sheet.getRanges(list)).format.fill)
    : addresses.map((address) => untracked(sheet.getRange(address)).format.fill);
  for (const fill of fills) {
    if (color === null) fill.clear();
    else fill.color = color;
  }
}
