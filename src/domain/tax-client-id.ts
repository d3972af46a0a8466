/** The characters a Tax Client ID may hold once NFKC-normalised (docs/import-rules.md): one ID, one form. */
const ALLOWED = /^[A-Za-z0-9._-]{1,50}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The one form of a Tax Client ID: trimmed and NFKC-normalised, so fullwidth `Ｔ１`, superscript `T¹` and the
 * Kelvin sign `K` become `T1`, `T1` and `K` and meet their ASCII twins. `normalizeTaxClientId(" Ｔ１ ")` → `"T1"`
 */
export function normalizeTaxClientId(text: string): string {
  const trimmed = text.trim();
  return PRINTABLE_ASCII.test(trimmed) ? trimmed : trimmed.normalize('NFKC');
}

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, 'Cyrillic'],
  [/\p{Script=Greek}/u, 'Greek'],
  [/\p{Script=Arabic}/u, 'Arabic'],
  [/\p{Script=Hebrew}/u, 'Hebrew'],
  [/\p{Script=Latin}/u, 'Latin'],
  [/\p{Script=Devanagari}/u, 'Devanagari'],
  [/\p{Script=Han}/u, 'Han'],
];

/** `describeCharacter("Т")` → `'"Т" (U+0422, a Cyrillic letter)'` */
export function describeCharacter(char: string): string {
  const point = char.codePointAt(0) ?? 0;
  const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind = /\p{L}/u.test(char) ? 'letter' : /\p{N}/u.test(char) ? 'digit' : /\s/u.test(char) ? 'space' : 'symbol';
  const script = SCRIPTS.find(([pattern]) => pattern.test(char))?.[1];
  const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(char) ? `"${char}" ` : '';
  const what = `${script ? `${script} ` : ''}${kind}`;
  return `${shown}(${code}, ${/^[AEIOU]/i.test(what) ? 'an' : 'a'} ${what})`;
}

/**
 * Why a (normalised) Tax Client ID is not allowed, or null: it names the first character outside A–Z, a–z, 0–9,
 * `-`, `_` and `.`, such as a look-alike. `taxClientIdProblem("Т1")` → `'contains "Т" (U+0422, a Cyrillic letter); …'`
 */
export function taxClientIdProblem(id: string): string | null {
  if (ALLOWED.test(id)) return null;
  const rule = 'only letters A–Z, digits 0–9, "-", "_" and "." are allowed';
  const bad = [...id].find((char) => !/^[A-Za-z0-9._-]$/.test(char));
  if (bad !== undefined) return `contains ${describeCharacter(bad)}; ${rule}`;
  return 'must be 1–50 letters, digits, "-", "_" or "."';
}

/** The row with its ID in its one form (the same object when it already is): the server's rows as the add-in reads them. */
export function withNormalizedId<T extends { taxClientId: string }>(row: T): T {
  const id = normalizeTaxClientId(row.taxClientId);
  return id === row.taxClientId ? row : { ...row, taxClientId: id };
}
