import { initialStandardStatus, isConnected, nextStatus, type StatusEvent } from './status';
import type { ClientStatus } from './api-types';

const STATUSES: ClientStatus[] = ['Missing Info', 'Not Invited', 'Not Enrolled', 'Connected', 'Offline', 'Duplicate'];
const EVENTS: StatusEvent[] = ['email-added', 'invitation-sent', 'accepted', 'standard-connected'];
const ALLOWED: Record<string, ClientStatus> = {
  'Missing Info + email-added': 'Not Invited',
  'Not Invited + invitation-sent': 'Not Enrolled',
  'Not Enrolled + invitation-sent': 'Not Enrolled',
  'Not Enrolled + accepted': 'Connected',
  'Offline + standard-connected': 'Duplicate',
};

describe('status transitions (§4)', () => {
  it.each(STATUSES.flatMap((s) => EVENTS.map((e) => [s, e] as const)))('%s + %s', (status, event) => {
    expect(nextStatus(status, event)).toBe(ALLOWED[`${status} + ${event}`] ?? null);
  });

  it('accepting connects the standard profile and makes the offline one Duplicate', () => {
    expect(nextStatus('Not Enrolled', 'accepted')).toBe('Connected');
    expect(nextStatus('Offline', 'standard-connected')).toBe('Duplicate');
  });

  it('starts standard profiles by email and invitation', () => {
    expect(initialStandardStatus(undefined, false)).toBe('Missing Info');
    expect(initialStandardStatus('  ', true)).toBe('Missing Info');
    expect(initialStandardStatus('a@b.co', false)).toBe('Not Invited');
    expect(initialStandardStatus('a@b.co', true)).toBe('Not Enrolled');
  });

  it('knows only Connected as connected', () => {
    expect(STATUSES.filter(isConnected)).toEqual(['Connected']);
    expect(isConnected(null)).toBe(false);
  });
});
