import type { ImportPhase, ImportResult } from '../../hooks/import-result';

export interface ImportViewProps {
  phase: ImportPhase;
  rowsDone: number;
  rowsTotal: number;
  /** The last import, finished or stopped part-way. */
  result: ImportResult | null;
  connected: boolean;
  canResume: boolean;
  sendInvitations: boolean;
  onSendInvitationsChange(value: boolean): void;
  onImport(): void;
  onResume(): void;
  onCancel(): void;
  onDownload(importId: string): void;
}

export type ImportSummaryProps = Pick<ImportViewProps, 'phase' | 'result' | 'onDownload'> & { result: ImportResult };
