// Issue 16 (leaders' view): a one-page briefing per city, county and township — every indicator as published, its
// change since last year, the funds and projects of the year — printed on exactly one A4 sheet, in both languages.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {axeViolations} from './axe.ts';
import {useChromium} from './browser.ts';
import {E2E_SITE} from './paths.ts';
import {printSheets} from './printed-pdf.ts';
import {readPublishedCsv} from './published.ts';

const values = readPublishedCsv('indicator_values');
const indicators = new Map(readPublishedCsv('indicators').map((i) => [i.id!, i]));
const regions = readPublishedCsv('regions');
const projects = readPublishedCsv('projects');
const funds = JSON.parse(readFileSync(join(E2E_SITE, 'data', 'funds.json'), 'utf8')) as {
  year: number;
  recipient_code: string;
  amount: number;
}[];
const manifest = JSON.parse(readFileSync(join(E2E_SITE, 'data', 'manifest.json'), 'utf8')) as {
  build_id: string;
  release_date: string;
};
const latestYear = Math.max(...values.map((v) => Number(v.year)));
const briefed = regions.filter((r) => ['city', 'county', 'township'].includes(r.level!));
const county = briefed.find((r) => r.level === 'county')!;
const valueOf = (id: string, code: string, year: number) =>
  values.find((v) => v.indicator_id === id && v.region_code === code && v.year === String(year));

describe('one-page briefings of the tiny sample', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  for (const region of briefed) {
    for (const prefix of ['', 'en/']) {
      it(`prints the briefing of ${region.level} ${region.code} (${prefix || 'zh/'}) on one A4 sheet, with its release`, async () => {
        const page = await browser().newPage();
        await page.goto(`${siteUrl}${prefix}regions/${region.code}/`);
        await page.locator('[data-briefing-link]').click();
        // The briefing itself, loaded, before it is printed (a click's navigation may still be under way).
        await page.waitForURL(`${siteUrl}${prefix}regions/${region.code}/briefing/`, {waitUntil: 'load'});
        const {sheets, size} = await printSheets(page);
        expect(sheets).toHaveLength(1);
        expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
        expect(sheets[0]).toContain(manifest.build_id);
        expect(sheets[0]).toContain(prefix ? '15 January 2026' : '2026年1月15日');
        expect(manifest.release_date).toBe('2026-01-15');
        await page.close();
      });
    }
  }

  it('shows every indicator of the county as published, and its change since last year', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}regions/${county.code}/briefing/`);
    const rows = await page.locator('table.briefing-indicators tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-indicator')!,
        value: tr.querySelector('[data-value]')?.getAttribute('data-value') ?? null,
        change: tr.querySelector('[data-change]')!.getAttribute('data-change')!
      }))
    );
    expect(rows.map((r) => r.id).toSorted()).toEqual([...indicators.keys()].toSorted());
    for (const row of rows) {
      const now = valueOf(row.id, county.code!, latestYear);
      const before = valueOf(row.id, county.code!, latestYear - 1);
      const shown = (v: typeof now) => (v && v.suppressed !== 'true' && v.value !== '' ? Number(v.value) : null);
      if (shown(now) !== null) expect(Number(row.value)).toBe(shown(now));
      if (shown(now) === null || shown(before) === null) {
        expect(row.change).toBe('');
      } else {
        const scale = indicators.get(row.id)!.unit === 'percent' ? 100 : 1;
        expect(Number(row.change)).toBeCloseTo((shown(now)! - shown(before)!) * scale, 9);
      }
    }
    await context.close();
  });

  // The tiny sample's briefed regions keep their statuses from 2024 to 2025: the page must then list none (the default
  // sample's 会昌县 lists one, checked by hand).
  it('lists the indicators whose status changed since last year, withheld years left out', async () => {
    const page = await browser().newPage();
    const judged = (v: Record<string, string> | undefined) => v && v.status !== 'suppressed';
    for (const region of briefed) {
      await page.goto(`${siteUrl}regions/${region.code}/briefing/`);
      const changed = [...indicators.keys()].filter((id) => {
        const [before, now] = [valueOf(id, region.code!, latestYear - 1), valueOf(id, region.code!, latestYear)];
        return judged(before) && judged(now) && before!.status !== now!.status;
      });
      const shown = await page
        .locator('[data-change-of]')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-change-of')));
      expect(shown.toSorted(), region.code).toEqual(changed.toSorted());
    }
    await page.close();
  });

  it('sums the county’s funds and projects of the year as the published tables do', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}regions/${county.code}/briefing/`);
    const inYear = projects.filter((p) => p.year === String(latestYear) && p.region_code!.startsWith(county.code!));
    const sum = (xs: number[]) => Math.round(xs.reduce((a, x) => a + x * 100, 0)) / 100;
    await expect(page.locator('[data-field="projects"]').getAttribute('data-value')).resolves.toBe(
      `${inYear.length}/${sum(inYear.map((p) => Number(p.budget)))}/${sum(inYear.map((p) => Number(p.spent)))}`
    );
    const fundAmount = sum(
      funds.filter((f) => f.year === latestYear && f.recipient_code.startsWith(county.code!)).map((f) => f.amount)
    );
    await expect(page.locator('[data-field="funds"]').getAttribute('data-value')).resolves.toBe(String(fundAmount));
    await expect(page.locator('[data-field="flagged"]').getAttribute('data-value')).resolves.toBe(
      String(inYear.filter((p) => p.flags).length)
    );
    await page.close();
  });

  for (const prefix of ['', 'en/']) {
    it(`has no axe violations (${prefix || 'zh/'})`, async () => {
      const page = await browser().newPage();
      await page.goto(`${siteUrl}${prefix}regions/${county.code}/briefing/`);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.close();
    });
  }
});
