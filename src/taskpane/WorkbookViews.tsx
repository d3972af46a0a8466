import { Divider } from '@fluentui/react-components';
import { COLUMN_BY_FIELD } from '../domain';
import type { PaneTab } from './App';
import { CheckView } from './components/check/CheckView';
import { DropZone } from './components/drop/DropZone';
import { ImportView } from './components/import/ImportView';
import { TemplateView } from './components/template/TemplateView';
import { useCheck } from './hooks/use-check';
import type { Connection } from './hooks/use-connection';
import { useDropImport } from './hooks/use-drop-import';
import type { Reporter } from './hooks/use-error-bar';
import { useImport } from './hooks/use-import';
import { useImportRunner } from './hooks/use-import-runner';
import { useRibbonRequests } from './hooks/use-ribbon-requests';
import { useTemplate } from './hooks/use-template';
import { usePaneServices } from './services/pane-services';
import type { SettingsStore } from './services/settings-store';
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
  const template = useTemplate(workbook, connection, reporter);
  const check = useCheck(workbook, connection.firm, template.refresh, reporter);
  const runner = useImportRunner(workbook, connection, services, settings, reporter);
  const sheetImport = useImport(workbook, runner);
  const drop = useDropImport(runner, reporter);
  const running = runner.phase === 'reading' || runner.phase === 'importing' || runner.phase === 'writing';

  useRibbonRequests(services.ribbonTarget, {
    import: async () => {
      setTab('import');
      await sheetImport.start();
    },
    check: async () => {
      setTab('check');
      await check.run();
    },
    error: (message) => reporter.fail(new Error(message)),
  });

  const search = template.search;
  const issues = (check.result?.issues ?? []).map((issue, i) => ({
    key: String(i),
    row: issue.row,
    column: issue.column || (issue.field ? COLUMN_BY_FIELD[issue.field].header : ''),
    message: issue.message,
    severity: issue.severity,
  }));

  if (tab === 'template') {
    return (
      <TemplateView
        found={search?.found ? { sheetName: search.sheetName, headerRow: search.headerRow } : null}
        missingColumns={search && !search.found ? search.missing.map((c) => c.header) : []}
        looking={search === null}
        connected={connection.client !== null}
        busy={template.busy}
        onRefresh={() => void template.refresh()}
        onInsert={() => void template.insert()}
        onPrepare={() => void template.prepare()}
        onFillDown={() => void template.fillDown()}
        onRefreshStatus={() => void template.refreshStatus()}
        onMarkOffline={() => void template.markUnconnectedOffline()}
      />
    );
  }
  if (tab === 'check') {
    return (
      <CheckView
        checked={check.result ? { rows: check.result.rows, withFirmRules: check.result.withFirmRules } : null}
        issues={issues}
        busy={check.busy}
        onCheck={() => void check.run()}
        onSelect={(key) => void check.select(check.result!.issues[Number(key)])}
      />
    );
  }
  if (tab === 'import') {
    return (
      <>
        <ImportView
          phase={runner.phase}
          rowsDone={runner.progress?.rowsDone ?? 0}
          rowsTotal={runner.progress?.rowsTotal ?? 0}
          summary={runner.summary}
          connected={connection.client !== null}
          canResume={sheetImport.canResume}
          onImport={() => void sheetImport.start()}
          onResume={() => void sheetImport.resume()}
          onCancel={runner.cancel}
          onDownload={() => void runner.downloadReport()}
        />
        <Divider>Or import a saved file</Divider>
        <DropZone
          file={drop.file}
          busy={running}
          connected={connection.client !== null}
          canResume={drop.canResume}
          onFile={(file) => void drop.accept(file)}
          onClose={drop.close}
          onImport={() => void drop.start()}
          onResume={() => void drop.resume()}
        />
      </>
    );
  }
  return null;
}
