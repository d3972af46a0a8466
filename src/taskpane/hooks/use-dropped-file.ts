import { useState } from 'react';
import { readTemplateFile, type ReadProgress } from '../xlsx/xlsx-file-reader';
import { holdBackUnknowable } from './held-back';
import type { Reporter } from './use-error-bar';
import type { ImportSource } from './import-result';
import type { WorkbookPort } from '../workbook/workbook-port';

export interface DroppedFile {
  name: string;
  size: number;
  bytes: ArrayBuffer;
}

export interface DroppedFileState {
  file: DroppedFile | null;
  accept(file: File): Promise<void>;
  /** Removes the file from the pane (the Close button). */
  close(): void;
  /** The file as an import source, or null with no file. */
  source: ImportSource | null;
}

const XLSX = /\.xlsx$/i;

/** A saved template file dropped on the pane: it only feeds rows to the import. */
export function useDroppedFile(reporter: Reporter, workbook: Pick<WorkbookPort, 'regionalSettings'>): DroppedFileState {
  const [file, setFile] = useState<DroppedFile | null>(null);
  return {
    file,
    accept: async (dropped) => {
      if (!XLSX.test(dropped.name)) {
        reporter.fail(new Error(`${dropped.name} is not an .xlsx file. Save the template as an Excel workbook (.xlsx) and drop it again.`));
        return;
      }
      reporter.clear();
      setFile({ name: dropped.name, size: dropped.size, bytes: await dropped.arrayBuffer() });
    },
    close: () => setFile(null),
    source: file && {
      key: `file:${file.name}`,
      // The rows live in the file, not in this workbook (a sheet here with the same name holds other
      // data), so the exception sheet shows plain row numbers instead of links.
      read: async (signal) => {
        // Reading a large file takes seconds (in a worker): say how far it is, then which sheet was read.
        const onProgress = ({ sheetName, done }: ReadProgress) =>
          reporter.say({ intent: 'info', text: `Reading sheet "${sheetName}": ${Math.round(done * 100)}%` });
        // Numbers as this Excel shows them (separators, short date), as the open sheet would read.
        const regional = await workbook.regionalSettings();
        const template = await readTemplateFile(file.bytes, { signal, onProgress, regional });
        reporter.say({ intent: 'info', text: `Read ${template.rows.length.toLocaleString('en-US')} client rows from sheet "${template.sheetName}".` });
        return { rows: holdBackUnknowable(template.rows, template.issues), link: null };
      },
    },
  };
}
