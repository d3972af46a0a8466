import { Badge, Text } from '@fluentui/react-components';
import { useAppStyles } from './app-styles';

export function PaneHeader({ firmName }: { firmName: string | null }) {
  const styles = useAppStyles();
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold">
        Client Import
      </Text>
      {firmName ? (
        <Badge appearance="tint" color="success">
          {firmName}
        </Badge>
      ) : (
        <Badge appearance="outline" color="informative">
          Not connected
        </Badge>
      )}
    </header>
  );
}
