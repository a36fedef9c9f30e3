import {existsSync} from 'node:fs';
import {type Browser, chromium} from 'playwright-core';
import {afterAll, beforeAll} from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without these flags Chromium keeps trying to reach Google's services and
// hangs on a closed network.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic'
];

/**
 * Launches the system Chromium through playwright-core. Fails with the exact
 * install command when it is missing (tests never download a browser).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with:\n  apt-get update && apt-get install -y chromium fonts-noto-cjk`
    );
  }
  return chromium.launch({executablePath: CHROMIUM_PATH, args: FLAGS, headless: true});
}

/** Launches Chromium once for the enclosing test file and returns a getter for it; closes it afterwards. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('chromium is not running yet');
    return browser;
  };
}
