// Launches Debian's chromium through playwright-core. Nothing is ever downloaded: without
// /usr/bin/chromium (or CHROMIUM_PATH) this fails and says how to install it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const MISSING_CHROMIUM =
  `No Chromium at ${CHROMIUM_PATH}. The browser tests and the benchmark drive Debian's chromium ` +
  'package: run .ci/browser (as root: apt-get update && apt-get install -y chromium), or set ' +
  'CHROMIUM_PATH to a Chromium binary.';

// tsx compiles the tests and the benchmark with esbuild's keepNames, which wraps named functions
// in a `__name` helper; functions passed to page.evaluate run in the page, where that helper must
// exist too: add it with page.addInitScript.
export const KEEP_NAMES_HELPER = 'window.__name = (target) => target;';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(MISSING_CHROMIUM);
  }
  // playwright gives each launch a fresh profile directory of its own.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
