// The add-in's work inside a workbook. Everything takes an Excel.RequestContext and is run
// through the door (createExcelDoor), the only place Excel.run is called and Office errors caught.
export { createExcelDoor, AREAS_REQUIREMENT, BASE_REQUIREMENT, NOTES_REQUIREMENT, SORT_EVENTS_REQUIREMENT } from './excel-door';
export type { ExcelDoor, ExcelDoorDeps, ExcelRun, RequirementSet, RunOptions } from './excel-door';
export { ExcelError, toExcelError } from './excel-error';
export type { ExcelErrorCode } from './excel-error';
export { readRegionalSettings, REGIONAL_REQUIREMENT } from './regional-settings';
export { findTemplate } from './template-finder';
export type { TemplateLocation, TemplateSearch } from './template-finder';
export { prepareTemplate, PREPARED_EXTRA_ROWS } from './template-preparation';
export type { FirmLists, PreparationResult } from './template-preparation';
export { fillDownIsOffline, setIsOffline } from './fill-down';
export type { OfflineChoice } from './fill-down';
export { readClientRows } from './row-reader';
export type { ReadRowsOptions } from './row-reader';
export { markIssues, clearMarks, MARK_FILL, MARKS_SHEET } from './cell-marks';
export type { MarkOptions } from './cell-marks';
export { writeExceptionSheet, EXCEPTION_SHEET, EXCEPTION_HEADERS, REJECTED_FILL } from './exception-sheet';
export type { ExceptionReport, ExceptionSource, ExceptionSheetOptions, ExceptionSheetResult } from './exception-sheet';
export { insertTemplateSheet, TEMPLATE_SHEET } from './template-insertion';
export { selectCell } from './cell-selection';
export { writeStatusColumn, STATUS_HEADER } from './status-column';
export { remarkRows } from './live-marks';
export { watchChanges, stopWatching, changeOf } from './sheet-changes';
export type { SheetChange, Watch } from './sheet-changes';
