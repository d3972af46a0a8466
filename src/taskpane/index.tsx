// Production entry: wait for Office, then mount the pane on the real workbook (or say plainly we are outside Excel).
import { sharedPaneInbox } from '../commands/pane-inbox';
import { createExcelDoor } from '../excel';
import { mountPane } from './mount-pane';
import { openDialog, type DialogUi } from './services/office-dialog';
import { saveFileInBrowser } from './services/save-file';
import { createWorkbookPort } from './workbook/workbook-port';

/** Office.addin.onVisibilityModeChanged (SharedRuntime 1.1): closing the pane hides it; the page lives on. */
function paneVisibility(listener: (visible: boolean) => void): () => void {
  if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) return () => undefined;
  let remove: (() => Promise<void>) | null = null;
  let stopped = false;
  void Office.addin
    .onVisibilityModeChanged((args) => listener(args.visibilityMode === Office.VisibilityMode.taskpane))
    .then((off) => (stopped ? void off() : (remove = off)));
  return () => {
    stopped = true;
    void remove?.();
  };
}

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
    signInDialog: inExcel ? (url) => openDialog(Office.context.ui as unknown as DialogUi, url) : undefined,
    onPaneVisibility: inExcel ? paneVisibility : undefined,
  });
});
