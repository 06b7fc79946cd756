import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveDist, type StaticServer } from './serve';

/** Debian's Chromium by default; CHROMIUM_PATH points the tests at another Chromium or Chrome. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, driven by playwright-core (no downloaded browser). The flags keep it from
 * reaching for the network, which this machine does not have.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Run, as root: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium or Chrome)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
    ],
  });
}

/**
 * Serves a built site and opens Chromium for the tests that follow (in a file or a describe
 * block), closing both after them. Read `browser` and `server` inside tests and hooks.
 */
export function siteInBrowser(dist: string, base = '/', options: { headers?: boolean } = {}): { browser: Browser; server: StaticServer } {
  const session = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    session.server = await serveDist(dist, base, options);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
