/** The Excel host for a page that has loaded excel-web-16.00.js itself (the e2e harness). */
export { createExcelHost } from './host';
export type { ExcelHost, ExcelHostOptions } from './host';
export type { HostStats } from './stats';
export type { SheetHandle, CellView } from './sheet-handle';
export type { CellInit, SeedCell } from './model/seed';
export { setOfficeRequirements } from './library';
