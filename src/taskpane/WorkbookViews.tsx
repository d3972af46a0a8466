import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PaneRequest, PaneAnswer } from '../commands/pane-inbox';
import { HistoryView } from './components/history/HistoryView';
import type { Connection } from './hooks/use-connection';
import { ActionGate, BusyError } from './hooks/action-gate';
import type { Reporter } from './hooks/use-error-bar';
import { describeSource, type ImportSource } from './hooks/import-result';
import { sheetSource } from './hooks/sheet-source';
import { firmRules, useCheck } from './hooks/use-check';
import { useLiveCheck } from './hooks/use-live-check';
import { usePaneVisible } from './hooks/use-pane-visible';
import { useDroppedFile } from './hooks/use-dropped-file';
import { useFirmSetting } from './hooks/use-firm-setting';
import { useHistory } from './hooks/use-history';
import { useImport } from './hooks/use-import';
import { useInvitations } from './hooks/use-invitations';
import { useRibbonRequests } from './hooks/use-ribbon-requests';
import { useTemplate } from './hooks/use-template';
import type { PaneTab } from './pane-tab';
import { usePaneServices } from './services/pane-services';
import type { SettingsStore } from './services/settings-store';
import { CheckTab } from './views/CheckTab';
import { ImportTab } from './views/ImportTab';
import { TemplateTab } from './views/TemplateTab';
import type { WorkbookPort } from './workbook/workbook-port';

export interface WorkbookViewsProps {
  tab: PaneTab;
  setTab(tab: PaneTab): void;
  workbook: WorkbookPort;
  connection: Connection;
  settings: SettingsStore;
  reporter: Reporter;
}

/** The views that need a workbook; the hooks stay mounted across tabs so an import keeps running. */
export function WorkbookViews({ tab, setTab, workbook, connection, settings, reporter }: WorkbookViewsProps) {
  const services = usePaneServices();
  // One workbook action at a time across the pane's views and the ribbon's buttons (answered here, in the shared runtime).
  const [gate] = useState(() => new ActionGate());
  const running = useSyncExternalStore(gate.subscribe, gate.current);
  // A step Excel is slow to answer: said at 60 s, and the step goes on; once Excel answers, the step's own message follows.
  useEffect(
    () => workbook.onSlowExcel((notice) => (notice === null ? reporter.clear() : reporter.say({ intent: 'warning', text: notice }))),
    [workbook, reporter],
  );
  const { client, firm } = connection;
  const invitations = useInvitations(client, reporter, () => template.refreshStatus());
  const template = useTemplate(workbook, connection, reporter, gate, invitations.update);
  const check = useCheck(workbook, firm, template.locate, reporter, gate, (snapshot) => live.seed(snapshot));
  const [sendInvitations, setSendInvitations] = useFirmSetting(settings, firm?.id ?? null, 'sendInvitations', false);
  const importer = useImport({ workbook, client, settings, reporter, saveFile: services.saveFile, sendInvitations, gate });
  const visible = usePaneVisible(services);
  const live = useLiveCheck({
    workbook,
    template: template.search?.found ? template.search : null,
    firm: firm ? firmRules(firm) : undefined,
    visible,
    // Nothing while an import or another task of the pane runs: they write to the sheet themselves.
    paused: running !== null || invitations.busy,
    onChecked: (snapshot) => check.adopt(snapshot, snapshot.template),
    onError: (error) => reporter.fail(error),
  });
  const dropped = useDroppedFile(reporter, workbook);
  const history = useHistory(client, workbook, reporter, gate);
  const sheet = sheetSource(template.search?.found ? template.search.sheetName : null, check);

  const runInPane = (action: 'import' | 'check') => {
    setTab(action);
    void (action === 'import' ? importer.start(sheet) : check.run());
  };
  // The ribbon's buttons: accepted at once (the button completes), refused only while another task runs.
  useRibbonRequests(services.ribbonInbox, connection.status !== 'connecting', (request: PaneRequest): PaneAnswer => {
    if (request.action === 'error') {
      reporter.fail(new Error(request.message));
      return { accepted: true };
    }
    const other = gate.current();
    if (other !== null) return { accepted: false, reason: new BusyError(other).message };
    runInPane(request.action);
    return { accepted: true };
  });

  /** The source an open import in the history came from, if this pane can read it again. */
  const sourceOf = (key: string): ImportSource | null => (key === sheet.key ? sheet : key === dropped.source?.key ? dropped.source : null);

  if (tab === 'template')
    return (
      <TemplateTab
        template={template}
        invitations={invitations}
        check={check}
        connected={client !== null}
        setTab={setTab}
        onImport={() => runInPane('import')}
      />
    );
  if (tab === 'check') return <CheckTab check={check} />;
  if (tab === 'import') {
    return (
      <ImportTab
        importer={importer}
        sheet={sheet}
        dropped={dropped}
        connected={client !== null}
        sendInvitations={sendInvitations}
        setSendInvitations={setSendInvitations}
      />
    );
  }
  if (tab === 'history') {
    return (
      <HistoryView
        items={history.items}
        hasMore={history.hasMore}
        busy={history.busy}
        connected={client !== null}
        resumableId={importer.resumable?.state.importId ?? null}
        onRefresh={history.load}
        onLoadMore={() => void history.loadMore()}
        onDownload={(id) => void importer.downloadReport(id)}
        onWriteSheet={(item) => void history.writeSheet(item)}
        onResume={() => {
          const key = importer.resumable?.source ?? '';
          const source = sourceOf(key);
          if (!source)
            return reporter.fail(new Error(`To resume, open ${describeSource(key)} again (drop the file on the Import view), then choose Resume import.`));
          setTab('import');
          void importer.resume(source);
        }}
      />
    );
  }
  return null;
}
