import type { Client, ClientRow } from '../../domain';
import { invitableIds, NOT_IN_PORTAL, rowStatuses } from './portal-status';

const row = (n: number, taxClientId: string) => ({ row: n, taxClientId }) as ClientRow;
const client = (taxClientId: string, kind: Client['kind'], status: Client['status']) => ({ taxClientId, kind, status }) as Client;

describe('rowStatuses', () => {
  it('shows the standard status (with the offline one beside it), else the offline one, else Not in portal; only unconnected standard clients are marked', () => {
    const rows = [row(2, 'A'), row(3, 'B'), row(4, 'C'), row(5, 'D'), row(6, 'E')];
    const clients = [
      client('A', 'standard', 'Connected'),
      client('A', 'offline', 'Duplicate'),
      client('B', 'standard', 'Not Enrolled'),
      client('C', 'offline', 'Offline'),
      client('E', 'standard', 'Not Enrolled'),
      client('E', 'offline', 'Offline'),
    ];
    expect(rowStatuses(rows, clients)).toEqual([
      { row: 2, label: 'Connected (offline: Duplicate)', unconnected: false },
      { row: 3, label: 'Not Enrolled', unconnected: true },
      { row: 4, label: 'Offline', unconnected: false },
      { row: 5, label: NOT_IN_PORTAL, unconnected: false },
      { row: 6, label: 'Not Enrolled (offline: Offline)', unconnected: true },
    ]);
  });
});

describe('invitableIds', () => {
  it('lists each Not Invited and Not Enrolled standard client of the sheet once, and nothing else', () => {
    const rows = [row(2, 'A'), row(3, 'B'), row(4, 'C'), row(5, 'B'), row(6, 'D'), row(7, 'E')];
    const clients = [
      client('A', 'standard', 'Not Invited'),
      client('B', 'standard', 'Not Enrolled'),
      client('C', 'standard', 'Connected'),
      client('D', 'offline', 'Offline'),
      client('E', 'standard', 'Missing Info'),
      client('F', 'standard', 'Not Invited'),
    ];
    expect(invitableIds(rows, clients)).toEqual({ notInvited: ['A'], notEnrolled: ['B'] });
  });
});
