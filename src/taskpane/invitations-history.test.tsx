/** @jest-environment ./test/support/jsdom-fetch.environment.js */
// The taxpayer's side from the pane: invitations with an import and from the portal status, and the
// History view (past imports, their reports, resuming an open one).
import { templateRows } from '../../test/fixtures/excel/client-sheet';
import { FIRM, setUpPane, waitFor } from '../../test/support/jsdom-pane';

type Pane = ReturnType<typeof setUpPane>;
const createCalls = (pane: Pane) => pane.portal.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/api/v1/imports')).map((c) => c.body);
const checkbox = (pane: Pane) => pane.container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

describe('Send invitations to new clients', () => {
  it('is sent with the import and remembered for the firm', async () => {
    const pane = setUpPane(templateRows(3));
    await pane.ready();
    await pane.openTab('Import');
    await waitFor(() => pane.text().includes('Send invitations to new clients'), 'the check box');
    expect(checkbox(pane).checked).toBe(false);
    checkbox(pane).click();
    await waitFor(() => checkbox(pane).checked, 'the box checked');
    await pane.click('Import clients');
    await waitFor(() => pane.text().includes('3 imported'), 'the import');
    expect(createCalls(pane)).toEqual([{ source: 'sheet:Clients', sendInvitations: true }]);
    expect(JSON.parse(pane.storage.items.get(`book:client-import:sendInvitations:${FIRM.id}`)!)).toBe(true);
  });
});

describe('invitations from the portal status', () => {
  it('invites the Not Invited clients of the sheet, then re-invites the Not Enrolled ones', async () => {
    const pane = setUpPane(templateRows(3));
    await pane.ready();
    await pane.importFromPane('3 imported');
    await pane.openTab('Template');
    await pane.click('Refresh portal status');
    await pane.click('Send invitations (3 Not Invited)');
    await waitFor(() => pane.text().includes('Invitations sent to 3 clients.'), 'the invitations');
    expect(pane.portal.invited).toEqual(['C000001', 'C000002', 'C000003']);
    await pane.click('Resend invitations (3 Not Enrolled)');
    await waitFor(() => pane.text().includes('New invitation links sent to 3 clients.'), 'the new links');
    expect(pane.portal.resent).toEqual(['C000001', 'C000002', 'C000003']);
  });
});

describe('the History view', () => {
  it('lists past imports newest first, downloads a report and writes one to a sheet', async () => {
    const pane = setUpPane(templateRows(3));
    await pane.ready();
    await pane.importFromPane('3 imported');
    await pane.click('Import clients');
    await waitFor(() => pane.text().includes('Import imp-2'), 'the second import');
    await pane.openTab('History');
    await waitFor(() => pane.container.querySelectorAll('[aria-label="Past imports"] li').length === 2, 'two imports listed');
    const items = [...pane.container.querySelectorAll('[aria-label="Past imports"] li')].map((li) => li.getAttribute('aria-label'));
    expect(items).toEqual(['Import imp-2', 'Import imp-1']);
    expect(pane.text()).toContain('from the sheet Clients');
    expect(pane.text()).toContain('Completed: 3 imported, 0 rejected of 3 rows.');
    expect(pane.text()).toContain('By pat@firm.test'); // who started it
    const sheetsBefore = pane.fake.sheetNames();
    expect(sheetsBefore).toEqual(['Clients', 'Import Exceptions', 'Import Exceptions (2)']);
    (pane.container.querySelector('[aria-label="Import imp-1"]')!.querySelectorAll('button')[1] as HTMLButtonElement).click();
    // One report sheet per import: imp-1's own report is written afresh, under its name.
    await waitFor(() => pane.text().includes('The report of import imp-1 is on the sheet Import Exceptions.'), 'the sheet');
    expect(pane.fake.sheetNames()).toEqual(['Clients', 'Import Exceptions (2)', 'Import Exceptions']);
    // The buttons stay disabled until the sheet-writing action has ended, which may be a moment after its message.
    const download = () => pane.container.querySelector('[aria-label="Import imp-2"]')!.querySelector('button') as HTMLButtonElement;
    await waitFor(() => !download().disabled, 'History to be idle again');
    download().click();
    await waitFor(() => pane.downloads.length === 1, 'the download');
    expect(pane.downloads).toEqual(['import-exceptions-imp-2.xlsx']);
  });

  it('resumes an open import of this pane', async () => {
    const pane = setUpPane(templateRows(1500));
    await pane.ready();
    pane.refuseBatch(2);
    await pane.importFromPane('Stopped after 1,000 of 1,500 rows');
    await pane.openTab('History');
    await waitFor(() => pane.text().includes('Not finished: 1,000 imported, 0 rejected of 1,000 rows.'), 'the open import');
    await pane.click('Resume import');
    await waitFor(() => pane.text().includes('1,500 imported, 0 rejected.'), 'the resumed import');
    expect(pane.selectedTab()).toBe('Import');
    expect(pane.portal.imports.size).toBe(1);
    expect(pane.portal.imports.get('imp-1')!.rows).toHaveLength(1500);
  });
});
