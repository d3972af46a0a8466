import type { ReportRow } from '../../domain/api-types';
import type { StoredBatch } from '../imports/batch.repository';

/** Every submitted row with its result, in sheet row order (batch order breaks ties). */
export function reportRows(batches: readonly StoredBatch[]): ReportRow[] {
  const rows = batches.flatMap((b) => b.rows.map((row, i) => ({ ...row, ...b.results[i] }) as ReportRow));
  return rows.sort((a, b) => a.row - b.row);
}
