import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {readPublishedCsv} from './published.ts';

const township = readPublishedCsv('regions').find((r) => r.level === 'township')!;

describe('site search', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('finds a township by part of its Chinese name and links to its page', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}search/`);
    await page.fill('#q', township.name!.slice(0, 2));
    await page.click('form[role=search] button');
    const link = page.locator('#search-results a', {hasText: township.name!});
    await link.first().waitFor();
    await link.first().click();
    expect(page.url()).toBe(`${siteUrl}regions/${township.code}/`);
    await page.close();
  });

  it('finds an indicator in English', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/search/?q=doctor`);
    await page.locator('#search-results a', {hasText: 'Family doctor'}).first().waitFor();
    await expect(page.locator('#search-results a').first().getAttribute('href')).resolves.toContain(
      '/en/indicators/family_doctor_rate/'
    );
    await page.close();
  });

  it('loads no search script on other pages', async () => {
    const page = await browser().newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(siteUrl, {waitUntil: 'networkidle'});
    expect(requested.filter((url) => url.includes('pagefind'))).toEqual([]);
    await page.close();
  });
});
