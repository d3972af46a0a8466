import { nextStep } from '../components/template/next-step';
import { TemplateView } from '../components/template/TemplateView';
import type { CheckState } from '../hooks/use-check';
import type { InvitationsState } from '../hooks/use-invitations';
import type { TemplateState } from '../hooks/use-template';
import type { PaneTab } from '../pane-tab';

export interface TemplateTabProps {
  template: TemplateState;
  invitations: InvitationsState;
  check: CheckState;
  connected: boolean;
  setTab(tab: PaneTab): void;
  /** Starts the import of the template sheet on the Import view. */
  onImport(): void;
}

/** The Template view wired to its hooks: the template at a glance and the next step. */
export function TemplateTab({ template, invitations, check, connected, setTab, onImport }: TemplateTabProps) {
  const search = template.search;
  const pending = invitations.pending;
  const result = check.result;
  const found = search?.found ? search : null;
  // A check of another sheet says nothing of this one.
  const checked = result && found && result.template.sheetName === found.sheetName ? result : null;
  const next = nextStep({
    found: found !== null,
    prepared: template.prepared,
    checked: checked && { issues: checked.issues.length, rows: checked.summary.ready },
    connected,
  });
  const onNext = () => {
    if (next.kind === 'insert') return void template.insert();
    if (next.kind === 'prepare') return void template.prepare();
    if (next.kind === 'check') return void check.run();
    if (next.kind === 'connect') return setTab('connect');
    if (next.kind === 'import') return onImport();
    // Fix: the issue list, with the first issue's cell selected in the sheet.
    setTab('check');
    if (checked) void check.select(checked.issues[0]);
  };
  return (
    <TemplateView
      found={found && { sheetName: found.sheetName, headerRow: found.headerRow }}
      missingColumns={search && !search.found ? search.missing.map((c) => c.header) : []}
      looking={search === null}
      connected={connected}
      busy={template.busy ?? check.busy}
      glance={{
        rows: checked?.summary.rows ?? null,
        ready: checked?.summary.ready ?? null,
        invalid: checked?.summary.invalid ?? null,
        offline: checked?.summary.offline ?? null,
        notConnected: invitations.notConnected,
        checkedAt: checked?.checkedAt ?? null,
      }}
      next={next}
      onNext={onNext}
      onRefresh={() => void template.refresh()}
      onInsert={() => void template.insert()}
      onPrepare={() => void template.prepare()}
      onFillDown={() => void template.fillDown()}
      onRefreshStatus={() => void template.refreshStatus()}
      onMarkOffline={() => void template.markUnconnectedOffline()}
      invitations={pending && { notInvited: pending.notInvited.length, notEnrolled: pending.notEnrolled.length }}
      inviting={invitations.busy}
      onInvite={() => void invitations.send(false)}
      onResend={() => void invitations.send(true)}
    />
  );
}
