import { Button, Checkbox, Field, ProgressBar, Text } from '@fluentui/react-components';
import { n } from '../../format';
import { useViewStyles } from '../shell/pane-styles';
import { ImportSummary } from './ImportSummary';
import type { ImportViewProps } from './ImportView.types';

const PHASE_TEXT: Partial<Record<ImportViewProps['phase'], string>> = {
  reading: 'Reading and checking the rows…',
  importing: 'Importing',
  writing: 'Writing the exception sheet…',
  failed: 'Import stopped',
  cancelled: 'Import cancelled',
};

/** One Import button, progress with Cancel (kept after a stop part-way), then the summary and the report download. */
export function ImportView(props: ImportViewProps) {
  const styles = useViewStyles();
  const running = props.phase === 'reading' || props.phase === 'importing' || props.phase === 'writing';
  const stopped = (props.phase === 'failed' || props.phase === 'cancelled') && props.rowsTotal > 0;
  return (
    <section className={styles.view} aria-label="Import">
      <Checkbox
        label="Send invitations to new clients"
        checked={props.sendInvitations}
        disabled={running}
        onChange={(_, data) => props.onSendInvitationsChange(data.checked === true)}
      />
      <div className={styles.row}>
        <Button appearance="primary" disabled={running || !props.connected} onClick={props.onImport}>
          Import clients
        </Button>
        {props.canResume && !running && <Button onClick={props.onResume}>Resume import</Button>}
        {running && <Button onClick={props.onCancel}>Cancel</Button>}
      </div>
      {!props.connected && <Text className={styles.hint}>Connect to the portal to import.</Text>}
      {(running || stopped) && (
        <Field label={PHASE_TEXT[props.phase]} validationState="none" validationMessage={`${n(props.rowsDone)} of ${n(props.rowsTotal)} rows`}>
          <ProgressBar value={props.rowsTotal > 0 ? props.rowsDone / props.rowsTotal : undefined} max={1} aria-label="Import progress" />
        </Field>
      )}
      {props.result && !running && <ImportSummary phase={props.phase} result={props.result} onDownload={props.onDownload} />}
    </section>
  );
}
