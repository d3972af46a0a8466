import type { NextStep } from './next-step';

/** The template at a glance; counts are null before the check (or portal status) that gives them. */
export interface TemplateGlance {
  rows: number | null;
  ready: number | null;
  invalid: number | null;
  /** Ready rows going in as offline clients. */
  offline: number | null;
  /** Rows whose client has a standard profile that is not Connected (from Refresh portal status). */
  notConnected: number | null;
  checkedAt: Date | null;
}

export interface TemplateViewProps {
  /** null while looking or when there is none. */
  found: { sheetName: string; headerRow: number } | null;
  missingColumns: string[];
  looking: boolean;
  connected: boolean;
  busy: string | null;
  glance: TemplateGlance;
  next: NextStep;
  onNext(): void;
  onRefresh(): void;
  onInsert(): void;
  onPrepare(): void;
  onFillDown(): void;
  onRefreshStatus(): void;
  onMarkOffline(): void;
  /** Counts from the last portal status refresh; null before one. */
  invitations: { notInvited: number; notEnrolled: number } | null;
  inviting: boolean;
  onInvite(): void;
  onResend(): void;
}
