import { TemplateView } from '../components/template/TemplateView';
import type { InvitationsState } from '../hooks/use-invitations';
import type { TemplateState } from '../hooks/use-template';

export interface TemplateTabProps {
  template: TemplateState;
  invitations: InvitationsState;
  connected: boolean;
}

/** The Template view wired to its hooks. */
export function TemplateTab({ template, invitations, connected }: TemplateTabProps) {
  const search = template.search;
  const pending = invitations.pending;
  return (
    <TemplateView
      found={search?.found ? { sheetName: search.sheetName, headerRow: search.headerRow } : null}
      missingColumns={search && !search.found ? search.missing.map((c) => c.header) : []}
      looking={search === null}
      connected={connected}
      busy={template.busy}
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
