import { count } from '../../format';

/** The one thing the Template view offers as its primary button. */
export type NextStep =
  | { kind: 'insert'; label: string }
  | { kind: 'prepare'; label: string }
  | { kind: 'check'; label: string }
  | { kind: 'fix'; label: string; issues: number }
  | { kind: 'connect'; label: string }
  | { kind: 'import'; label: string; rows: number };

export interface StepFacts {
  found: boolean;
  /** Prepared in this pane since the template was found. */
  prepared: boolean;
  /** Issues and rows of the last check, live or full; null before one. */
  checked: { issues: number; rows: number } | null;
  connected: boolean;
}

/** Prepare → (Check) → Fix N issues → Import: `nextStep({found: true, prepared: true, checked: {issues: 3, rows: 9}, connected: true}).label` → "Fix 3 issues". */
export function nextStep(f: StepFacts): NextStep {
  if (!f.found) return { kind: 'insert', label: 'Insert template' };
  if (!f.prepared) return { kind: 'prepare', label: 'Prepare template' };
  if (f.checked === null) return { kind: 'check', label: 'Check template' };
  if (f.checked.issues > 0) return { kind: 'fix', label: `Fix ${count(f.checked.issues, 'issue')}`, issues: f.checked.issues };
  if (!f.connected) return { kind: 'connect', label: 'Connect to import' };
  return { kind: 'import', label: `Import ${count(f.checked.rows, 'client')}`, rows: f.checked.rows };
}
