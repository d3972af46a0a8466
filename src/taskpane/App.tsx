import { Tab, TabList } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { ActivityEvent } from '../domain';
import { ConnectView } from './components/connect/ConnectView';
import { useAppStyles } from './components/shell/app-styles';
import { ErrorBar } from './components/shell/ErrorBar';
import { NoHostNotice } from './components/shell/NoHostNotice';
import { PaneHeader } from './components/shell/PaneHeader';
import { useConnection } from './hooks/use-connection';
import { useErrorBar } from './hooks/use-error-bar';
import { useSignIn } from './hooks/use-sign-in';
import type { PaneTab } from './pane-tab';
import { WorkbookViews } from './WorkbookViews';
import { createSettingsStore } from './services/settings-store';
import { usePaneServices } from './services/pane-services';

/** The pane: header, the one MessageBar, and the views as tabs. Outside Excel only Connect shows. */
export function App() {
  const services = usePaneServices();
  const styles = useAppStyles();
  const { message, reporter } = useErrorBar();
  const settings = useMemo(() => createSettingsStore(services.storage, services.partitionKey), [services]);
  const connection = useConnection(services, settings, reporter);
  const signIn = useSignIn(services, connection, reporter);
  const [tab, setTab] = useState<PaneTab>(services.workbook ? 'template' : 'connect');
  const [activity, setActivity] = useState<ActivityEvent[] | null>(null);
  const { client, me } = connection;
  const loadActivity = useCallback(() => {
    if (client) client.activity().then(setActivity, reporter.fail);
  }, [client, reporter]);
  const actor = me?.actor ?? null;

  const connect = (
    <ConnectView
      baseUrl={connection.baseUrl}
      token={connection.token}
      status={connection.status}
      firmName={connection.firm?.name ?? null}
      who={actor ? (actor.kind === 'user' ? `${actor.name || actor.email} (${actor.role})` : `API key "${actor.name}"`) : null}
      signedIn={connection.signedIn}
      onBaseUrlChange={connection.setBaseUrl}
      onTokenChange={connection.setToken}
      onConnect={() => void connection.connect()}
      onDisconnect={() => {
        setActivity(null);
        connection.disconnect();
      }}
      signIn={{
        email: signIn.email,
        code: signIn.code,
        codeSent: signIn.codeSent,
        busy: signIn.busy,
        canUseProvider: signIn.canUseProvider,
        onEmailChange: signIn.setEmail,
        onCodeChange: signIn.setCode,
        onProvider: () => void signIn.withProvider(),
        onRequestCode: () => void signIn.requestCode(),
        onCode: () => void signIn.withCode(),
      }}
      activity={actor?.kind === 'user' && actor.role === 'admin' ? { events: activity, onLoad: loadActivity } : null}
    />
  );

  return (
    <main className={styles.app}>
      <PaneHeader firmName={connection.firm?.name ?? null} />
      <ErrorBar message={message} onDismiss={reporter.clear} />
      {services.workbook === null ? (
        <>
          <NoHostNotice />
          {connect}
        </>
      ) : (
        <>
          <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as PaneTab)} aria-label="Views">
            <Tab value="connect">Connect</Tab>
            <Tab value="template">Template</Tab>
            <Tab value="check">Check</Tab>
            <Tab value="import">Import</Tab>
            <Tab value="history">History</Tab>
          </TabList>
          <div role="tabpanel" aria-label={tab}>
            {tab === 'connect' && connect}
            <WorkbookViews tab={tab} setTab={setTab} workbook={services.workbook} connection={connection} settings={settings} reporter={reporter} />
          </div>
        </>
      )}
    </main>
  );
}
