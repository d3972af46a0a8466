import { checkRow, COMMENTS, decideCheckedRow, decideRow, toRowResult, type DecisionContext, type ExistingProfiles } from './import-decision';
import type { OfflineStatus, StandardStatus } from './api-types';
import { TEST_FIRM, validRow } from '../../test/support/client-rows';

const context = (existing: Partial<ExistingProfiles> = {}, extra: Partial<DecisionContext> = {}): DecisionContext => ({
  firm: TEST_FIRM,
  sendInvitations: false,
  firstRowWithSameId: null,
  existing: { standard: null, offline: null, ...existing },
  emailConflict: null,
  ...extra,
});

const STANDARD: (StandardStatus | null)[] = [null, 'Missing Info', 'Not Invited', 'Not Enrolled', 'Connected'];
const OFFLINE: (OfflineStatus | null)[] = [null, 'Offline', 'Duplicate'];
const everyState = STANDARD.flatMap((standard) => OFFLINE.map((offline) => ({ standard, offline })));

/** The §4 portal-state table, written out independently of the implementation. */
function expectedByTable(isOffline: 'Yes' | 'No', standard: StandardStatus | null, offline: OfflineStatus | null) {
  if (standard === 'Connected') return { outcome: 'rejected', kind: null, status: null, comment: COMMENTS.connectedExists };
  if (isOffline === 'Yes') {
    return offline !== null
      ? { outcome: 'rejected', kind: null, status: null, comment: COMMENTS.offlineExists }
      : { outcome: 'imported', kind: 'offline', status: 'Offline', comment: '' };
  }
  if (standard !== null) return { outcome: 'rejected', kind: null, status: null, comment: COMMENTS.clientExists };
  return { outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' };
}

describe('§4 portal state, every combination', () => {
  it.each(everyState.flatMap((s) => (['Yes', 'No'] as const).map((isOffline) => ({ isOffline, ...s }))))(
    'Is Offline $isOffline, standard $standard, offline $offline',
    ({ isOffline, standard, offline }) => {
      const decision = decideRow(validRow({ isOffline }), context({ standard, offline }));
      expect(decision).toEqual(expectedByTable(isOffline, standard, offline));
    },
  );

  it('keeps the connected comment exact, as firms search for it', () => {
    expect(COMMENTS.connectedExists).toBe('A connected client already exists with this Tax Client ID');
  });

  it('treats a blank Is Offline as No', () => {
    expect(decideRow(validRow({ isOffline: '' }), context()).kind).toBe('standard');
  });
});

describe('new standard profiles', () => {
  it.each([
    ['no email', '', false, 'Missing Info'],
    ['no email, invitations asked', '', true, 'Missing Info'],
    ['an email', 'a@b.co', false, 'Not Invited'],
    ['an email, invitations asked', 'a@b.co', true, 'Not Enrolled'],
  ])('with %s start %s', (_, email, sendInvitations, status) => {
    expect(decideRow(validRow({ email }), context({}, { sendInvitations })).status).toBe(status);
  });
});

describe('§4 check order: the first failing step gives the comment', () => {
  it('a row the add-in held back is rejected with its own comment, before any check, and never imported', () => {
    const heldBack = 'Taxpayer Last Name is a formula with no result saved in the file: open the file in Excel, save it and drop it again';
    expect(decideRow(validRow({ heldBack, firstName: '' }), context({ standard: 'Connected' }))).toEqual({
      outcome: 'rejected',
      kind: null,
      status: null,
      comment: heldBack,
    });
    expect(decideRow(validRow({ heldBack }), context({})).outcome).toBe('rejected');
  });

  it('field checks come before everything', () => {
    const ctx = context({ standard: 'Connected' }, { firstRowWithSameId: 2, emailConflict: 'client' });
    expect(decideRow(validRow({ firstName: '', officeLocation: 'Mars' }), ctx).comment).toBe('Missing mandatory fields: Taxpayer First Name');
  });

  it('reference checks come before duplicates and portal state', () => {
    const ctx = context({ standard: 'Connected' }, { firstRowWithSameId: 2 });
    expect(decideRow(validRow({ officeLocation: 'Mars' }), ctx).comment).toBe("Office Location is not one of the firm's offices");
  });

  it('offline rows need the firm setting', () => {
    const ctx = context({}, { firm: { ...TEST_FIRM, offlineClientsEnabled: false } });
    expect(decideRow(validRow({ isOffline: 'Yes' }), ctx).comment).toBe(COMMENTS.offlineDisabled);
  });

  it('in-file duplicates come before portal state', () => {
    const ctx = context({ standard: 'Connected' }, { firstRowWithSameId: 4 });
    expect(decideRow(validRow(), ctx).comment).toBe('This Tax Client ID appears more than once in the file (first on row 4)');
  });

  it('portal state comes before email conflicts', () => {
    expect(decideRow(validRow(), context({ standard: 'Not Invited' }, { emailConflict: 'user' })).comment).toBe(COMMENTS.clientExists);
  });

  it.each([
    ['client', COMMENTS.emailUsedByClient],
    ['user', COMMENTS.emailUsedByUser],
  ] as const)('an email used by a %s rejects a standard row', (emailConflict, comment) => {
    expect(decideRow(validRow(), context({}, { emailConflict })).comment).toBe(comment);
  });

  it('email conflicts do not apply to offline rows', () => {
    expect(decideRow(validRow({ isOffline: 'Yes' }), context({}, { emailConflict: 'client' })).outcome).toBe('imported');
  });
});

describe('checkRow: the part decided before the portal is asked', () => {
  it('rejects on fields and references alone, and passes a row that only the portal can decide', () => {
    expect(checkRow(validRow({ firstName: '' }), TEST_FIRM)?.comment).toBe('Missing mandatory fields: Taxpayer First Name');
    expect(checkRow(validRow({ officeLocation: 'Mars' }), TEST_FIRM)?.comment).toBe("Office Location is not one of the firm's offices");
    expect(checkRow(validRow(), TEST_FIRM)).toBeNull();
    expect(decideCheckedRow(validRow(), context({ standard: 'Connected' })).comment).toBe(COMMENTS.connectedExists);
  });
});

describe('toRowResult', () => {
  it('carries the row number and Tax Client ID with the decision', () => {
    const row = validRow({ row: 12 });
    expect(toRowResult(row, decideRow(row, context()))).toEqual({
      row: 12,
      taxClientId: '00123',
      outcome: 'imported',
      kind: 'standard',
      status: 'Not Invited',
      comment: '',
    });
  });
});
