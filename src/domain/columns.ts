import type { ClientRow } from './api-types';

export type FieldKey = Exclude<keyof ClientRow, 'row' | 'heldBack'>;

export interface ColumnSpec {
  field: FieldKey;
  /** The header as the template writes it. */
  header: string;
  aliases: readonly string[];
  required: boolean;
}

/** The template's columns in template order (DESIGN §3). */
export const TEMPLATE_COLUMNS: readonly ColumnSpec[] = [
  { field: 'taxClientId', header: 'Tax Client ID', aliases: [], required: true },
  { field: 'firstName', header: 'Taxpayer First Name', aliases: ['First Name'], required: true },
  { field: 'lastName', header: 'Taxpayer Last Name', aliases: ['Last Name'], required: true },
  { field: 'email', header: 'Taxpayer Email', aliases: ['Email'], required: false },
  { field: 'mobile', header: 'Taxpayer Mobile', aliases: ['Mobile', 'Mobile Phone'], required: false },
  { field: 'spouseFirstName', header: 'Spouse First Name', aliases: [], required: false },
  { field: 'spouseLastName', header: 'Spouse Last Name', aliases: [], required: false },
  { field: 'spouseEmail', header: 'Spouse Email', aliases: [], required: false },
  { field: 'ownerEmail', header: 'Owner Email', aliases: ['Owner'], required: true },
  { field: 'officeLocation', header: 'Office Location', aliases: ['Office'], required: true },
  { field: 'isOffline', header: 'Is Offline', aliases: [], required: false },
];

export const COLUMN_BY_FIELD: Readonly<Record<FieldKey, ColumnSpec>> = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.field, c])) as Record<
  FieldKey,
  ColumnSpec
>;

/** Header text reduced for matching: `"Owner Email *"` → `"owneremail"`. */
export function normalizeHeader(text: string): string {
  return text
    .trim()
    .replace(/\*+\s*$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const FIELD_BY_HEADER: ReadonlyMap<string, FieldKey> = new Map(
  TEMPLATE_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.field] as const)),
);

/** The field a header names, if any: `fieldForHeader("E-mail")` → `"email"`. */
export function fieldForHeader(text: string): FieldKey | undefined {
  return FIELD_BY_HEADER.get(normalizeHeader(text));
}
