import type { ClientRow, RowResult } from '../../domain/api-types';
import { gunzipSync } from 'node:zlib';
import { decodeResults, decodeRows, encodeResults, encodeRows, packDocument, packDocumentNow, unpackDocument } from './batch-document';

const rows: ClientRow[] = [
  { row: 2, taxClientId: '00123', firstName: ' Ann ', lastName: 'Lee', email: 'a@x.test', ownerEmail: 'o@x.test', officeLocation: 'Main', isOffline: '' },
  {
    row: 9,
    taxClientId: '',
    firstName: '"quoted", [x]',
    lastName: '',
    mobile: '+1 555',
    spouseFirstName: 'B',
    spouseLastName: 'C',
    spouseEmail: 'b@x.test',
    ownerEmail: '',
    officeLocation: '',
    isOffline: 'Yes',
  },
];
const results: RowResult[] = [
  { row: 2, taxClientId: '00123', outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' },
  { row: 9, taxClientId: '', outcome: 'rejected', kind: null, status: null, comment: 'Missing mandatory fields: Tax Client ID' },
];

describe('stored batch documents', () => {
  it('give back the rows as sent, absent optional fields still absent', () => {
    const back = decodeRows(encodeRows(rows));
    expect(back).toEqual(rows);
    expect('email' in back[1]).toBe(false);
    expect('mobile' in back[0]).toBe(false);
  });

  it("keep a held-back row's comment (a pending batch is decided from its stored rows), and read documents stored before it", () => {
    const heldBack = { ...rows[0], heldBack: 'Taxpayer Last Name is a formula with no result saved in the file' };
    expect(decodeRows(encodeRows([heldBack]))).toEqual([heldBack]);
    const older = JSON.stringify([JSON.parse(encodeRows([rows[0]]))[0].slice(0, -1)]);
    expect(decodeRows(older)).toEqual([rows[0]]);
  });

  it('give back the results as answered', () => {
    expect(decodeResults(encodeResults(results), decodeRows(encodeRows(rows)))).toEqual(results);
  });

  it('are smaller than the plain objects', () => {
    expect(encodeRows(rows).length + encodeResults(results).length).toBeLessThan(JSON.stringify(rows).length + JSON.stringify(results).length);
  });

  it('are stored gzipped, a fraction of the text, and read back as the same text', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...rows[0], row: i + 2, taxClientId: `T-${i}`, email: `c${i}@x.test` }));
    const text = encodeRows(many);
    const packed = await packDocument(text);
    expect(gunzipSync(packed).toString('utf8')).toBe(text);
    expect(packed.length).toBeLessThan(text.length / 4);
    expect(unpackDocument(new Uint8Array(packed))).toBe(text);
    expect(unpackDocument(packDocumentNow('[]'))).toBe('[]');
  });

  it('read batches stored before they were gzipped (UTF-8 text bytes)', () => {
    const text = encodeRows(rows);
    expect(decodeRows(unpackDocument(Buffer.from(text, 'utf8')))).toEqual(rows);
  });
});
