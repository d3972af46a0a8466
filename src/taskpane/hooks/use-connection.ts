import { useCallback, useEffect, useMemo, useState } from 'react';
import { createPortalClient, type PortalClient } from '../../api';
import type { Firm } from '../../domain';
import type { PaneServices } from '../services/pane-services';
import type { SettingsStore } from '../services/settings-store';
import type { Reporter } from './use-error-bar';

export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected';

interface SavedConnection {
  baseUrl: string;
  token: string;
}

export interface Connection {
  baseUrl: string;
  token: string;
  setBaseUrl(value: string): void;
  setToken(value: string): void;
  status: ConnectionStatus;
  firm: Firm | null;
  /** Present once connected. */
  client: PortalClient | null;
  connect(): Promise<void>;
  disconnect(): void;
}

/** Backend address + firm token, kept per workbook partition; reconnects on load when saved. */
export function useConnection(services: PaneServices, settings: SettingsStore, bar: Reporter): Connection {
  const saved = useMemo(() => settings.read<SavedConnection>('connection'), [settings]);
  const [baseUrl, setBaseUrl] = useState(saved?.baseUrl ?? services.defaultBaseUrl);
  const [token, setToken] = useState(saved?.token ?? '');
  // 'connecting' from the start when a saved token will reconnect, so the ribbon's requests wait for it.
  const [status, setStatus] = useState<ConnectionStatus>(saved?.token ? 'connecting' : 'disconnected');
  const [firm, setFirm] = useState<Firm | null>(null);
  const [client, setClient] = useState<PortalClient | null>(null);

  const open = useCallback(
    async (address: string, secret: string) => {
      setStatus('connecting');
      const candidate = createPortalClient({ baseUrl: address, token: secret.trim(), fetch: services.fetch });
      try {
        const answer = await candidate.firm();
        settings.write('connection', { baseUrl: address, token: secret.trim() } satisfies SavedConnection);
        setFirm(answer);
        setClient(candidate);
        setStatus('connected');
        bar.clear();
      } catch (error) {
        setStatus('disconnected');
        bar.fail(error);
      }
    },
    [services.fetch, settings, bar],
  );

  useEffect(() => {
    if (saved?.token) void open(saved.baseUrl, saved.token);
  }, [saved, open]);

  return {
    baseUrl,
    token,
    setBaseUrl,
    setToken,
    status,
    firm,
    client,
    connect: () => open(baseUrl, token),
    disconnect: () => {
      settings.remove('connection');
      setFirm(null);
      setClient(null);
      setToken('');
      setStatus('disconnected');
    },
  };
}
