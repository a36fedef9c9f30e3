/**
 * Issue 13: the tiny sample has the gaps of a real export (measures left empty: not reported). The data-quality
 * page, the manifest and indicator_values must agree on every not-reported cell, and a value that rests on
 * fewer units than expected must say so beside it, in its chart's data table and in the chart's caption —
 * read without JavaScript, in both languages.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const notReported = readPublishedCsv('not_reported');
const values = readPublishedCsv('indicator_values');
const regions = readPublishedCsv('regions');
const manifest = JSON.parse(readFileSync(join(E2E_SITE, 'data', 'manifest.json'), 'utf8')) as {
  inputs: {file: string; not_reported?: Record<string, number>}[];
};
const county = regions.find((r) => r.level === 'county')!.code!;
const township = regions.find((r) => r.level === 'township')!.code!;

/** Empty cells of one file and column, in one year (or all years), as the not_reported table counts them. */
const cells = (dataset: string, column: string, year?: string) =>
  notReported
    .filter((r) => r.dataset === dataset && r.column === column && (year === undefined || r.year === year))
    .reduce((s, r) => s + Number(r.cells), 0);
const partial = (v: Record<string, string>) =>
  v.reporting_units !== '' && Number(v.reporting_units) < Number(v.expected_units);

// Each village indicator expects every village row of its year, and counts those that reported the column.
const VILLAGE_COLUMNS: Record<string, string> = {
  collective_income: 'collective_operating_income',
  garbage_collection_rate: 'garbage_collection_rate',
  greening_rate: 'greening_rate',
  tap_water_rate: 'tap_water_rate'
};

describe('not-reported cells: the quality page, the manifest and indicator_values agree', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('the sample has gaps in both files (else nothing here is tested)', () => {
    expect(cells('households.csv', 'sanitary_toilet')).toBeGreaterThan(0);
    expect(cells('villages.csv', 'greening_rate')).toBeGreaterThan(0);
  });

  it('the manifest counts per file and column what the not_reported table lists', () => {
    for (const input of manifest.inputs.filter((i) => i.not_reported)) {
      for (const [column, count] of Object.entries(input.not_reported!)) {
        expect(count, `${input.file} ${column}`).toBe(cells(input.file, column));
      }
    }
    expect(manifest.inputs.find((i) => i.file === 'villages.csv')!.not_reported).toBeDefined();
  });

  it("indicator_values' coverage leaves out exactly the villages and households that did not report", () => {
    for (const [indicator, column] of Object.entries(VILLAGE_COLUMNS)) {
      for (const v of values.filter((x) => x.indicator_id === indicator && x.region_code === county)) {
        const missing = Number(v.expected_units) - Number(v.reporting_units);
        expect(missing, `${indicator} ${v.year}`).toBe(cells('villages.csv', column, v.year));
      }
    }
    // The sanitary toilet rate expects every household; its coverage is published for the county.
    for (const v of values.filter((x) => x.indicator_id === 'sanitary_toilet_rate' && x.region_code === county)) {
      const missing = Number(v.expected_units) - Number(v.reporting_units);
      expect(missing, `sanitary_toilet_rate ${v.year}`).toBe(cells('households.csv', 'sanitary_toilet', v.year));
    }
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`the quality page lists each not-reported count by file, column and year (${locale}, no JavaScript)`, async () => {
      const context = await browser().newContext({javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${siteUrl}${locale === 'en' ? 'en/' : ''}quality/`);
      const table = page.locator('[data-not-reported="all"] table');
      const years = (await table.locator('thead th.num').allTextContents()).map((y) => y.trim());
      for (const key of new Set(notReported.map((r) => `${r.dataset}:${r.column}`))) {
        const [dataset, column] = key.split(':') as [string, string];
        const shown = await table.locator(`tr[data-column="${key}"] td.num`).allTextContents();
        expect(
          shown.map((t) => (t.trim() === '—' ? 0 : Number(t.replace(/,/g, '')))),
          key
        ).toEqual(years.map((year) => cells(dataset, column, year)));
      }
      // Each county's own table, folded under its total.
      await expect(page.locator(`[data-not-reported="${county}"] summary`).textContent()).resolves.toContain(
        String(notReported.filter((r) => r.region_code === county).reduce((s, r) => s + Number(r.cells), 0))
      );
      await context.close();
    });
  }
});

describe('values that rest on fewer units than expected say so', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');
  const words = {
    'zh-CN': (v: Record<string, string>, unit: string) => `${v.reporting_units}/${v.expected_units} ${unit}报送`,
    en: (v: Record<string, string>, unit: string) => `${v.reporting_units} of ${v.expected_units} ${unit} reported`
  };
  const UNITS = {'zh-CN': {households: '户', villages: '个村'}, en: {households: 'households', villages: 'villages'}};

  for (const [locale, javaScriptEnabled] of [
    ['zh-CN', false],
    ['en', false],
    ['zh-CN', true]
  ] as const) {
    it(`beside the value in the region's history, in the chart's table and caption (${locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser().newContext({javaScriptEnabled});
      const page = await context.newPage();
      await page.goto(`${siteUrl}${locale === 'en' ? 'en/' : ''}regions/${township}/`);
      const shown = values.filter((v) => v.region_code === township && v.suppressed === 'false');
      const partials = shown.filter(partial);
      expect(partials.length).toBeGreaterThan(0);
      const unitOf = (id: string) => (id in VILLAGE_COLUMNS || id.includes('compliance') ? 'villages' : 'households');
      for (const v of partials) {
        const cell = page.locator(`.history-table td[data-indicator="${v.indicator_id}"][data-year="${v.year}"]`);
        const text = words[locale](v, UNITS[locale][unitOf(v.indicator_id!)]);
        await expect(cell.textContent(), `${v.indicator_id} ${v.year}`).resolves.toContain(text);
      }
      // A value every unit reported carries no note.
      const complete = shown.find((v) => !partial(v) && v.value !== '')!;
      const cell = page.locator(
        `.history-table td[data-indicator="${complete.indicator_id}"][data-year="${complete.year}"]`
      );
      await expect(cell.locator('.coverage').count()).resolves.toBe(0);
      // The sanitary toilet chart (a headline indicator) names its partly reported years in its caption and table.
      const toilet = partials.find((v) => v.indicator_id === 'sanitary_toilet_rate')!;
      expect(toilet).toBeDefined();
      const figure = page.locator('figure.chart').filter({hasText: locale === 'en' ? 'toilet' : '卫生户厕'});
      const coverage = words[locale](toilet, UNITS[locale].households);
      await expect(figure.locator('figcaption').textContent()).resolves.toContain(coverage);
      await expect(figure.locator('details table').textContent()).resolves.toContain(coverage);
      // Below the threshold the value is not judged against its target.
      if (Number(toilet.reporting_units) < 0.8 * Number(toilet.expected_units)) {
        expect(toilet.status).toBe('incomplete');
        await expect(figure.locator('details table').textContent()).resolves.toContain(
          locale === 'en' ? 'Incomplete data' : '数据不全'
        );
      }
      await context.close();
    });
  }

  it('a village that reported nothing shows "not reported", not a blank or a zero', async () => {
    const none = values.find((v) => v.value === '' && v.suppressed === 'false' && v.level === 'village');
    expect(none, 'a village row without a value in the sample').toBeDefined();
    expect(none!.status).toBe('incomplete');
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}regions/${none!.region_code}/`);
    const cell = page.locator(`.history-table td[data-indicator="${none!.indicator_id}"][data-year="${none!.year}"]`);
    await expect(cell.textContent()).resolves.toContain('未报送');
    await context.close();
  });
});
