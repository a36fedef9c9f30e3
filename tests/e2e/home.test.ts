import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';

describe('home page of the tiny sample', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('shows the city, the synthetic-data banner and links down to a village page', async () => {
    const page = await browser().newPage();
    const response = await page.goto(siteUrl);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('赣州市');
    await expect(page.locator('[data-synthetic]').textContent()).resolves.toContain('合成示例数据，非真实统计');
    await page.locator('main table a', {hasText: '安远县'}).first().click();
    expect((await page.locator('h1').textContent())?.trim()).toBe('安远县');
    const township = page.locator('table.region-table tbody a').first();
    const townshipName = await township.textContent();
    await township.click();
    // The township's heading names it, then its county (township and village names repeat across a city).
    await expect(page.locator('h1').textContent()).resolves.toMatch(
      new RegExp(`^\\s*${townshipName!.trim()}\\s*安远县\\s*$`)
    );
    await page.locator('table.region-table tbody a').first().click();
    expect(page.url()).toMatch(/\/regions\/3607\d{8}\/$/);
    const crumbs = (await page.locator('nav.breadcrumb li').allTextContents()).map((c) => c.trim());
    expect(crumbs.slice(0, 3)).toEqual(['赣州市', '安远县', townshipName]);
    await page.close();
  });

  it('reads without JavaScript', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}regions/3607/`);
    await expect(page.locator('table.region-table tbody tr').count()).resolves.toBe(1);
    await context.close();
  });

  it('loads with no failed request, its icon included', async () => {
    const page = await browser().newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
    await page.goto(siteUrl, {waitUntil: 'networkidle'});
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const response = await page.request.get(new URL(icon!, siteUrl).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    expect(failed).toEqual([]);
    await page.close();
  });
});
