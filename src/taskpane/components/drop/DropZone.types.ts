export interface DropZoneProps {
  file: { name: string; size: number } | null;
  busy: boolean;
  connected: boolean;
  canResume: boolean;
  onFile(file: File): void;
  onClose(): void;
  onImport(): void;
  onResume(): void;
}
