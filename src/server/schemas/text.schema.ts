import { Type } from 'typebox';

// Sheet and form text never needs ASCII control characters, nor half of a UTF-16 surrogate pair (JSON can spell one,
// `"\\ud800"`, which the database would store as U+FFFD while the stored batch kept the raw half); they are refused
// before any rule runs. Ajv compiles patterns with the `u` flag, so the surrogate range matches lone halves only and
// a whole pair (an emoji) passes. The one pattern for it: every text field of the API uses plainText or visibleText.
const CONTROL_FREE = '^[^\\u0000-\\u001f\\u007f\\ud800-\\udfff]*$';

/** Text without control characters, at most `maxLength` characters (blank allowed). */
export const plainText = (maxLength: number) => Type.String({ maxLength, pattern: CONTROL_FREE });

/** Text with at least one visible character: a name of spaces is blank once trimmed. */
export const visibleText = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: CONTROL_FREE, not: { pattern: '^\\s*$' } });

/** An import id as it appears in a path; the database decides whether it exists. */
export const ImportIdParams = Type.Object({ id: plainText(100) }, { additionalProperties: false });

/** A decimal counter in a path or query, at most `digits` long (never coerced from other text). */
export const digits = (max: number) => Type.String({ pattern: `^[0-9]{1,${max}}$` });

/** A counter that starts at 1 (batch numbers), at most `max` digits. */
export const countingNumber = (max: number) => Type.String({ pattern: `^[1-9][0-9]{0,${max - 1}}$` });
