/**
 * Times the phases of one request for a `Server-Timing` header (RFC: W3C Server Timing), which
 * browsers' developer tools show and the bench adds up: `parse;dur=1.20, lock;dur=0.31, …` (ms).
 * A phase that happens twice (a retried transaction) appears twice.
 */
export class PhaseClock {
  private last = performance.now();
  private readonly phases: string[] = [];

  /** Ends the current phase under `name` and starts the next. */
  lap(name: string): void {
    const now = performance.now();
    this.phases.push(`${name};dur=${(now - this.last).toFixed(2)}`);
    this.last = now;
  }

  header(): string {
    return this.phases.join(', ');
  }
}
