import { Button, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ActivityEvent } from '../../../domain';
import { useViewStyles } from '../shell/pane-styles';

/** The firm's recent activity (admins): who did what, newest first. */
export function ActivityList(props: { events: ActivityEvent[] | null; onLoad(): void }) {
  const styles = useViewStyles();
  const { events, onLoad } = props;
  useEffect(() => {
    if (events === null) onLoad();
  }, [events, onLoad]);
  return (
    <section className={styles.stack} aria-label="Firm activity">
      <div className={styles.row}>
        <Text weight="semibold">Activity</Text>
        <Button size="small" onClick={onLoad}>
          Refresh
        </Button>
      </div>
      {events && events.length === 0 && <Text className={styles.hint}>Nothing recorded yet.</Text>}
      {events && events.length > 0 && (
        <ul aria-label="Recent activity">
          {events.map((e, i) => (
            <li key={`${e.createdAt}-${i}`}>
              <Text>
                {new Date(e.createdAt).toLocaleString()}: {e.actor} — {e.action}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
