import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {readPublishedCsv} from './published.ts';

const flows = readPublishedCsv('monitoring_flows');
const regions = readPublishedCsv('regions');
const city = regions.find((r) => r.level === 'city') as Record<string, string>;
const township = regions.find((r) => r.level === 'township') as Record<string, string>;
const WITHHELD = {'zh-CN': '—（不公开）', en: '— (withheld)'} as const;
const share = readPublishedCsv('indicators').find((i) => i.id === 'monitored_share')!;
const controlLine = (JSON.parse(share.targets!) as {source: string}[])[0]!;

/** The published flows of a region as the page's data table should read: year, entered, exited. */
function expectedRows(code: string, locale: 'zh-CN' | 'en'): string[][] {
  const rows = flows.filter((f) => f.region_code === code);
  const years = [...new Set(rows.map((f) => f.year))].sort();
  return years.map((year = '') => {
    const cell = (flow: string) => {
      const row = rows.find((f) => f.year === year && f.flow === flow)!;
      return row.suppressed === 'true' ? WITHHELD[locale] : Number(row.households).toLocaleString('en');
    };
    return [year, cell('entered'), cell('exited')];
  });
}

describe('flows into and out of monitoring (tiny sample, JavaScript off)', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  for (const locale of ['zh-CN', 'en'] as const) {
    const prefix = `${siteUrl}${locale === 'en' ? 'en/' : ''}`;

    it(`monitoring page (${locale}): the city's flows as a chart, a caption and a table equal to monitoring_flows`, async () => {
      const context = await browser().newContext({javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${prefix}monitoring/`);
      const figure = page.locator(`#flows figure[data-flows="${city.code}"]`);
      await expect(figure.locator('svg[role="img"]').count()).resolves.toBe(1);
      await expect(figure.locator('figcaption').textContent()).resolves.toContain(city.name!);
      const table = await figure
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent!.trim())));
      expect(table.length).toBeGreaterThan(0);
      expect(table).toEqual(expectedRows(city.code!, locale));
      // Issue 4 item 4: the risk-elimination rate and the ≤ 5% control line of the monitored share.
      const svgText = await page.locator('figure.chart svg').allTextContents();
      expect(svgText.some((text) => /≤ ?5\.0%/.test(text))).toBe(true);
      const heading = locale === 'en' ? 'Risk elimination rate' : '风险消除率';
      await expect(page.locator('h2', {hasText: heading}).count()).resolves.toBe(1);
      // The introduction cites the control line's document as the published indicator gives it, for any place.
      const intro = (await page.locator('h1 + p').textContent())!.replace(/\s+/g, ' ');
      expect(intro).toContain(controlLine.source);
      expect(intro).toMatch(/5\.0%/);
      await context.close();
    });

    it(`township page (${locale}): its flows table equals monitoring_flows`, async () => {
      const context = await browser().newContext({javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${prefix}regions/${township.code}/`);
      const rows = await page
        .locator(`#flows figure[data-flows="${township.code}"] tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent!.trim())));
      expect(rows).toEqual(expectedRows(township.code!, locale));
      await context.close();
    });
  }
});
