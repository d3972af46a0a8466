import { MAX_COLS, rectA1, type Rect } from './model/a1';
import type { SheetModel } from './model/sheet-model';

/**
 * Worksheet change events, delivered the way Office delivers them to Microsoft's library. The library's
 * `Worksheet.onChanged.add` queues `_RegisterDataChangedEvent` on the sheet (a request this host answers) and
 * waits for `GenericEventRegistration.ready()`, which registers its message handler with
 * `OSF.DDA.RichApi.richApiMessageManager.register` (excel-web-16.00.debug.js). Excel then sends each change as
 * a RichApi message whose entries carry category 65536 (`Constants.eventMessageCategory`), the event type
 * (10: worksheet Changed) and the sheet id as target; the library parses `message`, turns it into
 * `WorksheetChangedEventArgs` (`Worksheet_Changed_EventArgsTransform`) and calls the add-in's handlers.
 * This module plays Office's part: it is the `richApiMessageManager` and sends those messages.
 */
const EVENT_MESSAGE_CATEGORY = 65536;
const WORKSHEET_CHANGED = 10;
/** Worksheet.onRowSorted's event type in the library (`eventType: 19`). */
const WORKSHEET_ROW_SORTED = 19;

interface MessageEntry {
  messageCategory: number;
  messageType: number;
  targetId: string;
  message: string;
}
type RichApiHandler = (message: { entries: MessageEntry[] }) => void;
interface AsyncResult {
  status: 'succeeded' | 'failed';
}

const handlers: RichApiHandler[] = [];

/** Installs the host's side of the library's event path, once per global (jest file or page). */
export function installEventPath(osf: { DDA?: { RichApi?: Record<string, unknown> } } | undefined): void {
  const richApi = osf?.DDA?.RichApi;
  if (!richApi) throw new Error('Excel host: the library has no OSF.DDA.RichApi to deliver events through.');
  if (richApi.richApiMessageManager) return;
  richApi.richApiMessageManager = {
    register(handler: RichApiHandler): Promise<void> {
      handlers.push(handler);
      return Promise.resolve();
    },
    removeHandlerAsync(_event: string, options: { handler: RichApiHandler }, callback: (result: AsyncResult) => void): void {
      const at = handlers.indexOf(options.handler);
      if (at >= 0) handlers.splice(at, 1);
      callback({ status: 'succeeded' });
    },
  };
}

/** Who changed the cells: the user ('Unknown' to the add-in) or the add-in's own request ('ThisLocalAddin', ExcelApi 1.14). */
export type TriggerSource = 'Unknown' | 'ThisLocalAddin';

/**
 * A change on `sheet`, as Excel reports it after the edit: one event per edited area, after the current task.
 * `changeType` (Excel.DataChangeType): "RangeEdited" for values, "RowInserted" ("represents inserting rows") and
 * "RowDeleted" ("represents deleting rows") with the whole rows as the address.
 */
export function sendChanged(
  sheet: SheetModel,
  rect: Rect,
  triggerSource: TriggerSource,
  single?: { before: unknown; after: unknown },
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted' = 'RangeEdited',
): void {
  if (sheet.changeListeners === 0) return;
  const args = {
    changeType,
    source: 'Local',
    address: rectA1(rect),
    shiftDirection: 'None',
    triggerSource,
    // "details ... can be retrieved when the changed event is triggered on a single cell" (WorksheetChangedEventArgs).
    ...(single ? { valueBefore: single.before, valueAfter: single.after } : {}),
  };
  deliver(sheet, WORKSHEET_CHANGED, args);
}

/**
 * A sort of rows on `sheet` (Worksheet.onRowSorted, ExcelApi 1.10): WorksheetRowSortedEventArgs "address: Gets the range
 * address that represents the sorted areas of a specific worksheet. Only rows changed as a result of the sort operation
 * are returned." The host reports the sorted rows whole (every row of the sorted block), never fewer.
 */
export function sendRowSorted(sheet: SheetModel, rect: Rect): void {
  if (sheet.sortListeners === 0) return;
  deliver(sheet, WORKSHEET_ROW_SORTED, { address: rectA1({ ...rect, col: 0, cols: MAX_COLS }), source: 'Local', worksheetId: sheet.id });
}

function deliver(sheet: SheetModel, messageType: number, args: object): void {
  const message = { entries: [{ messageCategory: EVENT_MESSAGE_CATEGORY, messageType, targetId: sheet.id, message: JSON.stringify(args) }] };
  setTimeout(() => {
    for (const handler of [...handlers]) handler(message);
  }, 0);
}

/** Sends the changes the last request made on every sheet, as the add-in's own (its trigger source). */
export function sendRequestChanges(sheets: readonly SheetModel[]): void {
  for (const sheet of sheets) {
    for (const rect of sheet.changes.splice(0)) sendChanged(sheet, rect, 'ThisLocalAddin');
    for (const { kind, rect } of sheet.rowEvents.splice(0))
      if (kind === 'RowSorted') sendRowSorted(sheet, rect);
      else sendChanged(sheet, rect, 'ThisLocalAddin', undefined, kind);
  }
}
