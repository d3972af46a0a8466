import { checkRows, type ClientRow, type FirmRules, type Issue } from '../../domain';
import type { SheetChange, TemplateLocation } from '../../excel';

/** What the live checks need of the workbook (a part of WorkbookPort). */
export interface LivePort {
  readRows(template: TemplateLocation): Promise<ClientRow[]>;
  readRowsAt(template: TemplateLocation, firstRow: number, lastRow: number): Promise<ClientRow[]>;
  markIssues(template: TemplateLocation, issues: readonly Issue[]): Promise<number>;
  remarkRows(template: TemplateLocation, rows: readonly number[], issues: readonly Issue[]): Promise<number>;
}

/** The template's rows and issues after a check, in row order. */
export interface LiveSnapshot {
  rows: ClientRow[];
  issues: Issue[];
  /** The template they were read from. */
  template: TemplateLocation;
}

export interface LiveCheckerDeps {
  port: LivePort;
  /** The firm's lists when connected (owner, office, offline setting), read at each check. */
  firm(): FirmRules | undefined;
  onChecked(snapshot: LiveSnapshot): void;
  onError(error: unknown): void;
}

type RowRange = { first: number; last: number };

/**
 * Checks the rows a user changes, as they change them, and marks or clears their cells. It keeps the
 * rows it read, so a change costs one read of the changed rows; the duplicate-ID rule ties other rows to
 * them (a row that shared the old or shares the new ID), and those are checked again from what it keeps.
 * Changes are handled one batch at a time, in order. Its first change, a change to the header or to whole
 * columns, and the first change after `invalidate()` check the whole template.
 */
export class LiveChecker {
  private rows: Map<number, ClientRow> | null = null;
  private issues = new Map<number, Issue[]>();
  private pending: SheetChange[] = [];
  private draining: Promise<void> | null = null;
  private closed = false;

  constructor(
    private template: TemplateLocation,
    private readonly deps: LiveCheckerDeps,
  ) {}

  /** The template as last found (its last row grows as the user types below it). */
  setTemplate(template: TemplateLocation): void {
    this.template = template;
  }

  /** Takes the rows and issues of a full check (the Check button), so the next change starts from them. */
  seed(rows: readonly ClientRow[], issues: readonly Issue[]): void {
    this.rows = new Map(rows.map((r) => [r.row, r]));
    this.issues = groupByRow(issues);
  }

  /** Forget the kept rows: the sheet changed in a way the checker did not see (an import, the pane's own writes). */
  invalidate(): void {
    this.rows = null;
  }

  /** A change from Worksheet.onChanged; the add-in's own writes are ignored. */
  changed(change: SheetChange): void {
    if (change.ours || this.closed) return;
    this.pending.push(change);
    this.draining ??= this.drain();
  }

  /** Resolves once every change so far is checked and marked. */
  settled(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  close(): void {
    this.closed = true;
    this.pending = [];
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.closed) {
      const changes = this.pending.splice(0);
      try {
        await this.apply(changes);
      } catch (error) {
        this.rows = null;
        this.deps.onError(error);
      }
    }
    this.draining = null;
  }

  private async apply(changes: readonly SheetChange[]): Promise<void> {
    const ranges = changes.map((c) => c.rows);
    const header = this.template.headerRow;
    // Rows typed or pasted below the last one belong to the template from now on.
    for (const r of ranges) if (r !== null) this.template = { ...this.template, lastRow: Math.max(this.template.lastRow, r.last) };
    for (const c of changes) if (c.moved) this.template = shifted(this.template, c.moved);
    if (this.rows === null || ranges.some((r) => r === null || r.first <= header)) return this.checkAll();
    const rows = this.rows;
    const merged = mergeRanges(ranges as RowRange[]);
    const changed = (row: number) => merged.some((r) => row >= r.first && row <= r.last);
    const ids = new Set<string>();
    for (const r of rows.values()) if (changed(r.row)) ids.add(idOf(r));
    for (const [row] of rows) if (changed(row)) rows.delete(row);
    for (const range of merged) {
      for (const r of await this.deps.port.readRowsAt(this.template, range.first, range.last)) {
        rows.set(r.row, r);
        ids.add(idOf(r));
      }
    }
    ids.delete('');
    // Every row holding an old or a new ID is in the subset, so its duplicate check sees all copies of those IDs.
    const subset = [...rows.values()].filter((r) => changed(r.row) || ids.has(idOf(r))).sort((a, b) => a.row - b.row);
    const issues = checkRows(subset, this.deps.firm());
    const touched = new Set(subset.map((r) => r.row));
    for (const range of merged) for (let row = range.first; row <= range.last; row += 1) touched.add(row);
    await this.deps.port.remarkRows(this.template, [...touched], issues);
    for (const row of touched) this.issues.delete(row);
    for (const [row, list] of groupByRow(issues)) this.issues.set(row, list);
    this.report();
  }

  private async checkAll(): Promise<void> {
    const rows = await this.deps.port.readRows(this.template);
    const issues = checkRows(rows, this.deps.firm());
    await this.deps.port.markIssues(this.template, issues);
    this.seed(rows, issues);
    this.report();
  }

  private report(): void {
    const rows = [...this.rows!.values()].sort((a, b) => a.row - b.row);
    const issues = [...this.issues.keys()].sort((a, b) => a - b).flatMap((row) => this.issues.get(row)!);
    this.deps.onChecked({ rows, issues, template: this.template });
  }
}

const idOf = (row: ClientRow) => row.taxClientId.trim();

/** The template after whole rows were inserted (count > 0) or deleted (count < 0) from row `at`: the rows below move with them. */
function shifted(template: TemplateLocation, { at, count }: { at: number; count: number }): TemplateLocation {
  const shift = (row: number) => (row < at ? row : count > 0 ? row + count : Math.max(at - 1, row + count));
  return { ...template, headerRow: shift(template.headerRow), lastRow: shift(template.lastRow) };
}

function groupByRow(issues: readonly Issue[]): Map<number, Issue[]> {
  const byRow = new Map<number, Issue[]>();
  for (const issue of issues) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
  return byRow;
}

/** Overlapping or adjacent ranges joined: [3…5, 6…8, 10…10] → [3…8, 10…10]. */
export function mergeRanges(ranges: readonly RowRange[]): RowRange[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const merged: RowRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
    else merged.push({ ...r });
  }
  return merged;
}
