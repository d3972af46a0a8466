// Production entry: wait for Office, then mount the pane on the real workbook (or say plainly we are outside Excel).
import { sharedPaneInbox } from '../commands/pane-inbox';
import { createExcelDoor } from '../excel';
import { mountPane } from './mount-pane';
import { saveFileInBrowser } from './services/save-file';
import { createWorkbookPort } from './workbook/workbook-port';

void Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  const door = inExcel
    ? createExcelDoor({
        run: (batch, options) => Excel.run(options ?? {}, batch),
        isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
      })
    : null;
  mountPane({
    workbook: door ? createWorkbookPort(door) : null,
    fetch: (url, init) => window.fetch(url, init),
    storage: window.localStorage,
    partitionKey: inExcel ? Office.context.partitionKey : undefined,
    defaultBaseUrl: window.location.origin,
    ribbonInbox: sharedPaneInbox(window),
    saveFile: saveFileInBrowser,
  });
});
