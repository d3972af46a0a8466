import { Type } from 'typebox';
import { MAX_BATCH_ROWS, type ImportJob, type ImportListItem, type ReportRow } from '../../domain/api-types';
import { ClientRowSchema, RowResultSchema } from './client-row.schema';
import { countingNumber, digits, plainText } from './text.schema';
import { wire } from './wire-type';

export const NewImportBody = Type.Object(
  {
    source: Type.Optional(plainText(500)),
    sendInvitations: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ImportCreated = Type.Object({ id: Type.String(), status: Type.Literal('open') });

export const ImportJobSchema = wire<ImportJob>()(
  Type.Object({
    id: Type.String(),
    status: Type.Enum(['open', 'completed']),
    counts: Type.Object({ rows: Type.Integer(), imported: Type.Integer(), rejected: Type.Integer() }),
    createdAt: Type.String({ format: 'date-time' }),
    completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
);

export const BatchParams = Type.Object({ id: plainText(100), seq: countingNumber(9) }, { additionalProperties: false });

/** `after`: the batch this one follows in the file; it is applied once that one is stored, so several may be in flight. */
export const BatchQuery = Type.Object({ after: Type.Optional(digits(9)) }, { additionalProperties: false });

// maxItems documents the limit; a longer batch is refused as too large (413) before the schema runs.
export const BatchBody = Type.Object({ rows: Type.Array(ClientRowSchema, { maxItems: MAX_BATCH_ROWS }) }, { additionalProperties: false });

export const BatchAnswer = Type.Object({ results: Type.Array(RowResultSchema) });

export const ReportSchema = Type.Object({
  rows: Type.Array(wire<ReportRow>()(Type.Object({ ...ClientRowSchema.properties, ...RowResultSchema.properties }))),
});

/** `<microseconds>.<import id>`: opaque to the pane, which only hands back the `next` it was given. */
// eslint-disable-next-line no-control-regex -- refusing control characters is this pattern's job
export const HISTORY_CURSOR = /^([0-9]{1,18})\.([^\u0000-\u001f\u007f]{1,100})$/;

export const ImportHistoryQuery = Type.Object(
  { limit: Type.Optional(digits(2)), cursor: Type.Optional(Type.String({ maxLength: 130, pattern: HISTORY_CURSOR.source })) },
  { additionalProperties: false },
);

export const ImportHistoryPage = Type.Object({
  imports: Type.Array(
    wire<ImportListItem>()(
      Type.Object({ ...ImportJobSchema.properties, source: Type.Union([Type.String(), Type.Null()]), createdBy: Type.String(), createdByName: Type.String() }),
    ),
  ),
  next: Type.Union([Type.String(), Type.Null()]),
});
