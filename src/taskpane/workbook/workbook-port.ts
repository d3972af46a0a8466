import { EN_US_SETTINGS, type ClientRow, type Issue, type RegionalSettings } from '../../domain';
import {
  AREAS_REQUIREMENT,
  clearMarks,
  fillDownIsOffline,
  findTemplate,
  insertTemplateSheet,
  markIssues,
  NOTES_REQUIREMENT,
  SORT_EVENTS_REQUIREMENT,
  prepareTemplate,
  readClientRows,
  remarkRows,
  selectCell,
  stopWatching,
  watchChanges,
  setIsOffline,
  writeExceptionSheet,
  writeStatusColumn,
  type ExceptionSheetResult,
  type ExceptionReport,
  type ExceptionSource,
  type ExcelDoor,
  type FirmLists,
  type OfflineChoice,
  type PreparationResult,
  type SheetChange,
  type TemplateLocation,
  type TemplateSearch,
  readRegionalSettings,
  REGIONAL_REQUIREMENT,
} from '../../excel';

/** The workbook as the pane's hooks see it: one call per user step, each one Excel.run through the door. */
export interface WorkbookPort {
  findTemplate(): Promise<TemplateSearch>;
  insertTemplate(lists: FirmLists): Promise<TemplateLocation>;
  prepare(template: TemplateLocation, lists: FirmLists): Promise<PreparationResult>;
  fillDown(template: TemplateLocation): Promise<{ value: OfflineChoice | null; rows: number }>;
  setOffline(template: TemplateLocation, sheetRows: readonly number[]): Promise<number>;
  readRows(template: TemplateLocation): Promise<ClientRow[]>;
  markIssues(template: TemplateLocation, issues: readonly Issue[]): Promise<number>;
  /** The data rows `firstRow`…`lastRow` (1-based sheet rows), blank rows left out. */
  readRowsAt(template: TemplateLocation, firstRow: number, lastRow: number): Promise<ClientRow[]>;
  /** Our marks on `rows` replaced by marks for `issues` (those of these rows); other rows' marks stay. */
  remarkRows(template: TemplateLocation, rows: readonly number[], issues: readonly Issue[]): Promise<number>;
  /** Calls `onChange` for each change of values on the sheet until the returned stop() is called. */
  watchChanges(sheetName: string, onChange: (change: SheetChange) => void): Promise<() => Promise<void>>;
  clearMarks(): Promise<number>;
  writeExceptions(report: ExceptionReport, source: ExceptionSource | null): Promise<ExceptionSheetResult>;
  selectCell(sheetName: string, row: number, column: number): Promise<void>;
  writeStatusColumn(template: TemplateLocation, statusByRow: ReadonlyMap<number, string>): Promise<number>;
  /** How this Excel shows numbers and dates (en-US where Excel cannot say: before ExcelApi 1.12). */
  regionalSettings(): Promise<RegionalSettings>;
  /** Hears of a step Excel has not answered for 60 s (what to tell the user), and null once Excel answers; returns the unsubscribe. */
  onSlowExcel(listener: (notice: string | null) => void): () => void;
}

export function createWorkbookPort(door: ExcelDoor): WorkbookPort {
  const notes = () => door.supports(NOTES_REQUIREMENT);
  // Optional: fills go through Worksheet.getRanges where Excel has it, one range per cell elsewhere.
  const areas = () => door.supports(AREAS_REQUIREMENT);
  return {
    findTemplate: () => door.run((c) => findTemplate(c), { step: 'looking for the template' }),
    insertTemplate: (lists) => door.run((c) => insertTemplateSheet(c, lists), { step: 'inserting the template sheet' }),
    prepare: (template, lists) => door.run((c) => prepareTemplate(c, template, lists), { step: 'preparing the template' }),
    fillDown: (template) => door.run((c) => fillDownIsOffline(c, template), { step: 'filling Is Offline down' }),
    setOffline: (template, rows) => door.run((c) => setIsOffline(c, template, rows, 'Yes'), { step: 'setting Is Offline' }),
    readRows: (template) => door.run((c) => readClientRows(c, template), { step: 'reading the client rows' }),
    markIssues: (template, issues) =>
      door.run((c) => markIssues(c, template, issues, { notes: notes(), areas: areas() }), {
        step: 'marking invalid cells',
        requires: notes() ? [NOTES_REQUIREMENT] : [],
      }),
    readRowsAt: (template, firstRow, lastRow) =>
      door.run((c) => readClientRows(c, { ...template, headerRow: firstRow - 1, lastRow }), { step: 'reading the changed rows' }),
    remarkRows: (template, rows, issues) =>
      door.run((c) => remarkRows(c, template, rows, issues, { notes: notes(), areas: areas() }), {
        step: 'marking the changed rows',
        requires: notes() ? [NOTES_REQUIREMENT] : [],
      }),
    watchChanges: async (sheetName, onChange) => {
      const handler = await door.run((c) => watchChanges(c, sheetName, onChange, door.supports(SORT_EVENTS_REQUIREMENT)), {
        step: 'watching the template for changes',
      });
      return () => door.run(() => stopWatching(handler), { step: 'no longer watching the template' });
    },
    clearMarks: () => door.run((c) => clearMarks(c, { areas: areas(), notes: notes() }), { step: 'clearing the marks' }),
    writeExceptions: (report, source) => door.run((c) => writeExceptionSheet(c, report, source, { areas: areas() }), { step: 'writing the exception sheet' }),
    selectCell: (sheetName, row, column) => door.run((c) => selectCell(c, sheetName, row, column), { step: 'selecting the cell' }),
    onSlowExcel: (listener) => door.onSlow(listener),
    regionalSettings: async () =>
      door.supports(REGIONAL_REQUIREMENT)
        ? door.run((c) => readRegionalSettings(c), { requires: [REGIONAL_REQUIREMENT], step: 'reading the regional settings' })
        : EN_US_SETTINGS,
    writeStatusColumn: (template, statuses) => door.run((c) => writeStatusColumn(c, template, statuses), { step: 'writing the Portal Status column' }),
  };
}
