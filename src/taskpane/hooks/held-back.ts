import type { ImportOutcome } from '../../api';
import { rowComment, type ClientRow, type Issue, type ReportRow } from '../../domain';

/** Rows a source will not send, each with the rejection the report shows for it. */
export interface SplitRows {
  rows: ClientRow[];
  heldBack: ReportRow[];
}

/**
 * Rows whose cells the file cannot tell (a formula with no saved result) are held back: the portal
 * would judge text Excel never showed. They are rejected with the reader's comment (open and save
 * the file in Excel first); the other rows are sent. Derived from the file, so a resume gets the same split.
 */
export function holdBackUnknowable(rows: readonly ClientRow[], issues: readonly Issue[]): SplitRows {
  const byRow = new Map<number, Issue[]>();
  for (const issue of issues) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
  const split: SplitRows = { rows: [], heldBack: [] };
  for (const row of rows) {
    const unknown = byRow.get(row.row);
    if (unknown === undefined) split.rows.push(row);
    else split.heldBack.push({ ...row, outcome: 'rejected', kind: null, status: null, comment: rowComment(unknown) });
  }
  return split;
}

/** The portal's outcome with the held-back rows counted as rejected and placed in row order. */
export function withHeldBack(outcome: ImportOutcome, heldBack: readonly ReportRow[]): ImportOutcome {
  if (heldBack.length === 0) return outcome;
  const { counts } = outcome;
  return {
    ...outcome,
    counts: { ...counts, rows: counts.rows + heldBack.length, rejected: counts.rejected + heldBack.length },
    report: [...outcome.report, ...heldBack].sort((a, b) => a.row - b.row),
  };
}
