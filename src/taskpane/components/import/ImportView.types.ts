import type { ImportPhase } from '../../hooks/use-import-runner';

export interface ImportViewProps {
  phase: ImportPhase;
  rowsDone: number;
  rowsTotal: number;
  summary: { imported: number; rejected: number; sheetName: string } | null;
  connected: boolean;
  canResume: boolean;
  onImport(): void;
  onResume(): void;
  onCancel(): void;
  onDownload(): void;
}
