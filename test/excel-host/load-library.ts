import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Evaluates Microsoft's excel-web-16.00.js in this Node global (jest gives each test file its own),
 * as a browser would evaluate the script tag. Excel on the web's flavour: the strictest.
 */
export function loadOfficeLibrary(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.Excel) return;
  g.window ??= globalThis;
  g.navigator ??= { userAgent: 'node' };
  const file = join(process.cwd(), 'node_modules/@microsoft/office-js/dist/excel-web-16.00.js');
  // eslint-disable-next-line no-eval -- a script tag's evaluation, in this test global (vm would use Node's own)
  (0, eval)(readFileSync(file, 'utf8'));
}
