import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {readPublishedCsv} from './published.ts';

const township = readPublishedCsv('regions').find((r) => r.level === 'township')!;
const projects = readPublishedCsv('projects');
const funds = readPublishedCsv('funds');
// A project posted on a village's notice, whose name's last words (e.g. 脐橙产业基地建设) other projects share.
const project = projects.find((p) => p.notice_start && /\d{12}$/.test(p.region_code!))!;
const documentNo = funds.find((f) => f.fund_id === project.fund_id)!.document_no!;

describe('site search', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('finds a township by part of its Chinese name and links to its page', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}search/`);
    await page.fill('#q', township.name!.slice(0, 2));
    await page.click('form[role=search] button');
    const link = page.locator('#search-results').getByRole('link', {name: township.name!, exact: true});
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

  it('finds a project by its name, and leads to the project and to the notice it is posted on', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(project.name!)}`);
    const item = page.locator('#search-results li', {has: page.locator(`a[href$="/projects/${project.project_id}/"]`)});
    await item.first().waitFor();
    await expect(item.first().locator('[data-notice-link]').getAttribute('href')).resolves.toBe(
      `/notices/${project.year}/${project.region_code}/`
    );
    await item.first().locator('[data-notice-link]').click();
    await expect(page.locator('h1').innerText()).resolves.toContain(String(project.year));
    await expect(page.locator(`[data-project="${project.project_id}"]`).count()).resolves.toBe(1);
    await page.close();
  });

  it('finds projects by their fund’s document number, and in English by their name', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(documentNo)}`);
    const ofFund = projects.filter((p) => p.fund_id === project.fund_id).map((p) => p.project_id!);
    await page.locator(`#search-results a[href$="/projects/${ofFund[0]}/"]`).first().waitFor();
    await page.goto(`${siteUrl}en/search/?q=${encodeURIComponent(project.name!)}`);
    await expect(
      page.locator(`#search-results a[href="/en/projects/${project.project_id}/"]`).first().getAttribute('href')
    ).resolves.toBeTruthy();
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
