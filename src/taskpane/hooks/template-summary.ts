import { isOfflineYes, type ClientRow, type Issue } from '../../domain';

/** The template at a glance: how many rows, how many can go in (and of those as offline), how many hold an error. */
export interface TemplateSummary {
  rows: number;
  ready: number;
  invalid: number;
  /** Ready rows with Is Offline = Yes: they go in as offline clients. */
  offline: number;
}

/** `summarize(rows, issues)`: rows with an error-level issue are invalid, the others ready. */
export function summarize(rows: readonly ClientRow[], issues: readonly Issue[]): TemplateSummary {
  const invalidRows = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.row));
  const ready = rows.filter((r) => !invalidRows.has(r.row));
  return { rows: rows.length, ready: ready.length, invalid: invalidRows.size, offline: ready.filter((r) => isOfflineYes(r.isOffline)).length };
}
