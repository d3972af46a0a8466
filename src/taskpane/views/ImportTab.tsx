import { Divider } from '@fluentui/react-components';
import { DropZone } from '../components/drop/DropZone';
import { ImportView } from '../components/import/ImportView';
import type { ImportSource } from '../hooks/import-result';
import type { DroppedFileState } from '../hooks/use-dropped-file';
import type { Importer } from '../hooks/use-import';

export interface ImportTabProps {
  importer: Importer;
  sheet: ImportSource;
  dropped: DroppedFileState;
  connected: boolean;
  sendInvitations: boolean;
  setSendInvitations(value: boolean): void;
}

/** The Import view and the drop zone: two sources feeding the one import. */
export function ImportTab({ importer, sheet, dropped, connected, sendInvitations, setSendInvitations }: ImportTabProps) {
  const running = importer.phase === 'reading' || importer.phase === 'importing' || importer.phase === 'writing';
  const resumeKey = importer.resumable?.source;
  const file = dropped.source;
  return (
    <>
      <ImportView
        phase={importer.phase}
        rowsDone={importer.progress?.rowsDone ?? 0}
        rowsTotal={importer.progress?.rowsTotal ?? 0}
        result={importer.result}
        connected={connected}
        canResume={resumeKey === sheet.key}
        sendInvitations={sendInvitations}
        onSendInvitationsChange={setSendInvitations}
        onImport={() => void importer.start(sheet)}
        onResume={() => void importer.resume(sheet)}
        onCancel={importer.cancel}
        onDownload={(id) => void importer.downloadReport(id)}
      />
      <Divider>Or import a saved file</Divider>
      <DropZone
        file={dropped.file}
        busy={running}
        connected={connected}
        canResume={file !== null && resumeKey === file.key}
        onFile={(f) => void dropped.accept(f)}
        onClose={dropped.close}
        onImport={() => file && void importer.start(file)}
        onResume={() => file && void importer.resume(file)}
      />
    </>
  );
}
