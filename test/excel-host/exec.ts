import { officeError } from './model/errors';
import type { WorkbookModel } from './model/workbook-model';
import type { Ref } from './host-type';

export interface Limits {
  maxRequestBytes: number; // Excel on the web: 5 MB of request body
  maxResponseBytes: number; // and 5 MB of response body
  maxReadCells: number; // cells one request may read
}

/** What one request sees while the host executes it. */
export class Exec {
  cellsRead = 0;
  constructor(
    readonly model: WorkbookModel,
    private readonly limits: Limits,
    private readonly members: Set<string>,
    /** Objects the add-in tracks (track(), or every Range inside Excel.run), by reference id: they outlive the request. */
    readonly references: Map<string, Ref>,
  ) {}

  /** Called before building a read of `cells` cells, so a huge read fails fast instead of allocating. */
  read(cells: number, where: string): void {
    this.cellsRead += cells;
    if (this.cellsRead > this.limits.maxReadCells)
      throw officeError('RangeExceedsLimit', `The request reads ${this.cellsRead} cells; the limit is ${this.limits.maxReadCells}.`, where);
  }

  /** Records a member the add-in used, e.g. `Range.values` (for the requirement-set listing). */
  use(typeName: string, member: string): void {
    this.members.add(`${typeName}.${member}`);
  }
}
