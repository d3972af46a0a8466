import { Button, Spinner, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useViewStyles } from '../shell/pane-styles';
import { useHistoryStyles } from './history.styles';
import { HistoryItem } from './HistoryItem';
import type { HistoryViewProps } from './HistoryView.types';

/** Past imports, newest first, each with its report; an unfinished one of this pane can be resumed. */
export function HistoryView(props: HistoryViewProps) {
  const styles = useViewStyles();
  const list = useHistoryStyles();
  const { connected, onRefresh } = props;
  // Loads when the view opens or the pane connects: onRefresh stays the same function meanwhile (useHistory's load).
  useEffect(() => {
    if (connected) onRefresh();
  }, [connected, onRefresh]);
  if (!connected) return <Text className={styles.hint}>Connect to the portal to see past imports.</Text>;
  return (
    <section className={styles.view} aria-label="History">
      <div className={styles.row}>
        <Button onClick={props.onRefresh} disabled={props.busy !== null}>
          Refresh
        </Button>
        {props.busy && <Spinner size="tiny" label={`${props.busy}…`} />}
      </div>
      {props.items.length === 0 && props.busy === null && <Text>No imports yet.</Text>}
      <ul className={list.list} aria-label="Past imports">
        {props.items.map((item) => (
          <HistoryItem
            key={item.id}
            item={item}
            disabled={props.busy !== null}
            canResume={props.resumableId === item.id}
            onDownload={props.onDownload}
            onWriteSheet={props.onWriteSheet}
            onResume={props.onResume}
          />
        ))}
      </ul>
      {props.hasMore && (
        <Button onClick={props.onLoadMore} disabled={props.busy !== null}>
          Show older imports
        </Button>
      )}
    </section>
  );
}
