/* eslint-disable @typescript-eslint/no-explicit-any */
import { installEventPath } from './events';
import { addNotesApi } from './library-notes';
import type { WireRequest, WireResponse } from './protocol';

/** Microsoft's Excel library as loaded on the page (the harness) or by load-library.ts (Node). */
export interface OfficeLibrary {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
}

type Answer = (request: WireRequest) => Promise<WireResponse>;
const hosts = new Map<string, Answer>();
let installed = false;

export function officeLibrary(): OfficeLibrary {
  const g = globalThis as any;
  if (!g.Excel?.RequestContext || !g.OfficeExtension?.HttpUtility)
    throw new Error('Excel host: @microsoft/office-js (excel-web-16.00.js) is not loaded; import test/excel-host (Node) or load the script first (browser).');
  addNotesApi(g.Excel, g.OfficeExtension);
  installEventPath(g.OSF);
  if (!installed) {
    // One send function for the process: each host answers the requests sent to its own URL.
    g.OfficeExtension.HttpUtility.setCustomSendRequestFunc((request: WireRequest) => {
      const answer = [...hosts.entries()].find(([url]) => request.url.startsWith(url))?.[1];
      if (!answer)
        return Promise.resolve({
          statusCode: 404,
          headers: {},
          body: JSON.stringify({ error: { code: 'GeneralException', message: `No Excel host at ${request.url}` } }),
        });
      return answer(request);
    });
    installed = true;
  }
  return { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
}

let next = 0;
/** Registers a host; its contexts are made with the returned URL. */
export function registerHost(answer: Answer): string {
  const url = `https://excel-host-${++next}.invalid/`;
  hosts.set(url, answer);
  return url;
}

let lentWindow = false;
/**
 * Requirement sets below the newest. The library checks each member's set itself before queuing it
 * (`OfficeExtension.Utility.throwIfApiNotSupported`: "The method or property … is part of the ExcelApi
 * 1.9 requirement set, which is not available in your version of Excel.", code `ApiNotFound`), asking
 * `window.Office.context.requirements.isSetSupported`, as on a page where office.js runs. Node has no
 * `Office`, so the check is off unless a test sets one here; `null` takes it away again (afterEach).
 * Returns the same function, for the add-in's door.
 */
export function setOfficeRequirements<F extends (name: string, version?: string) => boolean>(isSetSupported: F | null): F | null {
  const g = globalThis as any;
  officeLibrary();
  g.OfficeExtension.CommonUtility._doApiNotSupportedCheck = isSetSupported !== null;
  if (isSetSupported === null) {
    if (lentWindow) delete g.window;
    else if (g.window) delete g.window.Office;
    lentWindow = false;
    return null;
  }
  // A window only while a test sets one: a window left behind makes other Node code (PGlite) believe it runs in a browser.
  if (g.window === undefined) {
    g.window = {};
    lentWindow = true;
  }
  g.window.Office = { context: { requirements: { isSetSupported } } };
  return isSetSupported;
}
