// Issue 18: a villager's phone. Every kind of page, in both languages, with and without script, fits a 390 px
// screen: no page scrolls sideways (a wide table scrolls inside its own box instead).
import {readdirSync} from 'node:fs';
import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const regions = readPublishedCsv('regions');
const projects = readPublishedCsv('projects');
const funds = readPublishedCsv('funds');
const byLevel = (level: string) => regions.find((r) => r.level === level)!;
const township = byLevel('township');
const noticed = projects.find((p) => p.notice_start && p.region_code!.startsWith(township.code!))!;
const release = readdirSync(`${E2E_SITE}/releases`).find((name) => /^[0-9a-f-]{12,}$/.test(name))!;
const indicator = readPublishedCsv('indicators')[0]!.id;

/** One page of every kind the site has. */
const PAGE_KINDS = [
  '',
  'indicators/',
  `indicators/${indicator}/`,
  `regions/${byLevel('city').code}/`,
  `regions/${byLevel('county').code}/`,
  `regions/${township.code}/`,
  `regions/${byLevel('village').code}/`,
  'projects/',
  `projects/${projects[0]!.project_id}/`,
  'funds/',
  `funds/year/${funds[0]!.year}/`,
  `funds/${funds[0]!.fund_id}/`,
  'monitoring/',
  'notices/',
  `notices/${noticed.year}/${township.code}/`,
  `notices/${noticed.year}/${noticed.region_code}/`,
  'methodology/',
  'quality/',
  'data/',
  'explore/',
  'search/',
  'releases/',
  `releases/${release}/`,
  `regions/${byLevel('county').code}/briefing/`,
  `compare/?regions=${byLevel('county').code},${township.code}`
];

describe('every page at 390 × 844', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  for (const javaScriptEnabled of [true, false]) {
    it(`is no wider than the screen, in both languages (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser().newContext({viewport: {width: 390, height: 844}, javaScriptEnabled});
      const page = await context.newPage();
      const tooWide: string[] = [];
      for (const prefix of ['', 'en/']) {
        for (const path of PAGE_KINDS) {
          const response = await page.goto(`${siteUrl}${prefix}${path}`, {waitUntil: 'load'});
          expect(response?.status(), path).toBe(200);
          if (javaScriptEnabled && path === 'projects/') await page.locator('#project-filter[data-ready]').waitFor();
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 390) tooWide.push(`/${prefix}${path}: ${width} px`);
        }
      }
      expect(tooWide).toEqual([]);
      await context.close();
    });
  }

  it('puts the project search first on /projects/, above the fold', async () => {
    const context = await browser().newContext({viewport: {width: 390, height: 844}});
    const page = await context.newPage();
    await page.goto(`${siteUrl}projects/`);
    await page.locator('#project-filter[data-ready]').waitFor();
    const box = await page.locator('input[name=q]').boundingBox();
    expect(box!.y + box!.height).toBeLessThan(844);
    // Filtered, the list the script draws still fits.
    await page.locator('select[name=county]').selectOption(byLevel('county').code!);
    await page.locator('select[name=type]').selectOption(projects[0]!.type!);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    // The list's rows are cards: one above the other, each no wider than the screen.
    const cards = await page
      .locator('table.project-list tbody tr')
      .evaluateAll((rows) => rows.slice(0, 5).map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
    expect(cards.every((c) => c.right <= 390)).toBe(true);
    expect(cards[1]!.top).toBeGreaterThanOrEqual(cards[0]!.bottom);
    await context.close();
  });
});
