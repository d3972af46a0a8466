import { Button, Text } from '@fluentui/react-components';
import { count, n } from '../../format';
import { useViewStyles } from '../shell/pane-styles';
import type { ImportSummaryProps } from './ImportView.types';

/** What an import did: all of it when completed, what was already imported when it stopped part-way. */
export function ImportSummary({ phase, result, onDownload }: ImportSummaryProps) {
  const styles = useViewStyles();
  const { counts } = result;
  return (
    <div role="status" className={styles.stack}>
      {result.completed ? (
        <Text block weight="semibold">
          {n(counts.imported)} imported, {n(counts.rejected)} rejected.
        </Text>
      ) : (
        <Text block weight="semibold">
          {phase === 'cancelled' ? 'Cancelled' : 'Stopped'} after {n(counts.rows)} of {n(result.rowsTotal)} rows: {n(counts.imported)} imported,{' '}
          {n(counts.rejected)} rejected so far.
        </Text>
      )}
      {result.marked !== null && result.marked > 0 && (
        <Text block>{count(result.marked, 'invalid cell')} marked in the template; the Check view lists them.</Text>
      )}
      {result.sheetName ? (
        <Text block>
          Every row and its result is on the sheet <strong className={styles.noWrap}>{result.sheetName}</strong>
          {counts.rejected > 0 ? '; rejected rows are highlighted, with the reason in Comment.' : '.'}
        </Text>
      ) : result.completed ? (
        <Text block>No exception sheet was written; download the exception report instead.</Text>
      ) : (
        <Text block>Rows already sent stay imported; Resume import sends the rest without duplicates.</Text>
      )}
      <Text block size={200} className={styles.hint}>
        Import {result.importId}
      </Text>
      <Button onClick={() => onDownload(result.importId)}>{result.completed ? 'Download exception report' : 'Download exception report so far'}</Button>
    </div>
  );
}
