import { Button, Field, Input, Spinner } from '@fluentui/react-components';
import { useViewStyles } from '../shell/pane-styles';
import type { SignInProps } from './ConnectView.types';

const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text.trim());

/** A person signs in as themselves: through the firm's identity provider, or with a code e-mailed to them. */
export function SignInForm(props: SignInProps) {
  const styles = useViewStyles();
  const ready = looksLikeEmail(props.email) && !props.busy;
  return (
    <section className={styles.stack} aria-label="Sign in">
      <Field label="Work e-mail">
        <Input type="email" value={props.email} onChange={(_, d) => props.onEmailChange(d.value)} autoComplete="email" />
      </Field>
      <div className={styles.row}>
        {props.canUseProvider && (
          <Button appearance="primary" disabled={!ready} onClick={props.onProvider}>
            Sign in with your firm’s account
          </Button>
        )}
        <Button disabled={!ready} onClick={props.onRequestCode}>
          E-mail me a code
        </Button>
        {props.busy && <Spinner size="tiny" label="Signing in…" />}
      </div>
      {props.codeSent && (
        <div className={styles.row}>
          <Field label="Sign-in code">
            <Input value={props.code} inputMode="numeric" autoComplete="one-time-code" onChange={(_, d) => props.onCodeChange(d.value)} />
          </Field>
          <Button appearance="primary" disabled={!/^\d{6}$/.test(props.code.trim()) || props.busy} onClick={props.onCode}>
            Sign in with code
          </Button>
        </div>
      )}
    </section>
  );
}
