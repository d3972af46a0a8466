import { Text } from '@fluentui/react-components';
import { n } from '../../format';
import { useTemplateStyles } from './template-view.styles';
import type { TemplateGlance } from './TemplateView.types';

const FIGURES: { key: keyof Omit<TemplateGlance, 'checkedAt'>; label: string }[] = [
  { key: 'rows', label: 'Rows' },
  { key: 'ready', label: 'Ready' },
  { key: 'invalid', label: 'Invalid' },
  { key: 'offline', label: 'Offline' },
  { key: 'notConnected', label: 'Not connected' },
];

const time = (d: Date) => d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** Rows, ready, invalid, offline, not connected, and when the template was last checked, as a description list. */
export function TemplateGlanceList({ glance }: { glance: TemplateGlance }) {
  const styles = useTemplateStyles();
  return (
    <>
      <dl className={styles.glance} aria-label="Template at a glance">
        {FIGURES.map(({ key, label }) => {
          const value = glance[key];
          return (
            <div key={key} className={styles.figure}>
              <dt className={styles.label}>{label}</dt>
              <dd className={styles.value}>{value === null ? '–' : n(value)}</dd>
            </div>
          );
        })}
      </dl>
      <Text size={200} role="status">
        {glance.checkedAt ? `Last checked at ${time(glance.checkedAt)}; cells are checked as you type.` : 'Not checked yet.'}
      </Text>
    </>
  );
}
