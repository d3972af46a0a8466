// Microsoft's own Excel JavaScript library (@microsoft/office-js, excel-web) loaded in a sandbox, with
// a request executor that records each request body instead of sending it: tests and the bench
// build a request with the add-in's real calls and weigh the JSON Excel on the web would receive.
// Nothing is answered (every request fails after being recorded), so only request sizes are real here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

type ExcelNamespace = typeof Excel;
let loaded: ExcelNamespace | undefined;

function excelLibrary(): ExcelNamespace {
  if (loaded) return loaded;
  const file = createRequire(__filename).resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');
  const sandbox: Record<string, unknown> = {
    navigator: { userAgent: 'node' },
    document: { getElementsByTagName: () => [], createElement: () => ({}), addEventListener: () => undefined, readyState: 'complete' },
    location: { href: 'https://localhost/', search: '', hash: '' },
    setTimeout,
    clearTimeout,
    console,
    Promise,
    JSON,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox, { filename: file });
  loaded = sandbox.Excel as ExcelNamespace;
  // This npm build of excel-web predates notes (ExcelApi 1.18). A note request is weighed as the
  // comment request of the same shape: a collection on the worksheet, the same methods
  // (getItem, getItemOrNullObject, add) with the same arguments, under a longer name ("Comments"),
  // so the weight errs high, never low.
  if (!('notes' in loaded.Worksheet.prototype)) {
    Object.defineProperty(loaded.Worksheet.prototype, 'notes', {
      get(this: Excel.Worksheet) {
        return this.comments;
      },
    });
  }
  return loaded;
}

export interface RecordingContext {
  context: Excel.RequestContext;
  /** Sends what is queued (to the recorder) and returns the request body's UTF-8 size in bytes. */
  requestBytes(): Promise<number>;
}

/**
 * `idsUsed`: object-path and action ids already spent, as later in a long run (ids are numbered
 * per context and written in every path and action, so a request grows with their digits).
 */
export function recordingContext(idsUsed = 0): RecordingContext {
  const Excel = excelLibrary();
  let body: unknown;
  const executor = {
    executeAsync: (_data: unknown, _flags: number, message: { Body: unknown }) => {
      body = message.Body;
      return Promise.resolve({ HttpStatusCode: 500, ErrorCode: 'GeneralException', ErrorMessage: 'recorded, not answered', Headers: {}, Body: null });
    },
  };
  const resolver = {
    _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: 'https://recorder', headers: {} }),
    _createRequestExecutorOrNull: () => executor,
  };
  const context = new Excel.RequestContext(resolver as unknown as string);
  // The library's own id counter (ClientRequestContextBase.m_nextId).
  (context as unknown as { m_nextId: number }).m_nextId = idsUsed;
  return {
    context,
    async requestBytes() {
      body = undefined;
      await context.sync().catch(() => undefined);
      return Buffer.byteLength(JSON.stringify(body ?? {}), 'utf8');
    },
  };
}
