import type { ActivityEvent } from '../../../domain';
import type { ConnectionStatus } from '../../hooks/use-connection';

export interface ConnectViewProps {
  baseUrl: string;
  /** The API key typed in. */
  token: string;
  status: ConnectionStatus;
  firmName: string | null;
  /** Who is connected: "Pat Lee (admin)" for a person, `API key "name"` for a key; null until connected. */
  who: string | null;
  /** A person is signed in (Sign out), rather than an API key connected (Disconnect). */
  signedIn: boolean;
  onBaseUrlChange(value: string): void;
  onTokenChange(value: string): void;
  onConnect(): void;
  onDisconnect(): void;
  signIn: SignInProps;
  /** The firm's activity list, for admins only (null: not shown). */
  activity: { events: ActivityEvent[] | null; onLoad(): void } | null;
}

export interface SignInProps {
  email: string;
  code: string;
  codeSent: boolean;
  busy: boolean;
  canUseProvider: boolean;
  onEmailChange(value: string): void;
  onCodeChange(value: string): void;
  onProvider(): void;
  onRequestCode(): void;
  onCode(): void;
}
