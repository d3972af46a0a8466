import { sendRequestChanges } from './events';
import { Exec, Limits } from './exec';
import { ref, Ref } from './host-type';
import { execute } from './interpreter';
import { WorkbookModel } from './model/workbook-model';
import { ErrorBody, RequestBody, ResponseBody, utf8Bytes, WireRequest, WireResponse } from './protocol';
import { HostStats } from './stats';
import { workbookType } from './types/workbook';

/** What a test asks of the next requests: fail one, or never answer it. */
export type Injection = { kind: 'fail'; code: string; message: string } | { kind: 'hang' } | { kind: 'hold'; released: Promise<void> };

export interface HostState {
  model: WorkbookModel;
  limits: Limits;
  stats: HostStats;
  members: Set<string>;
  references: Map<string, Ref>;
  /** Injections by request number (1-based, counted over the host's life). */
  injections: Map<number, Injection>;
  /** While set, every request fails as Excel does while the user edits a cell (or waits, with delayForCellEdit). */
  cellEdit: boolean;
  /** Requests sent with delayForCellEdit, waiting for the edit to end. */
  editWaiters: (() => void)[];
}

const reply = (body: ResponseBody): WireResponse => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const failure = (error: Omit<ErrorBody, 'HttpStatusCode'>, status = 400): WireResponse => reply({ Results: [], Error: { ...error, HttpStatusCode: status } });

/** Answers one request of the real library: limits, injections, then the interpreter. */
export function answer(state: HostState, request: WireRequest): Promise<WireResponse> {
  const s = state.stats;
  const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const bytes = utf8Bytes(text);
  s.syncs++;
  s.requests++;
  s.totalRequestBytes += bytes;
  s.maxRequestBytes = Math.max(s.maxRequestBytes, bytes);
  const injected = state.injections.get(s.syncs);
  if (injected?.kind === 'hang') return new Promise<WireResponse>(() => undefined);
  // A slow request that works: applied now, answered once the test releases it.
  if (injected?.kind === 'hold') return run(state, text, bytes, undefined).then((response) => injected.released.then(() => response));
  // RunOptions.delayForCellEdit: "the batch request will be executed after the user exits cell edit mode".
  if (state.cellEdit && !injected && delaysForCellEdit(request.url))
    return new Promise<void>((resolve) => state.editWaiters.push(resolve)).then(() => run(state, text, bytes, undefined));
  return run(state, text, bytes, injected);
}

/** The library marks a delayForCellEdit request with flag 64 in its URL (onBeforeExcelRun). */
const delaysForCellEdit = (url: string) => (Number(/[?&]flags=(\d+)/.exec(url)?.[1] ?? 0) & 64) !== 0;

function run(state: HostState, text: string, bytes: number, injected: Injection | undefined): Promise<WireResponse> {
  const s = state.stats;
  const refused = refusal(state, injected, bytes);
  if (refused) {
    s.failedSyncs++;
    return Promise.resolve(refused);
  }

  const x = new Exec(state.model, state.limits, state.members, state.references);
  const body = execute(JSON.parse(text) as RequestBody, ref(workbookType, state.model), x);
  s.cellsRead += x.cellsRead;
  // The add-in's own writes raise change events too, after the request (their trigger source says whose).
  sendRequestChanges(state.model.sheets);
  let response = reply(body);
  const size = utf8Bytes(response.body);
  s.totalResponseBytes += size;
  s.maxResponseBytes = Math.max(s.maxResponseBytes, size);
  if (size > state.limits.maxResponseBytes) {
    // Excel has run the request (its writes stay), but the answer is too large to send.
    response = failure(
      {
        Code: 'ResponsePayloadSizeLimitExceeded',
        Message: `The response payload size (${size} bytes) has exceeded the limit (${state.limits.maxResponseBytes} bytes).`,
      },
      413,
    );
  }
  if (body.Error || size > state.limits.maxResponseBytes) s.failedSyncs++;
  return Promise.resolve(response);
}

/** A request Excel refuses whole, applying nothing of it. */
function refusal(state: HostState, injected: Injection | undefined, bytes: number): WireResponse | null {
  if (injected?.kind === 'fail') return failure({ Code: injected.code, Message: injected.message });
  if (state.cellEdit)
    return failure({
      Code: 'InvalidOperationInCellEditMode',
      Message:
        "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
    });
  if (bytes > state.limits.maxRequestBytes)
    return failure(
      {
        Code: 'RequestPayloadSizeLimitExceeded',
        Message: `The request payload size (${bytes} bytes) has exceeded the limit (${state.limits.maxRequestBytes} bytes).`,
      },
      413,
    );
  return null;
}
