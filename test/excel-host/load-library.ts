import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Evaluates Microsoft's excel-web-16.00.js in this Node global (jest gives each test file its own),
 * as a browser would evaluate the script tag. Excel on the web's flavour: the strictest.
 */
export function loadOfficeLibrary(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.Excel) return;
  // The script needs a window while it loads, but a window left behind makes other Node code (PGlite)
  // believe it runs in a browser: lend one for the evaluation only.
  const lent = ['window', 'navigator'].filter((name) => !(name in g));
  if (lent.includes('window')) g.window = globalThis;
  if (lent.includes('navigator')) g.navigator = { userAgent: 'node' };
  const file = join(process.cwd(), 'node_modules/@microsoft/office-js/dist/excel-web-16.00.js');
  try {
    // eslint-disable-next-line no-eval -- a script tag's evaluation, in this test global (vm would use Node's own)
    (0, eval)(readFileSync(file, 'utf8'));
  } finally {
    for (const name of lent) delete g[name];
  }
}
