import { useCallback, useEffect, useState } from 'react';
import type { Client, ClientRow } from '../../domain';
import type { FirmLists, TemplateLocation, TemplateSearch } from '../../excel';
import type { WorkbookPort } from '../workbook/workbook-port';
import type { Connection } from './use-connection';
import type { Reporter } from './use-error-bar';
import type { ActionGate } from './action-gate';
import { useBusy } from './use-busy';
import { rowStatuses } from './portal-status';
import { count } from '../format';

export interface TemplateState {
  search: TemplateSearch | null;
  busy: string | null;
  /** Prepare template has run on this template since the pane found it. */
  prepared: boolean;
  refresh(): Promise<TemplateLocation | null>;
  /** The template as it is now, without touching the pane's message or busy state (for a step of a larger task). */
  locate(): Promise<TemplateLocation | null>;
  insert(): Promise<void>;
  prepare(): Promise<void>;
  fillDown(): Promise<void>;
  refreshStatus(): Promise<void>;
  markUnconnectedOffline(): Promise<void>;
}

/** The Template view's actions: find, insert, prepare, fill Is Offline down, portal status, mark offline. */
export function useTemplate(
  workbook: WorkbookPort,
  connection: Connection,
  reporter: Reporter,
  gate: ActionGate,
  onStatus: (rows: readonly ClientRow[], clients: readonly Client[]) => void = () => undefined,
): TemplateState {
  const [search, setSearch] = useState<TemplateSearch | null>(null);
  const [preparedOn, setPreparedOn] = useState<string | null>(null);
  const { busy, act } = useBusy(reporter, gate);
  const lists = (): FirmLists => ({ owners: connection.firm?.owners ?? [], offices: connection.firm?.offices ?? [] });

  const refresh = useCallback(async () => {
    const found = await workbook.findTemplate();
    setSearch(found);
    return found.found ? found : null;
  }, [workbook]);

  useEffect(() => {
    refresh().catch((error: unknown) => reporter.fail(error));
  }, [refresh, reporter]);

  /** The template as it is now (the user may have edited since), or an error naming what is missing. */
  const current = async (): Promise<TemplateLocation> => {
    const found = await refresh();
    if (!found) throw new Error('No client import template found in this workbook. Insert one from the Template view.');
    return found;
  };
  const needFirm = () => {
    if (!connection.client) throw new Error('Connect to the portal first.');
    return connection.client;
  };

  return {
    search,
    busy,
    prepared: search?.found === true && preparedOn === search.sheetName,
    refresh: () => act('Looking for the template', refresh).then((t) => t ?? null),
    locate: refresh,
    insert: async () => {
      await act('Inserting a template', async () => {
        await workbook.insertTemplate(lists());
        await refresh();
        reporter.say({ intent: 'success', text: 'Template inserted. Type or paste your clients below the header.' });
      });
    },
    prepare: async () => {
      await act('Preparing the template', async () => {
        const template = await current();
        const result = await workbook.prepare(template, lists());
        setPreparedOn(template.sheetName);
        await refresh();
        const parts = ['Template prepared: Tax Client ID is text, Is Offline has a Yes/No dropdown'];
        if (connection.firm) parts.push('Owner and Office have the firm’s dropdowns');
        if (result.idsConvertedToText > 0) parts.push(`${count(result.idsConvertedToText, 'ID')} turned into text`);
        reporter.say({ intent: 'success', text: `${parts.join('; ')}.` });
      });
    },
    fillDown: async () => {
      await act('Filling Is Offline down', async () => {
        const result = await workbook.fillDown(await current());
        if (result.value === null) reporter.say({ intent: 'warning', text: 'Choose Yes or No in Is Offline on the first client row, then fill down.' });
        else reporter.say({ intent: 'success', text: `Is Offline set to ${result.value} on ${count(result.rows, 'more row')}.` });
      });
    },
    refreshStatus: async () => {
      await act('Refreshing portal status', async () => {
        const template = await current();
        const [rows, clients] = await Promise.all([workbook.readRows(template), needFirm().allClients({})]);
        const statuses = rowStatuses(rows, clients);
        onStatus(rows, clients);
        await workbook.writeStatusColumn(template, new Map(statuses.map((s) => [s.row, s.label])));
        reporter.say({ intent: 'success', text: `Portal status written for ${count(rows.length, 'row')}.` });
      });
    },
    markUnconnectedOffline: async () => {
      await act('Marking unconnected clients offline', async () => {
        const template = await current();
        const [rows, clients] = await Promise.all([workbook.readRows(template), needFirm().allClients({ kind: 'standard' })]);
        const targets = rowStatuses(rows, clients)
          .filter((s) => s.unconnected)
          .map((s) => s.row);
        const written = await workbook.setOffline(template, targets);
        reporter.say({ intent: 'success', text: `Is Offline set to Yes on ${count(written, 'row')} whose client has not connected.` });
      });
    },
  };
}
