import { makeStyles, tokens } from '@fluentui/react-components';

export const useCheckStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '50vh',
    overflowY: 'auto',
  },
  item: { justifyContent: 'flex-start', textAlign: 'left', width: '100%', fontWeight: tokens.fontWeightRegular },
  where: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
});
