import fc from 'fast-check';
import { readTemplate } from './row-reading';
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
