import fc from 'fast-check';
import { cleanCell, readTemplate } from './row-reading';
import { checkFields, checkReferences, sameText } from './row-validation';
import { validRow } from '../../test/support/client-rows';
import { decideRow, toRowResult } from './import-decision';
import { checkRows, firstRowsOfDuplicates } from './table-checks';
import { TEMPLATE_COLUMNS } from './columns';
import type { OfflineStatus, StandardStatus } from './api-types';
import { TEST_FIRM } from '../../test/support/client-rows';

const headers = [...TEMPLATE_COLUMNS.flatMap((c) => [c.header, ...c.aliases]), 'Notes', 'Tax Client ID*'];
const cellText = fc.oneof(
  fc.constant(''),
  fc.constant('  '),
  fc.constantFrom(...headers, 'Yes', 'No', '#N/A', '=1+1', '00123', 'owner@firm.test', 'Main Office'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const grid = fc.array(fc.array(cellText, { maxLength: 14 }), { maxLength: 40 });
const standard = fc.constantFrom<StandardStatus | null>(null, 'Missing Info', 'Not Invited', 'Not Enrolled', 'Connected');
const offline = fc.constantFrom<OfflineStatus | null>(null, 'Offline', 'Duplicate');

function nonBlankRowsBelow(cells: readonly (readonly string[])[], headerIndex: number): number {
  return cells.slice(headerIndex + 1).filter((row) => row.some((c) => c.trim() !== '')).length;
}

describe('any grid', () => {
  it('yields exactly one result per non-blank data row, in row order, without throwing', () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 1, max: 50 }), standard, offline, fc.boolean(), (cells, firstRow, s, o, send) => {
        const { match, rows } = readTemplate(cells, firstRow);
        const duplicates = firstRowsOfDuplicates(rows);
        const results = rows.map((row) =>
          toRowResult(
            row,
            decideRow(row, {
              firm: TEST_FIRM,
              sendInvitations: send,
              firstRowWithSameId: duplicates.get(row.row) ?? null,
              existing: { standard: s, offline: o },
              emailConflict: null,
            }),
          ),
        );
        const expected = match.headerRowIndex < 0 ? 0 : nonBlankRowsBelow(cells, match.headerRowIndex);
        expect(results).toHaveLength(expected);
        results.forEach((r, i) => {
          expect(r.row).toBe(rows[i].row);
          if (i > 0) expect(r.row).toBeGreaterThan(results[i - 1].row);
          expect(r.outcome === 'imported').toBe(r.comment === '');
          expect(r.outcome === 'imported').toBe(r.kind !== null);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('checkRows reports issues only for rows it was given, in row order', () => {
    fc.assert(
      fc.property(grid, (cells) => {
        const { rows } = readTemplate(cells);
        const issues = checkRows(rows, TEST_FIRM);
        const known = new Set(rows.map((r) => r.row));
        issues.forEach((issue, i) => {
          expect(known.has(issue.row)).toBe(true);
          if (i > 0) expect(issue.row).toBeGreaterThanOrEqual(issues[i - 1].row);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never reports an imported row with a field issue', () => {
    fc.assert(
      fc.property(grid, (cells) => {
        const { rows } = readTemplate(cells);
        for (const row of rows) {
          const d = decideRow(row, {
            firm: TEST_FIRM,
            sendInvitations: false,
            firstRowWithSameId: null,
            existing: { standard: null, offline: null },
            emailConflict: null,
          });
          if (d.outcome === 'imported') expect(checkRows([row], TEST_FIRM)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the fast paths agree with the rules as written', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u0007', '\u007f', '\u00a0', '\ufeff', 'a', 'é', '😀', '#', '-', '.', '_', '٣'), maxLength: 12 }),
  );

  it('cleanCell: control characters become spaces, then the text is trimmed', () => {
    // eslint-disable-next-line no-control-regex -- the rule under test
    fc.assert(fc.property(anyText, (text) => expect(cleanCell(text)).toBe(text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim())));
  });

  it('Tax Client ID: once NFKC-normalised, 1–50 ASCII letters, digits, "-", "_" or "." (where no earlier rule already flags it)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const codes = checkFields(validRow({ taxClientId: text }))
          .filter((i) => i.field === 'taxClientId')
          .map((i) => i.code);
        if (codes.some((c) => c === 'required' || c === 'error-value' || c === 'control-character')) return;
        expect(codes.includes('invalid-id')).toBe(!/^[A-Za-z0-9._-]{1,50}$/.test(text.trim().normalize('NFKC')));
      }),
    );
  });

  it('names: at most 100 characters, counted in code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '😀'), minLength: 90, maxLength: 210 }), (name) => {
        const tooLong = checkFields(validRow({ firstName: name })).some((i) => i.code === 'too-long');
        expect(tooLong).toBe([...name].length > 100);
      }),
    );
  });

  it('owners and offices: known when sameText matches one of the firm', () => {
    const names = fc.constantFrom('owner@firm.test', ' OWNER@firm.test ', 'Main Office', 'main office', 'North', 'Ösel', 'ösel', 'other');
    fc.assert(
      fc.property(fc.array(names, { maxLength: 4 }), fc.array(names, { maxLength: 4 }), names, names, (owners, offices, owner, office) => {
        const codes = checkReferences(validRow({ ownerEmail: owner, officeLocation: office }), { offlineClientsEnabled: true, owners, offices }).map(
          (i) => i.code,
        );
        expect(codes.includes('unknown-owner')).toBe(!owners.some((o) => sameText(o, owner)));
        expect(codes.includes('unknown-office')).toBe(!offices.some((o) => sameText(o, office)));
      }),
    );
  });
});
