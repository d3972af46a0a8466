import type { ColumnSpec } from '../../domain';

/** A dropped file that cannot be imported; the message says why and what to do, for the user. */
export class FileTemplateError extends Error {
  override readonly name = 'FileTemplateError';
  constructor(
    message: string,
    readonly missing: ColumnSpec[] = [],
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;

/**
 * What the pane refuses to read (DESIGN §8: 100,000 rows × 11 columns must read; a task pane has a
 * few hundred MB). Beyond these the file is almost certainly not a client list, or needs splitting.
 */
export const READ_LIMITS = {
  maxFileBytes: 60 * MB,
  maxValueCells: 3_000_000,
  tooLargeMessage: (bytes: number) =>
    `This file is ${(bytes / MB).toFixed(1)} MB; the pane reads template files up to ${READ_LIMITS.maxFileBytes / MB} MB. ` +
    'Copy the client list sheet into a new workbook, save it, and drop that file (or open the file in Excel and import from the sheet).',
};

export function tooManyCells(sheetName: string): never {
  throw new FileTemplateError(
    `Sheet "${sheetName}" holds more than ${READ_LIMITS.maxValueCells.toLocaleString('en-US')} filled cells, more than the pane reads from a file. ` +
      'Split the client list into files of at most 200,000 rows, or open the file in Excel and import from the sheet.',
  );
}
