/**
 * Issue 14: a cell withheld by a primary rule above village level shows the band its rule implies. The county
 * and township pages show it as text ("1.7%–15.8%（监测对象 1–9 户）") from the published lower and upper, in both
 * languages, with and without JavaScript; villages and complementary cells show none.
 */
import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {readPublishedCsv} from './published.ts';

const values = readPublishedCsv('indicator_values');
const banded = values.filter((v) => v.band_of !== '');
const percent = (x: string) => `${(Number(x) * 100).toFixed(1)}%`;

describe('bands on region pages', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('the sample has banded cells at county and township level, and none at village level', () => {
    for (const level of ['county', 'township'])
      expect(
        banded.some((v) => v.level === level),
        level
      ).toBe(true);
    expect(banded.filter((v) => v.level === 'village')).toEqual([]);
    // A band stands on its denominator; its bounds say something.
    for (const v of banded) {
      expect(v.denominator, `${v.indicator_id} ${v.region_code} ${v.year}`).not.toBe('');
      expect(Number(v.lower) > 0 || Number(v.upper) < 1).toBe(true);
    }
  });

  for (const level of ['county', 'township'] as const) {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const javaScriptEnabled of [false, true]) {
        it(`a ${level} page shows its bands (${locale}, ${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
          const cell = banded.find(
            (v) => v.level === level && v.indicator_id === 'monitored_share' && v.band_of === 'numerator'
          )!;
          const context = await browser().newContext({javaScriptEnabled});
          const page = await context.newPage();
          await page.goto(`${siteUrl}${locale === 'en' ? 'en/' : ''}regions/${cell.region_code}/`);
          const shown = page.locator(`td[data-indicator="monitored_share"][data-year="${cell.year}"] .band`);
          await expect(shown.count()).resolves.toBe(1);
          // (The count keeps a word joiner after its dash, and a no-break space before 户: read as plain text.)
          const text = (await shown.textContent())!
            .replace(/\u2060/g, '')
            .replace(/\s+/g, ' ')
            .trim();
          expect(text).toContain(`${percent(cell.lower!)}–${percent(cell.upper!)}`);
          expect(text).toContain(locale === 'en' ? '(1–9 households monitored)' : '（监测对象 1–9 户）');
          // It says why, on the methodology page.
          const link = shown.locator('a');
          expect(await link.getAttribute('href')).toMatch(/methodology\/#suppression$/);
          await context.close();
        });
      }
    }
  }

  it('the methodology page counts the bands indicator_values publishes, in both languages', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/methodology/`);
    expect(await page.locator('#suppression').textContent()).toContain(`(${banded.length} of them shown as a range)`);
    await page.goto(`${siteUrl}methodology/`);
    expect(await page.locator('#suppression').textContent()).toContain(`（其中 ${banded.length} 个以区间显示）`);
    await context.close();
  });

  it('a village page shows no band, only the withheld mark', async () => {
    const village = values.find((v) => v.level === 'village' && v.suppressed === 'true')!;
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}regions/${village.region_code}/`);
    // Its own values (the parent's, in their own column, may well be a band).
    expect(await page.locator('td:not([data-parent-value]) .band').count()).toBe(0);
    expect(await page.locator('.withheld').count()).toBeGreaterThan(0);
    await context.close();
  });
});
