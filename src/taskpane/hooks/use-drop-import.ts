import { useState } from 'react';
import { readTemplateFile } from '../xlsx/xlsx-file-reader';
import type { Reporter } from './use-error-bar';
import type { ImportRunner } from './use-import-runner';

export interface DroppedFile {
  name: string;
  size: number;
  bytes: ArrayBuffer;
}

export interface DropImport {
  file: DroppedFile | null;
  accept(file: File): Promise<void>;
  /** Removes the file from the pane (the Close button). */
  close(): void;
  start(): Promise<void>;
  resume(): Promise<void>;
  canResume: boolean;
}

const XLSX = /\.xlsx$/i;

/** Import of a saved template file dropped on the pane; its exceptions go to a new sheet too. */
export function useDropImport(runner: ImportRunner, reporter: Reporter): DropImport {
  const [file, setFile] = useState<DroppedFile | null>(null);
  const source = file ? `file:${file.name}` : '';
  const job = () => ({
    source,
    rows: async () => {
      if (!file) throw new Error('Drop a template file first.');
      const template = await readTemplateFile(file.bytes);
      // The rows live in the file, not in this workbook (a sheet here with the same name holds other
      // data), so the exception sheet shows plain row numbers instead of links.
      return { rows: template.rows, link: null };
    },
  });
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
    start: () => runner.run(job(), 'new'),
    resume: () => runner.run(job(), 'resume'),
    canResume: file !== null && runner.resumableSource === source,
  };
}
