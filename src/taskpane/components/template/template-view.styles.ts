import { makeStyles, tokens } from '@fluentui/react-components';

export const useTemplateStyles = makeStyles({
  glance: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(6.5em, 1fr))',
    gap: tokens.spacingVerticalS,
    margin: 0,
  },
  figure: { display: 'flex', flexDirection: 'column', margin: 0 },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  next: { alignSelf: 'stretch' },
});
