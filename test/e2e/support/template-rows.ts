// Template grids for the harness workbook and the dropped file.
import { TEMPLATE_COLUMNS, type ClientRow } from '../../../src/domain';

export const OWNER = 'owner@firm.test';
export const OFFICE = 'Main';

export function clientRows(prefix: string, count: number): Omit<ClientRow, 'row'>[] {
  return Array.from({ length: count }, (_, i) => ({
    taxClientId: `${prefix}${String(i + 1).padStart(5, '0')}`,
    firstName: 'Ann',
    lastName: `Client ${i + 1}`,
    email: `${prefix.toLowerCase()}${i + 1}@example.com`,
    ownerEmail: OWNER,
    officeLocation: OFFICE,
    isOffline: '',
  }));
}

/** Header + one row per client, in template column order (strings as typed). */
export function templateGrid(rows: readonly Omit<ClientRow, 'row'>[]): string[][] {
  const header = TEMPLATE_COLUMNS.map((c) => c.header);
  return [header, ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => String(r[c.field] ?? '')))];
}
