import type { ColumnSpec, RegionalSettings } from '../../domain';
import { FileTemplateError } from './read-limits';
import { readTemplateXlsx, type FileTemplate, type ReadProgress } from './template-reader';

/** The pane → worker message: the file's bytes (transferred). */
export interface ReaderRequest {
  bytes: ArrayBuffer;
  /** How the user's Excel shows numbers (en-US when not given). */
  regional?: RegionalSettings;
}

/** Worker → pane messages: progress while reading, then one answer. */
export type ReaderMessage =
  { type: 'progress'; progress: ReadProgress } | { type: 'done'; template: FileTemplate } | { type: 'failed'; message: string; missing: ColumnSpec[] };

/** Progress is posted when it moves by at least this share, so messages stay few on big files. */
const PROGRESS_STEP = 0.01;

/** Reads the file of a request and posts what happens; the worker's whole job (xlsx-reader.worker.ts). */
export async function answerReaderRequest(request: ReaderRequest, post: (message: ReaderMessage) => void): Promise<void> {
  let last: ReadProgress | null = null;
  try {
    const template = await readTemplateXlsx(new Uint8Array(request.bytes), {
      regional: request.regional,
      onProgress: (progress) => {
        if (last !== null && last.sheetName === progress.sheetName && progress.done < last.done + PROGRESS_STEP && progress.done < 1) return;
        last = progress;
        post({ type: 'progress', progress });
      },
    });
    post({ type: 'done', template });
  } catch (error) {
    // readTemplateXlsx turns every failure into a FileTemplateError; anything else is our bug, and
    // the user still gets a sentence rather than a stack trace.
    const known = error instanceof FileTemplateError;
    post({
      type: 'failed',
      message: known ? error.message : 'The file could not be read. Open it in Excel, save it, and drop it again.',
      missing: known ? error.missing : [],
    });
  }
}
