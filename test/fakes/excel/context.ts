import { officeError } from './errors';
import { Engine, Op } from './request';
import { FakeApplication, FakeWorkbook } from './workbook';

/** The fake Excel.RequestContext: queues actions, runs them at sync() against the shared engine. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects: { add(o: unknown): void; remove(o: unknown): void; readonly count: number };
  private _queue: Op[] = [];
  private _closed = false;
  private _tracked = new Set<unknown>();

  constructor(readonly _engine: Engine) {
    const tracked = this._tracked;
    this.trackedObjects = {
      add: (o) => { for (const x of Array.isArray(o) ? o : [o]) tracked.add(x); },
      remove: (o) => { for (const x of Array.isArray(o) ? o : [o]) tracked.delete(x); },
      get count() { return tracked.size; },
    };
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  _enqueue(op: Op): void {
    if (this._closed) throw officeError('InvalidRequestContext', 'This request context has finished (its Excel.run returned); objects from it cannot be used.', op.where);
    this._queue.push(op);
  }

  get _pending(): number { return this._queue.length; }

  _close(): void { this._closed = true; }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this._closed) throw officeError('InvalidRequestContext', 'This request context has finished (its Excel.run returned).');
    const ops = this._queue;
    this._queue = [];
    await Promise.resolve();  // a real sync is always asynchronous
    this._engine.execute(ops);
    return passThroughValue as T;
  }
}
