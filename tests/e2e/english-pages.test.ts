// Issue 18: English that stays English. A reader of an /en/ page follows its links and stays in English,
// reads place names with their pinyin, and sees project types, fund categories and filter options in English.
import {describe, expect, inject, it} from 'vitest';
import {fundCategoryLabel, projectTypeLabel} from '../../src/lib/data-labels.ts';
import {PROJECT_TYPES} from '../../src/lib/input-tables.ts';
import {placePinyin} from '../../src/lib/place-name.ts';
import {useChromium} from './browser.ts';
import {readPublishedCsv} from './published.ts';

const regions = readPublishedCsv('regions');
const projects = readPublishedCsv('projects');
const funds = readPublishedCsv('funds');
const notices = readPublishedCsv('projects').filter((p) => p.notice_start);
const byLevel = (level: string) => regions.find((r) => r.level === level)!;
const township = byLevel('township');
const village = regions.find((r) => r.level === 'village' && r.parent_code === township.code)!;
const county = regions.find((r) => r.code === township.parent_code)!;
const project = projects.find((p) => p.region_code === village.code) ?? projects[0]!;
const fund = funds.find((f) => f.fund_id === project.fund_id)!;
const noticeYear = notices.find((p) => p.region_code!.startsWith(township.code!))!.year;

// One page of each kind that links onwards, in English.
const SAMPLE = [
  '',
  `regions/${county.code}/`,
  `regions/${township.code}/`,
  `regions/${village.code}/`,
  `projects/${project.project_id}/`,
  `funds/${fund.fund_id}/`,
  `notices/${noticeYear}/${township.code}/`,
  'indicators/',
  'monitoring/',
  'projects/',
  'data/',
  'quality/',
  'explore/',
  'releases/',
  // The search's results are links the page's script draws.
  `search/?q=${encodeURIComponent(township.name!)}`
];
const HAN = /\p{Script=Han}/u;

describe('English pages', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');
  const origin = new URL(siteUrl).origin;

  it('link only to English pages, and every link they hold leads somewhere', async () => {
    const page = await browser().newPage();
    const targets = new Set<string>();
    const outOfEnglish: string[] = [];
    for (const path of SAMPLE) {
      await page.goto(`${siteUrl}en/${path}`, {waitUntil: 'networkidle'});
      if (path.startsWith('search/')) await page.locator('#search-results li a').first().waitFor();
      // After the page's script has run: the project list's rows are links too.
      const links = await page
        .locator('a[href]:not([hreflang]):not([download])')
        // Resolved from the attribute: an SVG link's `.href` (a county on a map) is not a string.
        .evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href')!, document.baseURI).href));
      for (const href of links) {
        const url = new URL(href);
        if (url.origin !== origin) continue;
        // Files (data, releases' files, feeds) are the same in both languages; pages end in a slash.
        if (!url.pathname.endsWith('/')) continue;
        if (!url.pathname.startsWith('/en/')) outOfEnglish.push(`${path} → ${url.pathname}`);
        targets.add(url.origin + url.pathname);
      }
    }
    expect(outOfEnglish).toEqual([]);
    expect(targets.size).toBeGreaterThan(50);
    const broken: string[] = [];
    for (const target of targets) {
      const response = await page.request.get(target);
      if (response.status() !== 200) broken.push(`${target} ${response.status()}`);
    }
    expect(broken).toEqual([]);
    await page.close();
  });

  it('give place names with their pinyin, in titles, breadcrumbs and tables', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/regions/${village.code}/`);
    const heading = await page.locator('h1').innerText();
    expect(heading).toContain(`${village.name} ${placePinyin(village.name!)}`);
    // A village's heading and title name its township and county (village names repeat across a city).
    expect(heading).toContain(`${township.name} ${placePinyin(township.name!)}`);
    expect(heading).toContain(`${county.name} ${placePinyin(county.name!)}`);
    await expect(page.title()).resolves.toContain(`${township.name} ${placePinyin(township.name!)}`);
    await expect(page.locator('.breadcrumb').innerText()).resolves.toContain(placePinyin(county.name!));
    await page.goto(`${siteUrl}en/regions/${county.code}/`);
    await expect(page.locator('table.region-table').innerText()).resolves.toContain(
      `${township.name} ${placePinyin(township.name!)}`
    );
    await page.close();
  });

  it('name project types, fund categories and the project filter’s options in English', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/projects/${project.project_id}/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain(projectTypeLabel(project.type!, 'en'));
    expect(text).toContain(fundCategoryLabel(fund.category!, 'en'));
    expect(fundCategoryLabel(fund.category!, 'en')).not.toBe(fund.category);
    // The fund's recipient is a place too.
    await page.goto(`${siteUrl}en/funds/${fund.fund_id}/`);
    await expect(page.locator('main').innerText()).resolves.toContain(placePinyin(fund.recipient_name!));

    await page.goto(`${siteUrl}en/projects/`);
    await page.locator('#project-filter[data-ready]').waitFor();
    const options = async (name: string) =>
      page.locator(`select[name=${name}] option`).evaluateAll((os) => os.map((o) => o.textContent ?? ''));
    expect(await options('type')).toEqual(['All', ...PROJECT_TYPES.map((type) => projectTypeLabel(type, 'en'))]);
    for (const name of ['type', 'status', 'flag', 'sort']) {
      expect(
        (await options(name)).filter((o) => HAN.test(o)),
        name
      ).toEqual([]);
    }
    await page.locator('select[name=county]').selectOption(county.code!);
    expect(await options('township')).toContain(`${township.name} ${placePinyin(township.name!)}`);
    // The rows the script lists: types in English, places with pinyin.
    const [, , place, type] = await page
      .locator('table.project-list tbody tr')
      .first()
      .locator('td')
      .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
    expect(place).toMatch(/\p{Script=Han} [A-Z][a-z']+/u);
    expect(PROJECT_TYPES.map((t) => projectTypeLabel(t, 'en'))).toContain(type);
    await page.close();
  });
});
