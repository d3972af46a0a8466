import { Button, Field, ProgressBar, Text } from '@fluentui/react-components';
import { useViewStyles } from '../shell/pane-styles';
import type { ImportViewProps } from './ImportView.types';

const n = (value: number) => value.toLocaleString('en-US');
const PHASE_TEXT: Partial<Record<ImportViewProps['phase'], string>> = { reading: 'Reading the rows…', importing: 'Importing', writing: 'Writing the exception sheet…' };

/** One Import button, progress with Cancel, then the summary and the report download. */
export function ImportView(props: ImportViewProps) {
  const styles = useViewStyles();
  const running = props.phase === 'reading' || props.phase === 'importing' || props.phase === 'writing';
  return (
    <section className={styles.view} aria-label="Import">
      <div className={styles.row}>
        <Button appearance="primary" disabled={running || !props.connected} onClick={props.onImport}>Import clients</Button>
        {props.canResume && !running && <Button onClick={props.onResume}>Resume import</Button>}
        {running && <Button onClick={props.onCancel}>Cancel</Button>}
      </div>
      {!props.connected && <Text className={styles.hint}>Connect to the portal to import.</Text>}
      {running && (
        <Field
          label={PHASE_TEXT[props.phase]}
          validationState="none"
          validationMessage={`${n(props.rowsDone)} of ${n(props.rowsTotal)} rows`}
        >
          <ProgressBar value={props.rowsTotal > 0 ? props.rowsDone / props.rowsTotal : undefined} max={1} aria-label="Import progress" />
        </Field>
      )}
      {props.summary && props.phase === 'done' && (
        <div role="status" className={styles.stack}>
          <Text block weight="semibold">
            {n(props.summary.imported)} imported, {n(props.summary.rejected)} rejected.
          </Text>
          <Text block>
            Every row and its result is on the sheet <strong className={styles.noWrap}>{props.summary.sheetName}</strong>
            {props.summary.rejected > 0 ? '; rejected rows are highlighted, with the reason in Comment.' : '.'}
          </Text>
          <Button onClick={props.onDownload}>Download exception report</Button>
        </div>
      )}
    </section>
  );
}
