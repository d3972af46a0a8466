import { nextStep } from './next-step';

describe('nextStep', () => {
  const ready = { found: true, prepared: true, checked: { issues: 0, rows: 120 }, connected: true };
  it('leads from a missing template to the import', () => {
    expect(nextStep({ ...ready, found: false }).label).toBe('Insert template');
    expect(nextStep({ ...ready, prepared: false }).label).toBe('Prepare template');
    expect(nextStep({ ...ready, checked: null }).label).toBe('Check template');
    expect(nextStep({ ...ready, checked: { issues: 1, rows: 120 } }).label).toBe('Fix 1 issue');
    expect(nextStep({ ...ready, checked: { issues: 1200, rows: 5000 } }).label).toBe('Fix 1,200 issues');
    expect(nextStep({ ...ready, connected: false }).label).toBe('Connect to import');
    expect(nextStep(ready)).toEqual({ kind: 'import', label: 'Import 120 clients', rows: 120 });
  });
});
