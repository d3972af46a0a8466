/**
 * The RichApi wire format the library sends to Excel (read from excel-web-16.00.debug.js:
 * CommonActionFactory, OperationalApiHelper, ClientRequestContext.processRequestExecutorResponseMessage).
 */
export const enum ActionType {
  Instantiate = 1,
  Query = 2,
  Method = 3,
  SetProperty = 4,
  Trace = 5,
}
export const enum PathType {
  GlobalObject = 1,
  NewObject = 2,
  Method = 3,
  Property = 4,
  Indexer = 5,
  ReferenceId = 6,
  NullObject = 7,
}

export interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}
export interface QueryInfo {
  Select?: string[] | null;
  Expand?: string[] | null;
  Top?: number;
  Skip?: number;
}
export interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}
export interface ObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}
export interface RequestBody {
  Actions: Action[];
  ObjectPaths: Record<string, ObjectPath>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}
export interface ErrorBody {
  Code: string;
  Message: string;
  Location?: string;
  ActionIndex?: number;
  HttpStatusCode: number;
}
export interface ResponseBody {
  Results: ActionResult[];
  Error?: ErrorBody;
}

/** What setCustomSendRequestFunc hands us and expects back. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}
export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** `GetRangeByIndexes` → `getRangeByIndexes`; `_KeepReference` stays. */
export const camel = (wire: string) => (wire.startsWith('_') ? wire : wire.charAt(0).toLowerCase() + wire.slice(1));
/** `values` → `Values`, the key a Query result carries. */
export const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const encoder = new TextEncoder();
const NON_ASCII = /[\u0080-\uffff]/;
/** Node's Buffer counts UTF-8 bytes without encoding a copy; a page (the e2e harness) has no Buffer. */
const nodeByteLength = (globalThis as { Buffer?: { byteLength(text: string, encoding: 'utf8'): number } }).Buffer?.byteLength;
/** UTF-8 size of a body as it travels (a lone surrogate counts as the 3 bytes of U+FFFD, as TextEncoder sends it). */
export function utf8Bytes(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  return nodeByteLength !== undefined ? nodeByteLength(text, 'utf8') : encoder.encode(text).length;
}
