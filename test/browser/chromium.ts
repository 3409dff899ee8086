import { execSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

function findChromium(): string | null {
  try {
    return (
      execSync('command -v chromium', { shell: '/bin/sh', stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}

/**
 * Debian's Chromium, installed with apt when missing (≈ 30 s). Playwright's own browser
 * downloads are not reachable here: never `playwright install`.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  execSync('apt-get update -qq && apt-get install -y -qq chromium', { shell: '/bin/sh', stdio: 'inherit', timeout: 220_000 });
  const installed = findChromium();
  if (!installed) throw new Error('chromium is still missing after apt-get install');
  return installed;
}

/**
 * Headless Debian Chromium. No `--user-data-dir` here: `chromium.launch` rejects it (it belongs to
 * `launchPersistentContext`, which allows one context only, and the tests need one per person).
 * Playwright gives every launch a fresh temporary profile of its own and removes it on close,
 * and each `browser.newContext()` is isolated (storage, cookies) like a separate browser.
 */
export function launchChromium(executablePath: string, extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      ...extraArgs,
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
