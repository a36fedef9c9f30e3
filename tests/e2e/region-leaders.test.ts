// Issue 16 (leaders' view): a region page answers a leader's first questions — beside each indicator the parent's
// value, the rank among siblings and the change since last year; a trend for every indicator that has one, its
// labels at least 80 % of the body text; the long fund table folded under its total.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const values = readPublishedCsv('indicator_values');
const indicators = readPublishedCsv('indicators');
const regions = readPublishedCsv('regions');
const latestYear = Math.max(...values.map((v) => Number(v.year)));
const county = regions.find((r) => r.level === 'county')!;
const funds = JSON.parse(readFileSync(join(E2E_SITE, 'data', 'funds.json'), 'utf8')) as {
  recipient_code: string;
  amount: number;
}[];
const shown = (id: string, code: string, year: number) => {
  const v = values.find((x) => x.indicator_id === id && x.region_code === code && x.year === String(year));
  return v && v.suppressed !== 'true' && v.value !== '' ? Number(v.value) : null;
};
// A village: its rank is among the villages of its township (13 on the tiny sample).
const village = regions.find((r) => r.level === 'village')!;
const siblings = regions.filter((r) => r.parent_code === village.parent_code);

describe('region pages for leaders (tiny sample)', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('shows beside each indicator the parent’s value, the rank among siblings and the change since last year', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}regions/${village.code}/`);
    const rows = await page.locator('table.indicator-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-indicator')!,
        parent: tr.querySelector('[data-parent-value] [data-value]')?.getAttribute('data-value') ?? null,
        rank: tr.querySelector('[data-rank]')!.getAttribute('data-rank')!,
        change: tr.querySelector('[data-change]')!.getAttribute('data-change')!
      }))
    );
    expect(rows).toHaveLength(indicators.length);
    let ranked = 0;
    for (const row of rows) {
      const indicator = indicators.find((i) => i.id === row.id)!;
      const parent = shown(row.id, village.parent_code!, latestYear);
      if (parent !== null) expect(Number(row.parent)).toBe(parent);
      const now = shown(row.id, village.code!, latestYear);
      const before = shown(row.id, village.code!, latestYear - 1);
      if (now === null || before === null) expect(row.change).toBe('');
      else expect(Number(row.change)).toBeCloseTo((now - before) * (indicator.unit === 'percent' ? 100 : 1), 9);
      if (now === null || indicator.direction === 'neutral') {
        expect(row.rank).toBe('');
        continue;
      }
      const others = siblings.map((s) => shown(row.id, s.code!, latestYear)).filter((x) => x !== null);
      const better = others.filter((x) => (indicator.direction === 'higher_is_better' ? x > now : x < now));
      expect(row.rank).toBe(`${better.length + 1}/${others.length}`);
      ranked++;
    }
    expect(ranked).toBeGreaterThan(5);
    await context.close();
  });

  for (const width of [1280, 390]) {
    it(`draws a trend for every indicator that has one, its labels at least 80 % of the body text (${width} px)`, async () => {
      const page = await browser().newPage({viewport: {width, height: 900}});
      await page.goto(`${siteUrl}regions/${county.code}/`);
      const withTrend = indicators.filter(
        (i) =>
          values.filter(
            (v) =>
              v.indicator_id === i.id &&
              v.region_code === county.code &&
              shown(i.id!, county.code!, Number(v.year)) !== null
          ).length >= 2
      );
      await expect(page.locator('.chart-grid figure.chart').count()).resolves.toBe(withTrend.length);
      const sizes = await page.locator('.chart-grid figure.chart svg').evaluateAll((svgs) => {
        const body = parseFloat(getComputedStyle(document.body).fontSize);
        return svgs.flatMap((svg) =>
          [...svg.querySelectorAll('text')].map((text) => {
            const scale = (text as SVGGraphicsElement).getScreenCTM()!.a;
            return (parseFloat(getComputedStyle(text).fontSize) * scale) / body;
          })
        );
      });
      expect(sizes.length).toBeGreaterThan(withTrend.length * 5);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(0.8);
      await page.close();
    });
  }

  it('folds the fund table under its total, which equals the funds published', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}regions/${county.code}/`);
    const mine = funds.filter((f) => f.recipient_code === county.code);
    const total = Math.round(mine.reduce((a, f) => a + f.amount * 100, 0)) / 100;
    await expect(page.locator('details.fund-details').getAttribute('open')).resolves.toBeNull();
    await expect(page.locator('details.fund-details summary').getAttribute('data-fund-total')).resolves.toBe(
      String(total)
    );
    await expect(page.locator('details.fund-details table tbody tr').count()).resolves.toBe(mine.length);
    await expect(page.locator('details.fund-details table').isVisible()).resolves.toBe(false);
    await page.locator('details.fund-details summary').click();
    await expect(page.locator('details.fund-details table').isVisible()).resolves.toBe(true);
    await page.close();
  });
});
