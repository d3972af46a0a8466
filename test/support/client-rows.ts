import type { ClientRow, FirmRules } from '../../src/domain';

/** A firm whose settings accept `validRow()`. */
export const TEST_FIRM: FirmRules = {
  offlineClientsEnabled: true,
  owners: ['owner@firm.test', 'partner@firm.test'],
  offices: ['Main Office', 'North'],
  users: ['owner@firm.test', 'partner@firm.test', 'clerk@firm.test'],
};

/** A row that passes every field and reference check; override what a test is about. */
export function validRow(overrides: Partial<ClientRow> = {}): ClientRow {
  return {
    row: 2,
    taxClientId: '00123',
    firstName: 'Ann',
    lastName: 'Lee',
    email: 'ann.lee@example.com',
    mobile: '+1 (555) 123-4567',
    spouseFirstName: '',
    spouseLastName: '',
    spouseEmail: '',
    ownerEmail: 'owner@firm.test',
    officeLocation: 'Main Office',
    isOffline: 'No',
    ...overrides,
  };
}
