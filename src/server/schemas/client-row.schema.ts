import { MAX_CELL_CHARS } from '../../domain/api-types';
import { TEMPLATE_COLUMNS } from '../../domain/columns';

/** Longer values are a malformed request, not a row error (the add-in shortens them before sending). */
export { MAX_CELL_CHARS };

// Sheet text never needs ASCII control characters; they are rejected before any rule runs.
export const cellText = { type: 'string', maxLength: MAX_CELL_CHARS, pattern: '^[^\\u0000-\\u001f\\u007f]*$' } as const;

const OPTIONAL = new Set(['email', 'mobile', 'spouseFirstName', 'spouseLastName', 'spouseEmail']);

/** DESIGN §6 ClientRow: every field a string except `row`; semantic checks belong to the import rules. */
export const clientRowSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['row', ...TEMPLATE_COLUMNS.map((c) => c.field).filter((f) => !OPTIONAL.has(f))],
  properties: {
    row: { type: 'integer', minimum: 1, maximum: 1048576 },
    ...Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.field, cellText])),
  },
} as const;

const nullableText = { type: ['string', 'null'] } as const;

export const rowResultSchema = {
  type: 'object',
  properties: {
    row: { type: 'integer' },
    taxClientId: { type: 'string' },
    outcome: { type: 'string' },
    kind: nullableText,
    status: nullableText,
    comment: { type: 'string' },
  },
} as const;

export const problemSchema = {
  type: 'object',
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
} as const;

export const importJobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string' },
    counts: {
      type: 'object',
      properties: { rows: { type: 'integer' }, imported: { type: 'integer' }, rejected: { type: 'integer' } },
    },
    createdAt: { type: 'string' },
    completedAt: { type: ['string', 'null'] },
  },
} as const;

export const importIdParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]*$' } },
} as const;
