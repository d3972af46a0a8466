import { useState } from 'react';
import { checkRows, type ClientRow, type Firm, type FirmRules, type Issue } from '../../domain';
import type { TemplateLocation } from '../../excel';
import type { WorkbookPort } from '../workbook/workbook-port';
import type { ActionGate } from './action-gate';
import { useBusy } from './use-busy';
import type { Reporter } from './use-error-bar';
import { summarize, type TemplateSummary } from './template-summary';

export interface CheckResult {
  rows: number;
  /** Rows ready, invalid and going in as offline. */
  summary: TemplateSummary;
  /** When the template was last checked, by Check, Import or the live checks. */
  checkedAt: Date;
  issues: Issue[];
  template: TemplateLocation;
  /** False when the pane is offline: owner/office/offline-setting checks need the firm. */
  withFirmRules: boolean;
  /** Cells marked invalid in the sheet. */
  marked: number;
}

export interface CheckState {
  result: CheckResult | null;
  busy: string | null;
  run(): Promise<CheckResult | undefined>;
  /** The same check for Import Clients: throws instead of reporting, and hands back the rows it read. */
  checkNow(): Promise<{ result: CheckResult; rows: ClientRow[] }>;
  select(issue: Issue): Promise<void>;
  /** Takes the outcome of a live check of the template. */
  adopt(snapshot: { rows: readonly ClientRow[]; issues: Issue[] }, template: TemplateLocation): void;
}

const resultOf = (rows: readonly ClientRow[], issues: Issue[], template: TemplateLocation, withFirmRules: boolean, marked: number): CheckResult => ({
  rows: rows.length,
  summary: summarize(rows, issues),
  checkedAt: new Date(),
  issues,
  template,
  withFirmRules,
  marked,
});

export const firmRules = (firm: Firm): FirmRules => ({ offlineClientsEnabled: firm.offlineClientsEnabled, owners: firm.owners, offices: firm.offices });

/** Checks every row (works offline; with the firm's lists when connected), marks invalid cells, lists issues. */
export function useCheck(
  workbook: WorkbookPort,
  firm: Firm | null,
  refreshTemplate: () => Promise<TemplateLocation | null>,
  reporter: Reporter,
  gate: ActionGate,
  /** Told each full check's rows and issues (the live checks start from them). */
  onFullCheck: (snapshot: { rows: ClientRow[]; issues: Issue[] }) => void = () => undefined,
): CheckState {
  const [result, setResult] = useState<CheckResult | null>(null);
  const { busy, act } = useBusy(reporter, gate);

  const checkNow = async () => {
    const template = await refreshTemplate();
    if (!template) throw new Error('No client import template found in this workbook. Insert one from the Template view.');
    const rows = await workbook.readRows(template);
    const issues = checkRows(rows, firm ? firmRules(firm) : undefined);
    const marked = await workbook.markIssues(template, issues);
    const checked = resultOf(rows, issues, template, firm !== null, marked);
    setResult(checked);
    onFullCheck({ rows, issues });
    return { result: checked, rows };
  };

  return {
    result,
    busy,
    checkNow,
    run: () => act('Checking the template', async () => (await checkNow()).result),
    adopt: (snapshot, template) => {
      const marked = new Set(snapshot.issues.map((i) => `${i.row}:${i.field ?? ''}`)).size;
      setResult(resultOf(snapshot.rows, snapshot.issues, template, firm !== null, marked));
    },
    select: async (issue) => {
      if (!result) return;
      const column = (issue.field && result.template.columns[issue.field]) ?? result.template.columns.taxClientId ?? 0;
      await act('Selecting the cell', () => workbook.selectCell(result.template.sheetName, issue.row, column));
    },
  };
}
