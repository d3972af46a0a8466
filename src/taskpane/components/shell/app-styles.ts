import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  app: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  /** Tabs wrap in a narrow pane (320 px at 200 % zoom is 160 px of layout) instead of running off its edge. */
  tabs: { flexWrap: 'wrap' },
  firm: { color: tokens.colorNeutralForeground2 },
});
