// Issue 16 (leaders' view): /compare/ puts up to four regions side by side from their published JSON; the address
// reproduces the view in a fresh browser; without JavaScript the page lists the regions' pages.
import type {Page} from 'playwright-core';
import {describe, expect, inject, it} from 'vitest';
import {axeViolations} from './axe.ts';
import {useChromium} from './browser.ts';
import {readPublishedCsv} from './published.ts';

const values = readPublishedCsv('indicator_values');
const indicators = readPublishedCsv('indicators');
const regions = readPublishedCsv('regions');
const latestYear = String(Math.max(...values.map((v) => Number(v.year))));
const county = regions.find((r) => r.level === 'county')!;
const township = regions.find((r) => r.level === 'township')!;
const villages = regions.filter((r) => r.level === 'village');

/** The comparison as shown: per indicator row, per region column, the value drawn. */
async function shownTable(page: Page) {
  await page.locator('table.compare-table').waitFor();
  return page.locator('table.compare-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-indicator')!,
      cells: [...row.querySelectorAll('td')].map((td) => ({
        code: td.getAttribute('data-code')!,
        value: td.querySelector('[data-value]')!.getAttribute('data-value')!
      }))
    }))
  );
}

describe('comparing regions (tiny sample)', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('shows every indicator of the regions in the address, as published, and corrects a wrong address', async () => {
    const page = await browser().newPage();
    const codes = [county.code!, township.code!, villages[0]!.code!];
    await page.goto(`${siteUrl}compare/?regions=${codes.join(',')},999999`);
    const table = await shownTable(page);
    expect(table.map((r) => r.id)).toEqual(
      indicators.toSorted((a, b) => Number(a.order) - Number(b.order)).map((i) => i.id)
    );
    for (const row of table) {
      expect(row.cells.map((c) => c.code)).toEqual(codes);
      for (const cell of row.cells) {
        const v = values.find((x) => x.indicator_id === row.id && x.region_code === cell.code && x.year === latestYear);
        expect(cell.value).toBe(v && v.suppressed !== 'true' && v.value !== '' ? String(Number(v.value)) : '');
      }
    }
    await expect(page.locator('[data-message]').textContent()).resolves.toContain('999999');
    expect(new URL(page.url()).searchParams.get('regions')).toBe(codes.join(','));
    await page.close();
  });

  it('keeps the choice in the address: a shared link shows the same view in a fresh browser', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}regions/${county.code}/`);
    await page.locator('[data-compare-link]').click();
    await page.locator('table.compare-table').waitFor();
    await page.locator('select[name="add"]').selectOption(township.code!);
    await page.locator('button[name="add-region"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('regions')).toBe(`${county.code},${township.code}`);
    const before = await shownTable(page);
    const shared = page.url();
    const fresh = await browser().newContext();
    const other = await fresh.newPage();
    await other.goto(shared);
    await expect(shownTable(other)).resolves.toEqual(before);
    // Removing a region is a step back can undo.
    await page.locator(`[data-chosen] li[data-code="${township.code}"] button`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('regions')).toBe(county.code);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('regions')).toBe(`${county.code},${township.code}`);
    await expect.poll(async () => (await shownTable(page))[0]!.cells.length).toBe(2);
    await context.close();
    await fresh.close();
  });

  it('adds regions chosen in quick succession, and keeps a region whose file failed to load in the address', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}compare/`);
    await expect(page.locator('[data-fallback]').isVisible()).resolves.toBe(false);
    for (const code of [county.code!, township.code!]) {
      await page.locator('select[name="add"]').selectOption(code);
      await page.locator('button[name="add-region"]').click();
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('regions')).toBe(`${county.code},${township.code}`);
    await expect.poll(async () => (await shownTable(page))[0]!.cells.length).toBe(2);
    // A server error is not an unknown region: the message says so and the address keeps it.
    await page.route(`**/data/regions/${villages[1]!.code}.json`, (route) => route.fulfill({status: 503}));
    await page.goto(`${siteUrl}compare/?regions=${county.code},${villages[1]!.code}`);
    await page.locator('table.compare-table').waitFor();
    await expect(page.locator('[data-message]').textContent()).resolves.toContain('503');
    expect(new URL(page.url()).searchParams.get('regions')).toBe(`${county.code},${villages[1]!.code}`);
    await page.close();
  });

  it('shows at most four regions', async () => {
    const page = await browser().newPage();
    const codes = villages.slice(0, 6).map((v) => v.code!);
    await page.goto(`${siteUrl}compare/?regions=${codes.join(',')}`);
    const table = await shownTable(page);
    expect(table[0]!.cells.map((c) => c.code)).toEqual(codes.slice(0, 4));
    expect(new URL(page.url()).searchParams.get('regions')).toBe(codes.slice(0, 4).join(','));
    await page.close();
  });

  it('lists the regions’ pages without JavaScript', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}compare/?regions=${county.code}`);
    await expect(page.locator('#compare-form').isVisible()).resolves.toBe(false);
    const links = await page.locator('[data-fallback] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`/regions/${county.code}/`);
    await context.close();
  });

  for (const prefix of ['', 'en/']) {
    it(`has no axe violations with a comparison drawn (${prefix || 'zh/'})`, async () => {
      const page = await browser().newPage();
      await page.goto(`${siteUrl}${prefix}compare/?regions=${county.code},${township.code}`);
      await page.locator('table.compare-table').waitFor();
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.close();
    });
  }
});
