import type { ImportState } from '../../api';
import { importReducer, initialImport, isRunning, type ImportEvent, type ImportMachine } from './import-machine';
import { ImportStore } from './import-store';

const portal = (done: number, completed = false): ImportState => ({
  importId: 'imp-1',
  doneSeqs: Array.from({ length: done }, (_, i) => i + 1),
  rowsTotal: 30,
  fingerprint: 'f',
  completed,
  counts: { rows: done * 10, imported: done * 9, rejected: done },
});
const run = (...events: ImportEvent[]) => events.reduce(importReducer, initialImport(null));
const start: ImportEvent = { type: 'start', source: 'file:a.xlsx', portal: null };
const read: ImportEvent = { type: 'read', source: 'file:a.xlsx', rowsTotal: 30, marked: null };

describe('one import, as a reducer over explicit phases', () => {
  it('goes idle → reading → importing → writing → done, keeping the counts and the sheet written', () => {
    const events: ImportEvent[] = [
      start,
      read,
      { type: 'portal', state: portal(1) },
      { type: 'sent', importId: 'imp-1', counts: { rows: 30, imported: 28, rejected: 2 } },
      { type: 'written', sheetName: 'Import Exceptions' },
    ];
    const phases: string[] = [];
    events.reduce((m: ImportMachine, e) => {
      const next = importReducer(m, e);
      phases.push(next.phase);
      return next;
    }, initialImport(null));
    expect(phases).toEqual(['reading', 'importing', 'importing', 'writing', 'done']);
    const done = run(
      start,
      read,
      { type: 'sent', importId: 'imp-1', counts: { rows: 30, imported: 28, rejected: 2 } },
      { type: 'written', sheetName: 'Import Exceptions' },
    );
    expect(done.result).toEqual({
      importId: 'imp-1',
      source: 'file:a.xlsx',
      rowsTotal: 30,
      counts: { rows: 30, imported: 28, rejected: 2 },
      completed: true,
      marked: null,
      sheetName: 'Import Exceptions',
    });
  });

  it('one import at a time: a start while one runs is refused and recorded, and changes nothing else', () => {
    const importing = run(start, read, { type: 'portal', state: portal(1) });
    const again = importReducer(importing, { type: 'start', source: 'sheet:Clients', portal: null });
    expect(again).toEqual({ ...importing, refused: 'sheet:Clients' });
    expect(isRunning(again)).toBe(true);
    // Once it is over, a new start begins afresh (and forgets the refusal).
    const next = importReducer(importReducer(again, { type: 'stopped', cancelled: true }), { type: 'start', source: 'sheet:Clients', portal: null });
    expect(next).toMatchObject({ phase: 'reading', source: 'sheet:Clients', refused: null, result: null, progress: null });
  });

  it('a cancel part-way reports what the portal recorded so far, and keeps the import resumable', () => {
    const cancelled = run(start, read, { type: 'portal', state: portal(2) }, { type: 'stopped', cancelled: true });
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.result).toMatchObject({ importId: 'imp-1', completed: false, rowsTotal: 30, counts: { rows: 20, imported: 18, rejected: 2 } });
    expect(cancelled.resumable).toEqual({ source: 'file:a.xlsx', state: portal(2) });
  });

  it('a failure before the portal heard of the import has no result; a resumed one reports its saved state', () => {
    expect(run(start, { type: 'stopped', cancelled: false })).toMatchObject({ phase: 'failed', result: null });
    const resumed = run({ type: 'start', source: 'file:a.xlsx', portal: portal(1) }, { type: 'stopped', cancelled: false });
    expect(resumed.result?.counts).toEqual(portal(1).counts);
  });

  it('a completed portal state is no longer resumable', () => {
    expect(run(start, read, { type: 'portal', state: portal(1) }, { type: 'portal', state: portal(3, true) }).resumable).toBeNull();
  });

  it('ignores what its phase does not expect (a late progress report after a stop, a write before sending)', () => {
    const stopped = run(start, read, { type: 'stopped', cancelled: true });
    expect(importReducer(stopped, { type: 'progress', progress: { rowsDone: 10, rowsTotal: 30, batchesDone: 1, batchesTotal: 3 } })).toBe(stopped);
    const reading = run(start);
    expect(importReducer(reading, { type: 'written', sheetName: 'x' })).toBe(reading);
    expect(importReducer(initialImport(null), { type: 'stopped', cancelled: true })).toEqual(initialImport(null));
  });

  it('the store answers at once and tells its listeners of changes only', () => {
    const store = new ImportStore(null);
    let heard = 0;
    const stop = store.subscribe(() => (heard += 1));
    store.dispatch(start);
    expect(isRunning(store.read())).toBe(true);
    store.dispatch({ type: 'written', sheetName: null }); // not expected while reading: no change, no news
    expect(heard).toBe(1);
    stop();
    store.dispatch(read);
    expect(heard).toBe(1);
    expect(store.read().phase).toBe('importing');
  });
});
