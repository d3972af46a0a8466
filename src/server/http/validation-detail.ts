import type { FastifySchemaValidationError } from 'fastify/types/schema';

const MAX_LISTED = 10;

// `/rows/3/firstName` → `rows[3] (row 57) firstName`: the sheet row is what a user can find.
function where(path: string, context: string, body: unknown): string {
  const parts = path.split('/').filter(Boolean);
  if (context === 'body' && parts[0] === 'rows' && /^\d+$/.test(parts[1] ?? '')) {
    const index = Number(parts[1]);
    const rows = (body as { rows?: unknown[] } | null)?.rows;
    const sheetRow = (rows?.[index] as { row?: unknown } | undefined)?.row;
    const label = typeof sheetRow === 'number' ? `row ${sheetRow} (rows[${index}])` : `rows[${index}]`;
    return [label, ...parts.slice(2)].join(' ');
  }
  return parts.length > 0 ? `${context} ${parts.join('.')}` : context;
}

function describeOne(error: FastifySchemaValidationError, context: string, body: unknown): string {
  const at = where(error.instancePath, context, body);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties':
      return `${at}: unknown field "${String(params.additionalProperty)}"`;
    case 'required':
      return `${at}: missing field "${String(params.missingProperty)}"`;
    case 'pattern':
      return `${at}: must not contain control characters or unexpected characters`;
    default:
      return `${at}: ${error.message ?? 'is invalid'}`;
  }
}

/** One readable sentence per schema error, naming unknown fields and the sheet row of bad rows. */
export function describeValidation(errors: FastifySchemaValidationError[], context: string | undefined, body: unknown): string {
  const lines = errors.slice(0, MAX_LISTED).map((e) => describeOne(e, context ?? 'request', body));
  const more = errors.length > MAX_LISTED ? `; and ${errors.length - MAX_LISTED} more` : '';
  return `Invalid request: ${lines.join('; ')}${more}`;
}
