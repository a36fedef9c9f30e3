// Issue 16 (leaders' view): county maps drawn at build time — every county of the site has its polygon, and what
// each map draws equals the published indicator_values, read with JavaScript off.
import type {Page} from 'playwright-core';
import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {readPublishedCsv} from './published.ts';

const values = readPublishedCsv('indicator_values');
const indicators = readPublishedCsv('indicators');
const regions = readPublishedCsv('regions');
const counties = regions.filter((r) => r.level === 'county');
const latestYear = String(Math.max(...values.map((v) => Number(v.year))));
const HEADLINE = ['consolidation_rate', 'collective_income_compliance', 'family_doctor_rate', 'sanitary_toilet_rate'];

/** Whether `x` meets the row's target by its comparison, as the pipeline judges it. */
function meets(x: number, row: Record<string, string>): boolean {
  const target = Number(row.target);
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  const comparisons: Record<string, boolean> = {
    '>=': x >= target - eps,
    '>': x > target + eps,
    '<=': x <= target + eps,
    '<': x < target - eps,
    '=': Math.abs(x - target) <= eps
  };
  return comparisons[row.target_operator || '>=']!;
}

/** The counties a page's map draws with data: code, class, value, whether hatched, and its link. */
async function mapCounties(page: Page, selector = 'svg.county-map') {
  return page.locator(`${selector} a[data-code]`).evaluateAll((links) =>
    links.map((a) => ({
      code: a.getAttribute('data-code')!,
      className: a.getAttribute('data-class')!,
      value: a.getAttribute('data-value')!,
      href: a.getAttribute('href')!,
      title: a.querySelector('title')?.textContent ?? ''
    }))
  );
}

describe('county maps of the tiny sample (JavaScript off)', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');
  const page = async () => (await browser().newContext({javaScriptEnabled: false})).newPage();

  it('draws every county of the site on the home page, by how many headline indicators it met', async () => {
    const p = await page();
    await p.goto(siteUrl);
    const drawn = await mapCounties(p);
    expect(drawn.map((d) => d.code).toSorted()).toEqual(counties.map((c) => c.code).toSorted());
    await expect(p.locator('[data-map-missing]').count()).resolves.toBe(0);
    for (const county of drawn) {
      const met = values.filter(
        (v) =>
          v.region_code === county.code &&
          v.year === latestYear &&
          HEADLINE.includes(v.indicator_id!) &&
          v.status === 'met'
      ).length;
      expect(county.value).toBe(String(met));
      expect(county.className).toBe(String(met));
      expect(county.href).toBe(`/regions/${county.code}/`);
      // The table beside the map says the same, indicator by indicator.
      const statuses = await p
        .locator(`table.county-status tr[data-code="${county.code}"] td[data-status]`)
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
      expect(statuses.filter((s) => s === 'met')).toHaveLength(met);
    }
    // Drawn before any script, with its caption and legend.
    await expect(p.locator('.home-map figcaption').textContent()).resolves.toContain(latestYear);
    await expect(p.locator('.home-map .map-legend li').count()).resolves.toBeGreaterThan(0);
    await p.context().close();
  });

  it('shows the county map above the fold on a 1280 × 800 screen', async () => {
    const context = await browser().newContext({javaScriptEnabled: false, viewport: {width: 1280, height: 800}});
    const p = await context.newPage();
    await p.goto(siteUrl);
    const box = (await p.locator('.home-map svg.county-map').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await context.close();
  });

  for (const indicator of indicators) {
    it(`draws ${indicator.id} on its indicator page, each year with the values of indicator_values`, async () => {
      const p = await page();
      await p.goto(`${siteUrl}indicators/${indicator.id}/`);
      // The years the indicator has a county value in (an indicator may start later than others).
      const years = [
        ...new Set(
          values
            .filter((v) => v.indicator_id === indicator.id && counties.some((c) => c.code === v.region_code))
            .map((v) => v.year!)
        )
      ];
      // The latest year open, the earlier ones folded below it.
      const maps = [
        {year: latestYear, selector: 'section:not(.earlier-map) > .county-map-figure svg.county-map'},
        ...years
          .filter((y) => y !== latestYear)
          .map((y) => ({year: y, selector: `details.earlier-maps section[data-year="${y}"] svg.county-map`}))
      ];
      for (const {year, selector} of maps) {
        const drawn = await mapCounties(p, selector);
        expect(drawn.map((d) => d.code).toSorted(), `${year}`).toEqual(counties.map((c) => c.code).toSorted());
        for (const county of drawn) {
          const row = values.find(
            (v) => v.indicator_id === indicator.id && v.region_code === county.code && v.year === year
          );
          if (!row) {
            expect([county.value, county.className]).toEqual(['', 'none']);
          } else if (row.suppressed === 'true') {
            expect(county.value).toBe('');
            expect(county.title).toMatch(/不公开/);
            // Drawn in a class only where its whole band is: met only if both ends meet the target.
            if (county.className === 'met')
              expect(meets(Number(row.lower), row) && meets(Number(row.upper), row)).toBe(true);
            else expect(county.className === 'withheld' || /^c\d$/.test(county.className)).toBe(true);
          } else if (row.value === '') {
            expect([county.value, county.className]).toEqual(['', 'none']);
          } else {
            expect(Number(county.value)).toBe(Number(row.value));
            // The class says whether the county meets its own target, by the target's own comparison.
            if (row.target !== '') expect(county.className === 'met').toBe(meets(Number(row.value), row));
            else expect(county.className).toMatch(/^c\d$/);
          }
        }
      }
      await p.context().close();
    });
  }

  it('shows each county among its city’s counties on its page, itself outlined', async () => {
    const p = await page();
    for (const county of counties) {
      await p.goto(`${siteUrl}regions/${county.code}/`);
      const drawn = await mapCounties(p, '.region-locator svg.county-map');
      expect(drawn.find((d) => d.className === 'here')?.code).toBe(county.code);
      expect(drawn.filter((d) => d.className === 'here')).toHaveLength(1);
      await expect(p.locator('.region-locator h2').textContent()).resolves.toContain(county.name);
    }
    await p.context().close();
  });
});
