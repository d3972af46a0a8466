import type { ClientStatus, StandardStatus } from './api-types';

export type StatusEvent = 'email-added' | 'invitation-sent' | 'accepted' | 'standard-connected';

/**
 * The status a new standard profile starts in (§4).
 * `initialStandardStatus("", true)` → `"Missing Info"`: no email, nobody to invite.
 */
export function initialStandardStatus(email: string | undefined, sendInvitations: boolean): StandardStatus {
  if ((email ?? '').trim() === '') return 'Missing Info';
  return sendInvitations ? 'Not Enrolled' : 'Not Invited';
}

const TRANSITIONS: Readonly<Record<string, ClientStatus>> = {
  'Missing Info|email-added': 'Not Invited',
  'Not Invited|invitation-sent': 'Not Enrolled',
  'Not Enrolled|invitation-sent': 'Not Enrolled',
  'Not Enrolled|accepted': 'Connected',
  'Offline|standard-connected': 'Duplicate',
};

/**
 * The status after an event, or null when the event does not apply.
 * `nextStatus("Not Enrolled", "accepted")` → `"Connected"`; `nextStatus("Connected", "accepted")` → null
 */
export function nextStatus(status: ClientStatus, event: StatusEvent): ClientStatus | null {
  return TRANSITIONS[`${status}|${event}`] ?? null;
}

/** `isConnected("Connected")` → true */
export function isConnected(status: ClientStatus | null | undefined): boolean {
  return status === 'Connected';
}
