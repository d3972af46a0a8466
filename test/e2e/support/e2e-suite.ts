// What every e2e file starts with: Chromium present, the harness built, the real backend on PGlite, a browser.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { startBackend, type Backend } from './backend';
import { launchChromium } from './browser';

const ROOT = resolve(__dirname, '../../..');

export interface E2eSuite {
  backend: Backend;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2eSuite(): Promise<E2eSuite> {
  execFileSync('bash', ['scripts/ensure-chromium.sh'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['webpack', '--env', 'harness', '--mode', 'development'], { cwd: ROOT, stdio: 'pipe' });
  const backend = await startBackend();
  const browser = await launchChromium().catch(async (error: unknown) => {
    await backend.close();
    throw error;
  });
  return {
    backend,
    browser,
    close: async () => {
      await browser.close();
      await backend.close();
    },
  };
}
