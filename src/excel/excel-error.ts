/** Stable codes the pane can switch on; the message is plain words for the user. */
export type ExcelErrorCode = 'cell-edit-mode' | 'payload-too-large' | 'sheet-not-found' | 'requirement-missing' | 'protected' | 'not-answering' | 'unknown';

/** The only error src/excel lets out; `officeCode` keeps Office's own code for support. */
export class ExcelError extends Error {
  override readonly name = 'ExcelError';
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
    readonly officeCode?: string,
  ) {
    super(message);
  }
}

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown };
}

/** Office's error code, from `code` or `debugInfo.code`; undefined for non-Office errors. */
export function officeCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as OfficeLikeError;
  if (typeof e.code === 'string') return e.code;
  if (typeof e.debugInfo?.code === 'string') return e.debugInfo.code;
  return undefined;
}

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as OfficeLikeError).message === 'string') {
    return (error as OfficeLikeError).message as string;
  }
  return String(error);
}

/** Turns any error thrown inside Excel.run into an ExcelError with a stable code. */
export function toExcelError(error: unknown): ExcelError {
  if (error instanceof ExcelError) return error;
  const code = officeCodeOf(error);
  const detail = messageOf(error);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new ExcelError('cell-edit-mode', 'Excel is busy because a cell is being edited. Press Enter or Esc in the sheet, then try again.', code);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return new ExcelError('payload-too-large', 'The request to Excel was too large. Try again with fewer rows.', code);
    case 'ItemNotFound':
      return new ExcelError('sheet-not-found', `A worksheet the add-in needs was not found (it may have been renamed or deleted). ${detail}`, code);
    case 'ApiNotFound':
      return new ExcelError('requirement-missing', `This version of Excel does not support a feature the add-in needs. ${detail}`, code);
    case 'AccessDenied':
      return new ExcelError('protected', 'The sheet or workbook is protected. Unprotect it and try again.', code);
    default:
      if (/protect/i.test(detail)) return new ExcelError('protected', 'The sheet or workbook is protected. Unprotect it and try again.', code);
      return new ExcelError('unknown', `Excel reported an error: ${detail}`, code);
  }
}
