import { useCallback, useState } from 'react';
import type { PortalClient } from '../../api';
import type { ImportListItem } from '../../domain';
import type { WorkbookPort } from '../workbook/workbook-port';
import type { ActionGate } from './action-gate';
import { useBusy } from './use-busy';
import type { Reporter } from './use-error-bar';

export interface HistoryState {
  items: ImportListItem[];
  /** More imports to load (the portal answered with a cursor). */
  hasMore: boolean;
  busy: string | null;
  /** The first page again; the same function for as long as the client is (a view may load on mount with it). */
  load(): Promise<void>;
  loadMore(): Promise<void>;
  /** Writes an import's exception report into a new sheet (rows link back when its template sheet is here). */
  writeSheet(item: ImportListItem): Promise<void>;
}

const PAGE = 20;

/** The firm's past imports (GET /imports, newest first), a page at a time. */
export function useHistory(client: PortalClient | null, workbook: WorkbookPort, reporter: Reporter, gate: ActionGate): HistoryState {
  const [items, setItems] = useState<ImportListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const { busy, act } = useBusy(reporter);

  const page = useCallback(
    async (cursor: string | null) => {
      if (!client) throw new Error('Connect to the portal to see past imports.');
      const answer = await client.imports({ limit: PAGE, cursor: cursor ?? undefined });
      setItems((before) => (cursor ? [...before, ...answer.imports] : answer.imports));
      setNext(answer.next);
    },
    [client],
  );

  const load = useCallback(async () => void (await act('Loading past imports', () => page(null))), [act, page]);

  return {
    items,
    hasMore: next !== null,
    busy,
    load,
    loadMore: async () => void (await act('Loading more imports', () => page(next))),
    writeSheet: async (item) => {
      const label = 'Writing the exception sheet';
      // Loading pages only talks to the portal; writing a sheet takes its turn with the workbook's other actions.
      await act(label, () =>
        gate.run(label, async () => {
          if (!client) throw new Error('Connect to the portal first.');
          const [rows, found] = await Promise.all([client.report(item.id), workbook.findTemplate()]);
          // Link rows back only when the import came from a sheet of this workbook that is still the template.
          const link =
            found.found && item.source === `sheet:${found.sheetName}` ? { sheetName: found.sheetName, linkColumn: found.columns.taxClientId ?? 0 } : null;
          const sheet = await workbook.writeExceptions({ importId: item.id, rows }, link);
          reporter.say({ intent: 'success', text: `The report of import ${item.id} is on the sheet ${sheet.sheetName}.` });
        }),
      );
    },
  };
}
