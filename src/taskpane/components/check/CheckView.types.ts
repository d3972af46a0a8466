export interface CheckIssueItem {
  key: string;
  row: number;
  column: string;
  message: string;
  /** The kind of problem, for the Problem filter: "Bad e-mail address". */
  problem: string;
  severity: 'error' | 'warning' | 'info';
}

export interface CheckViewProps {
  checked: { rows: number; withFirmRules: boolean } | null;
  issues: CheckIssueItem[];
  busy: string | null;
  onCheck(): void;
  onSelect(key: string): void;
}
