import type { ClientRow } from './api-types';
import { normalizeTaxClientId } from './tax-client-id';
import { firmLookup, issue, pushFieldIssues, pushReferenceIssues, type FirmRules, type Issue } from './row-validation';

/**
 * Later rows whose Tax Client ID appeared on an earlier row, mapped to that first row.
 * `firstRowsOfDuplicates([{row: 2, taxClientId: "A"}, {row: 3, taxClientId: "A"}])` → `Map {3 => 2}`
 */
export function firstRowsOfDuplicates(rows: readonly Pick<ClientRow, 'row' | 'taxClientId'>[]): Map<number, number> {
  const firstRow = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const { row, taxClientId } of rows) {
    const id = normalizeTaxClientId(taxClientId);
    if (id === '') continue;
    const first = firstRow.get(id);
    if (first === undefined) firstRow.set(id, row);
    else duplicates.set(row, first);
  }
  return duplicates;
}

export function duplicateIdMessage(firstRow: number): string {
  return `appears more than once in the file (first on row ${firstRow})`;
}

/**
 * Every issue of a table in row order: field rules, firm references (when a firm is given), repeated IDs.
 * `checkRows(rows).filter(i => i.code === "duplicate-id")` lists each later copy of an ID.
 */
export function checkRows(rows: readonly ClientRow[], firm?: FirmRules): Issue[] {
  const duplicates = firstRowsOfDuplicates(rows);
  const lookup = firm === undefined ? undefined : firmLookup(firm);
  const issues: Issue[] = [];
  for (const row of rows) {
    pushFieldIssues(row, issues);
    if (lookup !== undefined) pushReferenceIssues(row, lookup, issues);
    const first = duplicates.get(row.row);
    if (first !== undefined) issues.push(issue(row.row, 'taxClientId', 'duplicate-id', duplicateIdMessage(first)));
  }
  return issues;
}
