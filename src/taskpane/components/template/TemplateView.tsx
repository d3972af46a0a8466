import { Button, Divider, Spinner, Text } from '@fluentui/react-components';
import { n } from '../../format';
import { useViewStyles } from '../shell/pane-styles';
import { TemplateGlanceList } from './TemplateGlanceList';
import { useTemplateStyles } from './template-view.styles';
import type { TemplateViewProps } from './TemplateView.types';

/** The template's state at a glance, the one next step as the primary button, and the other actions below. */
export function TemplateView(props: TemplateViewProps) {
  const styles = useViewStyles();
  const own = useTemplateStyles();
  const idle = props.busy === null;
  const usable = idle && props.found !== null;
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
      {props.found && <TemplateGlanceList glance={props.glance} />}
      <Button appearance="primary" className={own.next} onClick={props.onNext} disabled={!idle}>
        {props.next.label}
      </Button>
      {props.busy && <Spinner size="tiny" label={`${props.busy}…`} />}
      <Divider>More actions</Divider>
      <div className={styles.row} role="group" aria-label="More actions">
        <Button size="small" onClick={props.onRefresh} disabled={!idle}>
          Find template
        </Button>
        {props.next.kind !== 'insert' && (
          <Button size="small" onClick={props.onInsert} disabled={!idle}>
            Insert template
          </Button>
        )}
        {props.next.kind !== 'prepare' && props.found && (
          <Button size="small" onClick={props.onPrepare} disabled={!usable}>
            Prepare template
          </Button>
        )}
        <Button size="small" onClick={props.onFillDown} disabled={!usable}>
          Fill Is Offline down
        </Button>
        <Button size="small" onClick={props.onRefreshStatus} disabled={!usable || !props.connected}>
          Refresh portal status
        </Button>
        <Button size="small" onClick={props.onMarkOffline} disabled={!usable || !props.connected}>
          Mark unconnected clients offline
        </Button>
      </div>
      {props.invitations && props.connected && (
        <div className={styles.row} role="group" aria-label="Invitations">
          <Button size="small" onClick={props.onInvite} disabled={!idle || props.inviting || props.invitations.notInvited === 0}>
            Send invitations ({n(props.invitations.notInvited)} Not Invited)
          </Button>
          <Button size="small" onClick={props.onResend} disabled={!idle || props.inviting || props.invitations.notEnrolled === 0}>
            Resend invitations ({n(props.invitations.notEnrolled)} Not Enrolled)
          </Button>
        </div>
      )}
      {!props.connected && <Text className={styles.hint}>Connect to add the firm’s Owner and Office dropdowns and to see portal status.</Text>}
      {props.inviting && <Spinner size="tiny" label="Sending invitations…" />}
    </section>
  );
}
