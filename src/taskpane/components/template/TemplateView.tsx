import { Button, Spinner, Text } from '@fluentui/react-components';
import { n } from '../../format';
import { useViewStyles } from '../shell/pane-styles';
import type { TemplateViewProps } from './TemplateView.types';

/** Found / not found, and the actions that make a template ready to import. */
export function TemplateView(props: TemplateViewProps) {
  const styles = useViewStyles();
  const idle = props.busy === null;
  return (
    <section className={styles.view} aria-label="Template">
      {props.looking ? (
        <Spinner size="tiny" label="Looking for the template…" />
      ) : props.found ? (
        <Text>
          Template found on sheet <strong>{props.found.sheetName}</strong>, header on row {props.found.headerRow}.
        </Text>
      ) : (
        <div>
          <Text weight="semibold">No client import template found.</Text>
          {props.missingColumns.length > 0 && (
            <Text as="p" block>
              Missing columns: {props.missingColumns.join(', ')}.
            </Text>
          )}
          <Text as="p" block className={styles.hint}>
            Open the sheet with your client list and choose Find template, or insert a fresh template.
          </Text>
        </div>
      )}
      <div className={styles.row}>
        <Button onClick={props.onRefresh} disabled={!idle}>
          Find template
        </Button>
        <Button onClick={props.onInsert} disabled={!idle}>
          Insert template
        </Button>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={props.onPrepare} disabled={!idle || !props.found}>
          Prepare template
        </Button>
        <Button onClick={props.onFillDown} disabled={!idle || !props.found}>
          Fill Is Offline down
        </Button>
      </div>
      <div className={styles.row}>
        <Button onClick={props.onRefreshStatus} disabled={!idle || !props.found || !props.connected}>
          Refresh portal status
        </Button>
        <Button onClick={props.onMarkOffline} disabled={!idle || !props.found || !props.connected}>
          Mark unconnected clients offline
        </Button>
      </div>
      {props.invitations && props.connected && (
        <div className={styles.row}>
          <Button onClick={props.onInvite} disabled={!idle || props.inviting || props.invitations.notInvited === 0}>
            Send invitations ({n(props.invitations.notInvited)} Not Invited)
          </Button>
          <Button onClick={props.onResend} disabled={!idle || props.inviting || props.invitations.notEnrolled === 0}>
            Resend invitations ({n(props.invitations.notEnrolled)} Not Enrolled)
          </Button>
        </div>
      )}
      {!props.connected && <Text className={styles.hint}>Connect to add the firm’s Owner and Office dropdowns and to see portal status.</Text>}
      {props.busy && <Spinner size="tiny" label={`${props.busy}…`} />}
      {props.inviting && <Spinner size="tiny" label="Sending invitations…" />}
    </section>
  );
}
