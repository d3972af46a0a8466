import { Button, Field, Input, Spinner, Text } from '@fluentui/react-components';
import { useViewStyles } from '../shell/pane-styles';
import { ActivityList } from './ActivityList';
import type { ConnectViewProps } from './ConnectView.types';
import { SignInForm } from './SignInForm';

/** Backend address, signing in (or an API key), who is connected, and the firm's activity for admins. */
export function ConnectView(props: ConnectViewProps) {
  const styles = useViewStyles();
  const connected = props.status === 'connected';
  if (connected)
    return (
      <section className={styles.view} aria-label="Connect to the portal">
        <Text weight="semibold">Connected to {props.firmName}</Text>
        {props.who && <Text>{props.signedIn ? `Signed in as ${props.who}` : `Connected with ${props.who}`}</Text>}
        <div className={styles.row}>
          <Button onClick={props.onDisconnect}>{props.signedIn ? 'Sign out' : 'Disconnect'}</Button>
        </div>
        {props.activity && <ActivityList events={props.activity.events} onLoad={props.activity.onLoad} />}
      </section>
    );
  return (
    <section className={styles.view} aria-label="Connect to the portal">
      <Text className={styles.hint}>Checks work without a connection. Sign in to add the firm’s dropdowns and to import.</Text>
      <Field label="Backend address">
        <Input value={props.baseUrl} onChange={(_, d) => props.onBaseUrlChange(d.value)} placeholder="https://localhost:3000" />
      </Field>
      <SignInForm {...props.signIn} />
      <div className={styles.stack}>
        <Text className={styles.hint}>Or connect with an API key from a firm admin.</Text>
        <Field label="API key">
          <Input type="password" value={props.token} onChange={(_, d) => props.onTokenChange(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button disabled={!props.token.trim() || props.status === 'connecting'} onClick={props.onConnect}>
            Connect
          </Button>
          {props.status === 'connecting' && <Spinner size="tiny" label="Connecting…" />}
        </div>
      </div>
    </section>
  );
}
