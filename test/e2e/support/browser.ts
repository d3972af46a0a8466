// Real headless Chromium from Debian through playwright-core; never a browser download.
import { chromium, type Browser, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import type { HarnessConfig } from '../harness/harness-entry';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the pane with a seeded in-memory workbook. */
export async function openPane(browser: Browser, baseUrl: string, config: HarnessConfig): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  await page.addInitScript(
    (c) => {
      (window as unknown as { __HARNESS__: unknown }).__HARNESS__ = c;
      // The server's Content-Security-Policy is on: whatever it blocks is a bug the pane would have in Excel.
      const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
    config as unknown as Record<string, unknown>,
  );
  // axe must judge settled screens: a colour caught mid-transition (a tab just selected) is not what staff see.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  if (config.deferMount) await page.waitForFunction(() => typeof window.__mountPane === 'function');
  else await page.getByRole('heading', { name: 'Client Import' }).waitFor();
  await expectNoCspViolations(page);
  return page;
}

/** Throws when the page's CSP refused anything since it opened. */
export async function expectNoCspViolations(page: Page): Promise<void> {
  const seen = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  if (seen.length > 0) throw new Error(`The pane broke its Content-Security-Policy: ${seen.join('; ')}`);
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is now; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol: an injected inline <script> would be refused by the pane's CSP.
  await expectNoCspViolations(page);
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    // Fluent's focus manager (Tabster) adds aria-hidden <i tabindex=0 data-tabster-dummy> sentinels that hand
    // focus straight on; axe reads them as focusable hidden content, a known false positive, so they are left out.
    const result = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] } as unknown as Document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
