import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the views: a column of sections with even spacing. */
export const useViewStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} 0` },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  hint: { color: tokens.colorNeutralForeground2 },
  /** Keeps a sheet name such as "Import Exceptions (2)" on one line. */
  noWrap: { whiteSpace: 'nowrap' },
});
