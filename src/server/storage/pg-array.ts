// Set-based statements take their rows as arrays (`unnest($1::text[], …)`). The drivers turn a JS array
// into Postgres's array text one element at a time on the server's thread (node-postgres: two regular
// expressions per element; PGlite: a structured clone to its thread first), about a tenth of a batch's
// time on that thread. JSON.stringify, native, writes the same text for the usual values: each string in
// double quotes with `"` and `\` escaped by a backslash, as the array syntax wants, and null as `null`,
// which Postgres reads as NULL. Only JSON's other escapes (`\n`, `\u0001`…) mean something else in an
// array literal; a value that needs one takes the drivers' way.

/** The Postgres array literal of `values`, for a `$n::text[]` parameter. */
export function textArray(values: readonly (string | null)[]): string | (string | null)[] {
  const json = JSON.stringify(values);
  return OTHER_ESCAPE.test(json) ? [...values] : `{${json.slice(1, -1)}}`;
}

/** An escape other than `\"` and `\\`: a backslash that ends an even run of them and is followed by anything else. */
const OTHER_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\[^"\\]/;

/** The Postgres array literal of whole numbers, for a `$n::int[]` parameter. */
export const intArray = (values: readonly number[]): string => `{${values.join(',')}}`;
