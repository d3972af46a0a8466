// The dialog side of office.js in the e2e harness's sign-in page: Office.onReady, and Office.context.ui.messageParent,
// which (as Office documents it) delivers the message to the page that opened the dialog, whose handler gets a
// DialogMessageReceived event carrying `message` and `origin`. Here the dialog is a window the harness opened.
const messageParent = (message: string) => {
  if (!window.opener) throw new Error('messageParent: this page was not opened as a dialog');
  (window.opener as Window).postMessage({ officeDialogMessage: message }, window.location.origin);
};

(window as unknown as { Office: unknown }).Office = {
  onReady: (callback?: (info: { host: null; platform: null }) => void) => {
    callback?.({ host: null, platform: null });
    return Promise.resolve({ host: null, platform: null });
  },
  context: { ui: { messageParent } },
};
