import type {Page} from 'playwright-core';
import {describe, expect, inject, it} from 'vitest';
import {axeViolations} from './axe.ts';
import {useChromium} from './browser.ts';
import {readPublishedCsv} from './published.ts';

const values = readPublishedCsv('indicator_values');
const regions = readPublishedCsv('regions');
const latestYear = String(Math.max(...values.map((v) => Number(v.year))));
const county = regions.find((r) => r.level === 'county')!;
// A village with a withheld value in the latest year, so that both kinds of cell are checked.
const withheldRow = values.find((v) => v.level === 'village' && v.year === latestYear && v.suppressed === 'true')!;
const village = regions.find((r) => r.code === withheldRow.region_code)!;

const PAGES = [
  {kind: 'home', path: ''},
  {kind: 'indicator', path: 'indicators/family_doctor_rate/'},
  {kind: 'county', path: `regions/${county.code}/`},
  {kind: 'village', path: `regions/${village.code}/`},
  {kind: 'monitoring', path: 'monitoring/'},
  {kind: 'methodology', path: 'methodology/'},
  {kind: 'data quality', path: 'quality/'},
  {kind: 'notices index', path: 'notices/'}
];

/** The indicator rows of a region page, as the page shows them. */
async function shownValues(page: Page) {
  return page.locator('table.indicator-table tbody tr').evaluateAll((rows) =>
    // The region's own value: the row's first cell (the parent's value has a column of its own).
    rows.map((row) => ({
      id: row.getAttribute('data-indicator'),
      value: row.querySelector('td [data-value]')?.getAttribute('data-value') ?? null,
      withheld: row.querySelector('td')!.querySelector('.withheld') !== null,
      lower: row.querySelector('td')!.querySelector('.band')?.getAttribute('data-lower') ?? null
    }))
  );
}

describe('site pages of the tiny sample', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const {kind, path} of PAGES) {
      it(`${kind} page (${locale}) has no axe violations`, async () => {
        const page = await browser().newPage();
        const response = await page.goto(`${siteUrl}${locale === 'en' ? 'en/' : ''}${path}`);
        expect(response?.status()).toBe(200);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
        await page.close();
      });
    }
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`shows every indicator value of indicator_values on a county and a village page (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser().newContext({javaScriptEnabled});
      const page = await context.newPage();
      for (const region of [county, village]) {
        await page.goto(`${siteUrl}regions/${region.code}/`);
        const shown = await shownValues(page);
        const expected = values.filter((v) => v.region_code === region.code && v.year === latestYear);
        expect(shown.filter((s) => s.withheld || s.lower || s.value).length).toBe(expected.length);
        for (const row of expected) {
          const cell = shown.find((s) => s.id === row.indicator_id);
          if (row.band_of) expect(Number(cell?.lower), row.indicator_id).toBe(Number(row.lower));
          else if (row.suppressed === 'true') expect(cell?.withheld, row.indicator_id).toBe(true);
          else expect(Number(cell?.value), row.indicator_id).toBeCloseTo(Number(row.value), 9);
        }
      }
      await context.close();
    });
  }

  it('shows on the home cards the city values of the four headline indicators', async () => {
    const page = await browser().newPage();
    await page.goto(siteUrl);
    const cards = await page.locator('article.card').evaluateAll((nodes) =>
      nodes.map((n) => ({
        id: n.getAttribute('data-indicator'),
        value: n.querySelector('[data-value]')?.getAttribute('data-value') ?? null,
        withheld: n.querySelector('.withheld, .band') !== null
      }))
    );
    expect(cards.map((c) => c.id)).toEqual([
      'consolidation_rate',
      'collective_income_compliance',
      'family_doctor_rate',
      'sanitary_toilet_rate'
    ]);
    const city = regions.find((r) => r.level === 'city')!;
    for (const card of cards) {
      const row = values.find(
        (v) => v.indicator_id === card.id && v.region_code === city.code && v.year === latestYear
      )!;
      if (row.suppressed === 'true') expect(card.withheld).toBe(true);
      else expect(Number(card.value)).toBeCloseTo(Number(row.value), 9);
    }
    await page.close();
  });

  it('lists on a village page every project of projects.csv carried out in that village', async () => {
    const projects = readPublishedCsv('projects');
    const place = projects.find((p) => regions.find((r) => r.code === p.region_code)?.level === 'village')!;
    const expected = projects.filter((p) => p.region_code === place.region_code).map((p) => p.project_id);
    const page = await browser().newPage();
    await page.goto(`${siteUrl}regions/${place.region_code}/`);
    const shown = await page
      .locator('table.project-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-project')));
    expect([...shown].sort()).toEqual([...expected].sort());
    await page.close();
  });

  it('explains withheld values on the methodology page', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}regions/${village.code}/`);
    await page.locator('.withheld a').first().click();
    expect(page.url()).toContain('/methodology/#suppression');
    await expect(page.locator('#suppression h2').textContent()).resolves.toContain('不公开');
    await page.close();
  });

  it('keeps the home page within its weight budget: 100 KB transferred, charts drawn without script', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    let bytes = 0;
    const types: string[] = [];
    page.on('response', async (response) => {
      bytes += (await response.body()).length;
      types.push(response.request().resourceType());
    });
    await page.goto(siteUrl, {waitUntil: 'networkidle'});
    expect(bytes).toBeLessThan(100_000);
    expect(types).not.toContain('script');
    await expect(page.locator('.card svg').count()).resolves.toBe(4);
    await context.close();
  });

  it('sorts the table of subdivisions by a column with script, and keeps official order without', async () => {
    const township = regions.find((r) => r.level === 'township')!;
    const page = await browser().newPage();
    await page.goto(`${siteUrl}regions/${township.code}/`);
    const column = page.locator('table.children-table thead th').nth(3);
    await column.locator('button').click();
    await expect(column.getAttribute('aria-sort')).resolves.toBe('ascending');
    const keys = await page
      .locator('table.children-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLTableRowElement).cells[3]!.dataset.sort ?? ''));
    const numbers = keys.filter((k) => k !== '').map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(keys.slice(numbers.length).every((k) => k === '')).toBe(true);
    await page.close();
  });

  it('is keyboard navigable: the skip link is the first stop and leads to the main content', async () => {
    const page = await browser().newPage();
    await page.goto(siteUrl);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await page.keyboard.press('Enter');
    // Following the link is a same-document navigation: wait for it rather than read the address at once.
    await page.waitForURL((url) => url.hash === '#main', {timeout: 5000});
    expect(page.url()).toContain('#main');
    await page.close();
  });
});
