import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {Page} from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page and returns the ids of its violations. axe is
 * evaluated through the DevTools protocol rather than added as a <script>
 * element, which the site's Content-Security-Policy rightly refuses.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (window as unknown as {axe: {run: () => Promise<{violations: {id: string}[]}>}}).axe.run();
    return result.violations.map((v) => v.id);
  });
}
