// Attack 7 of issue 24: Cyrillic `Т1`, fullwidth `Ｔ１`, `T¹`, Arabic-Indic `T١` and a Kelvin-sign `K9` were each
// imported as a client apart from `T1` and `K9`, past the duplicate rules. Now an ID is NFKC-normalised (on the
// add-in and on the server) and limited to ASCII letters, digits, "-", "_" and ".": a look-alike is the same ID as
// its ASCII twin, or a row error naming the character.
import { checkRows, readRow } from '../../../src/domain';
import { firmToken, listen, type Listening } from './support/listening';

let t: Listening;
let auth: { authorization: string };
beforeAll(async () => {
  t = await listen();
  auth = { authorization: `Bearer ${await firmToken(t.app)}` };
});
afterAll(async () => {
  await t?.close();
});

const row = (n: number, taxClientId: string) => ({
  row: n,
  taxClientId,
  firstName: 'Ann',
  lastName: `Lee${n}`,
  ownerEmail: 'owner@firm.test',
  officeLocation: 'Main Office',
  isOffline: 'No',
});
const IDS = ['T1', 'K9', 'Т1', 'Ｔ１', 'T¹', 'T١', '\u212A9'];

describe('look-alike Tax Client IDs', () => {
  it('the server imports T1 and K9 once each: normalised twins are duplicates, other look-alikes row errors naming the character', async () => {
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: auth, payload: {} });
    const rows = IDS.map((id, i) => row(i + 2, id));
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${started.json().id}/batches/1`, headers: auth, payload: { rows } });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as { row: number; outcome: string; comment: string }[];
    expect(results.filter((r) => r.outcome === 'imported').map((r) => r.row)).toEqual([2, 3]);
    const comment = (n: number) => results.find((r) => r.row === n)!.comment;
    expect(comment(4)).toMatch(/U\+0422, a Cyrillic letter/);
    expect(comment(7)).toMatch(/U\+0661, an? Arabic digit/);
    for (const n of [5, 6]) expect(comment(n)).toMatch(/more than once in the file \(first on row 2\)/);
    expect(comment(8)).toMatch(/more than once in the file \(first on row 3\)/);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/clients', headers: auth });
    expect((listed.json().clients as { taxClientId: string }[]).map((c) => c.taxClientId).sort()).toEqual(['K9', 'T1']);
  });

  it('lookups by a known ID take its normalised form: the client list filter and sending and resending invitations find T1 by Ｔ１', async () => {
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/clients?taxClientId=${encodeURIComponent(' Ｔ１ ')}`, headers: auth });
    expect((listed.json().clients as { taxClientId: string }[]).map((c) => c.taxClientId)).toEqual(['T1']);
    for (const url of ['/api/v1/clients/invitations', '/api/v1/clients/invitations/resend']) {
      const res = await t.app.inject({ method: 'POST', url, headers: auth, payload: { taxClientIds: ['Ｔ１', '\u212A9'] } });
      expect(res.statusCode).toBe(200);
      const results = res.json().results as { taxClientId: string; comment: string }[];
      expect(results.map((r) => r.taxClientId)).toEqual(['T1', 'K9']);
      for (const r of results) expect(r.comment).not.toMatch(/no client|not found/i);
    }
  });

  it('the add-in reads and checks them the same way', () => {
    const read = IDS.map((id, i) =>
      readRow(
        [id, 'Ann', `Lee${i}`, 'owner@firm.test', 'Main Office'],
        { taxClientId: 0, firstName: 1, lastName: 2, ownerEmail: 3, officeLocation: 4 },
        i + 2,
      )!,
    );
    expect(read.map((r) => r.taxClientId)).toEqual(['T1', 'K9', 'Т1', 'T1', 'T1', 'T١', 'K9']);
    const issues = checkRows(read).map((i) => [i.row, i.code]);
    expect(issues).toEqual([
      [4, 'invalid-id'],
      [5, 'duplicate-id'],
      [6, 'duplicate-id'],
      [7, 'invalid-id'],
      [8, 'duplicate-id'],
    ]);
  });
});
