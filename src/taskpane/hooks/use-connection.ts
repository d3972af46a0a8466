import { useCallback, useEffect, useMemo, useState } from 'react';
import { createPortalClient, createSignInClient, SessionKeeper, type PortalClient } from '../../api';
import type { Firm, Me, SessionTokens } from '../../domain';
import type { PaneServices } from '../services/pane-services';
import type { SettingsStore } from '../services/settings-store';
import type { Reporter } from './use-error-bar';

export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected';

/** How the pane reaches the portal: a signed-in person's session, or an API key (scripts' way, kept for the pane too). */
export type Credential = { kind: 'session'; tokens: SessionTokens } | { kind: 'key'; token: string };

interface SavedConnection {
  baseUrl: string;
  /** An API key. */
  token?: string;
  session?: SessionTokens;
}

export interface Connection {
  baseUrl: string;
  token: string;
  setBaseUrl(value: string): void;
  setToken(value: string): void;
  status: ConnectionStatus;
  firm: Firm | null;
  /** Who is connected (a person and their role, or an API key), once connected (null if the portal did not say). */
  me: Me | null;
  /** Connected through a person's session (Sign out), not an API key. */
  signedIn: boolean;
  /** Present once connected. */
  client: PortalClient | null;
  /** Connects with the API key typed in. */
  connect(): Promise<void>;
  /** Connects with a session the person just signed in to. */
  openSession(tokens: SessionTokens): Promise<void>;
  /** Signs the person out (their session ends on the portal) or forgets the API key. */
  disconnect(): void;
}

const savedCredential = (saved: SavedConnection | null): Credential | null =>
  saved?.session ? { kind: 'session', tokens: saved.session } : saved?.token ? { kind: 'key', token: saved.token } : null;

/** The portal connection, kept per workbook partition; reconnects on load when saved. */
export function useConnection(services: PaneServices, settings: SettingsStore, bar: Reporter): Connection {
  const saved = useMemo(() => settings.read<SavedConnection>('connection'), [settings]);
  const [baseUrl, setBaseUrl] = useState(saved?.baseUrl ?? services.defaultBaseUrl);
  const [token, setToken] = useState(saved?.token ?? '');
  // 'connecting' from the start when a saved credential will reconnect, so the ribbon's requests wait for it.
  const [status, setStatus] = useState<ConnectionStatus>(savedCredential(saved) ? 'connecting' : 'disconnected');
  const [firm, setFirm] = useState<Firm | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [signedIn, setSignedIn] = useState(false);
  const [client, setClient] = useState<PortalClient | null>(null);

  const forget = useCallback(() => {
    settings.remove('connection');
    setFirm(null);
    setMe(null);
    setSignedIn(false);
    setClient(null);
    setToken('');
    setStatus('disconnected');
  }, [settings]);

  const open = useCallback(
    async (address: string, credential: Credential) => {
      setStatus('connecting');
      const save = (c: SavedConnection) => settings.write('connection', c);
      const session =
        credential.kind === 'session'
          ? new SessionKeeper(credential.tokens, createSignInClient(address, services.fetch).refresh, (next) =>
              next ? save({ baseUrl: address, session: next }) : settings.remove('connection'),
            )
          : undefined;
      const token = credential.kind === 'key' ? credential.token : '';
      const candidate = createPortalClient({
        baseUrl: address,
        token: token.trim(),
        session,
        fetch: services.fetch,
      });
      try {
        const answer = await candidate.firm();
        // Who is calling is for the Connect view only: a portal without /me (or a hiccup) does not stop the pane.
        const who = await candidate.me().catch(() => null);
        save(session ? { baseUrl: address, session: session.current() } : { baseUrl: address, token: token.trim() });
        setFirm(answer);
        setMe(who);
        setSignedIn(Boolean(session));
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
    const credential = savedCredential(saved);
    if (saved && credential) void open(saved.baseUrl, credential);
  }, [saved, open]);

  return {
    baseUrl,
    token,
    setBaseUrl,
    setToken,
    status,
    firm,
    me,
    signedIn,
    client,
    connect: () => open(baseUrl, { kind: 'key', token }),
    openSession: (tokens) => open(baseUrl, { kind: 'session', tokens }),
    disconnect: () => {
      // The session ends on the portal too; the pane forgets it either way.
      if (signedIn) void client?.signOut().catch(() => undefined);
      forget();
    },
  };
}
