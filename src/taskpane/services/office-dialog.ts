/** The part of Office.context.ui the pane uses to open a dialog (the e2e harness gives its own, as Office documents it). */
export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: { height: number; width: number; promptBeforeOpen?: boolean },
    callback: (result: { status: 'succeeded' | 'failed' | Office.AsyncResultStatus; value: DialogLike; error?: { code: number; message: string } }) => void,
  ): void;
}

export interface DialogLike {
  addEventHandler(eventType: Office.EventType | string, handler: (arg: { message: string; origin?: string } | { error: number; type?: string }) => void): void;
  close(): void;
}

// Office.EventType's values, spelled out so the harness (with no office.js) passes the same strings.
const DIALOG_MESSAGE = 'dialogMessageReceived';
const DIALOG_EVENT = 'dialogEventReceived';

/**
 * Opens `url` in an Office dialog and resolves with the first message the page sends with messageParent;
 * the dialog is closed then. Rejects when it cannot open or the person closes it (12006).
 */
export function openDialog(ui: DialogUi, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status === 'failed') return reject(new Error(`The sign-in window could not open (${result.error?.message ?? 'unknown error'}).`));
      const dialog = result.value;
      dialog.addEventHandler(DIALOG_MESSAGE, (arg) => {
        dialog.close();
        if ('message' in arg) resolve(arg.message);
      });
      dialog.addEventHandler(DIALOG_EVENT, (arg) => {
        if ('error' in arg) reject(new Error(arg.error === 12006 ? 'The sign-in window was closed.' : `The sign-in window failed (${arg.error}).`));
      });
    });
  });
}
