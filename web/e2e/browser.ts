import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

/** Debian's Chromium (installed by .ci/run); `npx playwright install` cannot download browsers here. */
export const CHROMIUM = process.env.FRAMEWISE_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumMissing(): boolean {
  if (existsSync(CHROMIUM)) return false;
  process.stderr.write(`\n!!! SKIPPING browser tests: ${CHROMIUM} not found (apt-get install -y chromium; .ci/run does this) !!!\n\n`);
  return true;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Builds the web UI from the current sources into a temp dir, so the test never runs a stale dist/web. */
export async function buildWebUi(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'framewise-web-')), 'web');
  await build({ configFile: resolve('web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export const ARTIFACTS = resolve('test-artifacts', 'e2e');
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
