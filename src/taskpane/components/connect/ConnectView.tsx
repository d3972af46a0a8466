import { Button, Field, Input, Spinner, Text } from '@fluentui/react-components';
import { useViewStyles } from '../shell/pane-styles';
import type { ConnectViewProps } from './ConnectView.types';

/** Backend address and firm token; the firm's name once connected. */
export function ConnectView(props: ConnectViewProps) {
  const styles = useViewStyles();
  const connected = props.status === 'connected';
  return (
    <section className={styles.view} aria-label="Connect to the portal">
      {connected ? (
        <Text weight="semibold">Connected to {props.firmName}</Text>
      ) : (
        <Text className={styles.hint}>Checks work without a connection. Connect to add the firm’s dropdowns and to import.</Text>
      )}
      <Field label="Backend address">
        <Input value={props.baseUrl} disabled={connected} onChange={(_, d) => props.onBaseUrlChange(d.value)} placeholder="https://localhost:3000" />
      </Field>
      <Field label="Firm token">
        <Input type="password" value={props.token} disabled={connected} onChange={(_, d) => props.onTokenChange(d.value)} />
      </Field>
      <div className={styles.row}>
        {connected ? (
          <Button onClick={props.onDisconnect}>Disconnect</Button>
        ) : (
          <Button appearance="primary" disabled={!props.token.trim() || props.status === 'connecting'} onClick={props.onConnect}>
            Connect
          </Button>
        )}
        {props.status === 'connecting' && <Spinner size="tiny" label="Connecting…" />}
      </div>
    </section>
  );
}
