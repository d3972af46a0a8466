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

/**
 * Address lists for Worksheet.getRanges, each at most `max` characters, joined by `separator`:
 * `addressLists(["A1", "B2", "C3"], 5)` → `["A1,B2", "C3"]`.
 */
export function addressLists(addresses: readonly string[], max = AREAS_ADDRESS_CHARS, separator = ','): string[] {
  const lists: string[] = [];
  let list = '';
  for (const address of addresses) {
    if (list !== '' && list.length + 1 + address.length > max) {
      lists.push(list);
      list = '';
    }
    list = list === '' ? address : `${list}${separator}${address}`;
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
    ? addressLists(addresses, AREAS_ADDRESS_CHARS, listSeparatorOf(sheet.context)).map((list) => untracked(sheet.getRanges(list)).format.fill)
    : addresses.map((address) => untracked(sheet.getRange(address)).format.fill);
  for (const fill of fills) {
    if (color === null) fill.clear();
    else fill.color = color;
  }
}

/**
 * The separator Worksheet.getRanges takes between areas. Its reference says "comma-separated or
 * semicolon-separated", and Excel on the web takes either, but desktop Excel takes only the list
 * separator of the computer's regional settings (";" in German or Czech; office-js issues #1167,
 * #1985), which no Office.js property reports. Excel writes it in a formula's `formulasLocal` ("the
 * English "=SUM(A1, 1.5)" formula would become "=SUMME(A1; 1,5)" in German"), so it is read from a
 * formula put for a moment in a cell of one of our own sheets. Learned once per batch (RequestContext).
 */
const listSeparators = new WeakMap<Excel.RequestContext, string>();

/**
 * Queues the look at the list separator in `scratch`, an empty cell of one of our sheets (left
 * empty); call the returned function after the sync. Null (nothing queued) when this batch knows it already.
 */
export function probeListSeparator(scratch: Excel.Range): (() => void) | null {
  if (listSeparators.has(scratch.context)) return null;
  const cell = untracked(scratch);
  // A text cell would keep the formula as text, in English.
  cell.numberFormat = [['General']];
  cell.formulas = [['=SUM(1,2)']];
  const seen = cell.load('formulasLocal');
  cell.clear('All');
  return () => {
    const separator = /1([^0-9])\s*2\)$/.exec(String(seen.formulasLocal[0][0]))?.[1];
    if (separator !== undefined) listSeparators.set(scratch.context, separator);
  };
}

/** The separator learned by probeListSeparator in this batch; a batch filling areas without one is a bug. */
function listSeparatorOf(context: Excel.RequestContext): string {
  const separator = listSeparators.get(context);
  if (separator === undefined) throw new Error('Address lists need the list separator: call probeListSeparator in this batch first.');
  return separator;
}
