import { rowComment, type ClientRow, type Issue } from '../../domain';

/**
 * Rows whose cells the file cannot tell (a formula whose result it cannot vouch for) are held back:
 * the portal must not judge text Excel never showed. They are still sent, carrying the reader's comment
 * (`heldBack`: open and save the file in Excel first), so the portal records them as rejected and every
 * report (the pane's counts, the exception sheet, the .xlsx download, History, the counts after a
 * Cancel) lists every row, in row order. Derived from the file, so a resume sends the same rows.
 */
export function holdBackUnknowable(rows: readonly ClientRow[], issues: readonly Issue[]): ClientRow[] {
  if (issues.length === 0) return [...rows];
  const byRow = new Map<number, Issue[]>();
  for (const issue of issues) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
  return rows.map((row) => {
    const unknown = byRow.get(row.row);
    return unknown === undefined ? row : { ...row, heldBack: rowComment(unknown) };
  });
}
