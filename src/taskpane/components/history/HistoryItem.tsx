import { Button, Text } from '@fluentui/react-components';
import { describeSource } from '../../hooks/import-result';
import { n } from '../../format';
import { useViewStyles } from '../shell/pane-styles';
import { useHistoryStyles } from './history.styles';
import type { HistoryItemProps } from './HistoryView.types';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** One past import: when, from where, what it did, and its report. */
export function HistoryItem({ item, disabled, canResume, onDownload, onWriteSheet, onResume }: HistoryItemProps) {
  const styles = useHistoryStyles();
  const view = useViewStyles();
  const { counts } = item;
  const source = describeSource(item.source);
  return (
    <li className={styles.item} aria-label={`Import ${item.id}`}>
      <Text weight="semibold">
        {when(item.createdAt)}, from {source}
      </Text>
      <Text>
        {item.status === 'completed' ? 'Completed' : 'Not finished'}: {n(counts.imported)} imported, {n(counts.rejected)} rejected of {n(counts.rows)} rows.
      </Text>
      {item.createdBy && <Text>By {item.createdByName ? `${item.createdByName} (${item.createdBy})` : item.createdBy}</Text>}
      <Text size={200} className={view.hint}>
        Import {item.id}
      </Text>
      <div className={view.row}>
        <Button size="small" disabled={disabled} onClick={() => onDownload(item.id)}>
          Download exception report
        </Button>
        <Button size="small" disabled={disabled} onClick={() => onWriteSheet(item)}>
          Write exceptions to a sheet
        </Button>
        {item.status === 'open' && canResume && (
          <Button size="small" appearance="primary" disabled={disabled} onClick={() => onResume(item)}>
            Resume import
          </Button>
        )}
      </div>
      {item.status === 'open' && !canResume && (
        <Text size={200} className={view.hint}>
          Only the pane that started it knows which rows were sent: resume it there.
        </Text>
      )}
    </li>
  );
}
