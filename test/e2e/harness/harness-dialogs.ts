import type { DialogLike, DialogUi } from '../../../src/taskpane/services/office-dialog';

/**
 * Office.context.ui.displayDialogAsync for the harness, as Office documents it: the URL opens in a new window (Office
 * on the web opens a popup); the callback gets an AsyncResult whose value is the Dialog; its page's messageParent
 * raises DialogMessageReceived with `{ message, origin }`; closing the window raises DialogEventReceived 12006.
 */
export function harnessDialogs(): DialogUi {
  return {
    displayDialogAsync(url, options, callback) {
      if (new URL(url, window.location.href).origin !== window.location.origin) {
        callback({ status: 'failed', value: undefined as unknown as DialogLike, error: { code: 12004, message: 'Domain is not trusted.' } });
        return;
      }
      const opened = window.open(url, '_blank', `popup,width=${Math.round(options.width * 10)},height=${Math.round(options.height * 10)}`);
      if (!opened) {
        callback({ status: 'failed', value: undefined as unknown as DialogLike, error: { code: 12007, message: 'The dialog could not open.' } });
        return;
      }
      const handlers: Record<string, ((arg: never) => void)[]> = {};
      const raise = (type: string, arg: unknown) => (handlers[type] ?? []).forEach((h) => h(arg as never));
      const onMessage = (event: MessageEvent) => {
        const data = event.data as { officeDialogMessage?: unknown } | null;
        if (event.source !== opened || event.origin !== window.location.origin || typeof data?.officeDialogMessage !== 'string') return;
        raise('dialogMessageReceived', { message: data.officeDialogMessage, origin: event.origin });
      };
      window.addEventListener('message', onMessage);
      const watch = window.setInterval(() => {
        if (!opened.closed) return;
        window.clearInterval(watch);
        window.removeEventListener('message', onMessage);
        if (!closedByAddin) raise('dialogEventReceived', { error: 12006 });
      }, 200);
      let closedByAddin = false;
      const dialog: DialogLike = {
        addEventHandler: (type, handler) => void (handlers[String(type)] ??= []).push(handler as (arg: never) => void),
        close: () => {
          closedByAddin = true;
          opened.close();
        },
      };
      callback({ status: 'succeeded', value: dialog });
    },
  };
}
