import type { ConnectionStatus } from '../../hooks/use-connection';

export interface ConnectViewProps {
  baseUrl: string;
  token: string;
  status: ConnectionStatus;
  firmName: string | null;
  onBaseUrlChange(value: string): void;
  onTokenChange(value: string): void;
  onConnect(): void;
  onDisconnect(): void;
}
