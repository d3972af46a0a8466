import { COLUMN_BY_FIELD } from '../../domain';
import { CheckView } from '../components/check/CheckView';
import { PROBLEM_LABELS } from '../components/check/problem-labels';
import type { CheckState } from '../hooks/use-check';

/** The Check view wired to its hook. */
export function CheckTab({ check }: { check: CheckState }) {
  const issues = (check.result?.issues ?? []).map((issue, i) => ({
    key: String(i),
    row: issue.row,
    column: issue.column || (issue.field ? COLUMN_BY_FIELD[issue.field].header : ''),
    message: issue.message,
    problem: PROBLEM_LABELS[issue.code],
    severity: issue.severity,
  }));
  return (
    <CheckView
      checked={check.result ? { rows: check.result.rows, withFirmRules: check.result.withFirmRules } : null}
      issues={issues}
      busy={check.busy}
      onCheck={() => void check.run()}
      onSelect={(key) => void check.select(check.result!.issues[Number(key)])}
    />
  );
}
