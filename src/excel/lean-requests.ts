// Two ways to keep a request small, from "Excel JavaScript API performance optimization"
// (learn.microsoft.com/office/dev/add-ins/excel/performance). Each costs the library and Excel work
// per cell or per range otherwise, and bytes in a request that must stay under 5 MB.

/**
 * A range used only within the request that creates it. Inside Excel.run every Range is
 * tracked: it costs a _KeepReference action now and a _RemoveReference in the request Excel.run sends
 * at its end, which at 100,000 cells is a single request of about 22 MiB (over Excel on the web's 5 MB)
 * and a quadratic clean-up in the library. "Untrack unneeded ranges": `Range.untrack()` (ExcelApi 1.3)
 * releases it from the start.
 */
export function untracked(range: Excel.Range): Excel.Range {
  return range.untrack();
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
