export interface TemplateViewProps {
  /** null while looking. */
  found: { sheetName: string; headerRow: number } | null;
  missingColumns: string[];
  looking: boolean;
  connected: boolean;
  busy: string | null;
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
