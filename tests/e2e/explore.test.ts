import {readFileSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import Papa from 'papaparse';
import {describe, expect, inject, it} from 'vitest';
import {serveStatic} from '../../pipelines/serve/serve-static.ts';
import {EXPLORE_EXAMPLES} from '../../src/lib/explore-examples.ts';
import {duckdbType} from '../../src/lib/explore-tables.ts';
import {axeViolations} from './axe.ts';
import {useChromium} from './browser.ts';
import {isDuckDBRequest, openQuery, settled, typeQuery} from './explore-console.ts';
import {E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const datapackage = JSON.parse(readFileSync(join(E2E_SITE, 'data', 'datapackage.json'), 'utf8')) as {
  resources: {name: string; schema: {fields: {name: string; type: string}[]}}[];
};
// Long enough that it cannot end on its own during the test: 10^12 rows of a cross join.
const SLOW_SQL = 'SELECT sum(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b';

// Each test opens the console at least once, and each opening starts DuckDB-wasm anew (seconds on a loaded machine).
describe('SQL console (/explore/)', {timeout: 180_000}, () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('returns for a query given in the URL the row count of the published CSV', async () => {
    const page = await browser().newPage();
    for (const table of ['indicator_values', 'projects', 'regions']) {
      const result = await openQuery(page, siteUrl, `SELECT count(*) AS n FROM ${table}`);
      expect(result.error).toBe('');
      expect(result.cells).toEqual([[String(readPublishedCsv(table).length)]]);
    }
    // The whole table too: the console's own row count, and the first page of cells as the CSV has them.
    const projects = readPublishedCsv('projects');
    const result = await openQuery(page, siteUrl, 'SELECT project_id, name, budget FROM projects ORDER BY project_id');
    expect(result.rows).toBe(projects.length);
    expect(result.cells.length).toBe(Math.min(100, projects.length));
    const sorted = [...projects].sort((a, b) => (a.project_id! < b.project_id! ? -1 : 1));
    expect(result.cells[0]).toEqual([sorted[0]!.project_id, sorted[0]!.name, String(Number(sorted[0]!.budget))]);
    await page.close();
  });

  it('loads every published table with the types of its datapackage schema', async () => {
    const page = await browser().newPage();
    const result = await openQuery(
      page,
      siteUrl,
      'SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position'
    );
    const expected = datapackage.resources
      .flatMap((r) => r.schema.fields.map((f) => [r.name, f.name, duckdbType(f.type)]))
      .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
    expect(result.rows).toBe(expected.length);
    // The first page holds the first 100 columns; the count above covers the rest.
    expect(result.cells).toEqual(expected.slice(0, 100));
    await page.close();
  });

  it('shows a wrong query’s error inline as an alert, and runs the next query', async () => {
    const page = await browser().newPage();
    const result = await openQuery(page, siteUrl, 'SELECT no_such_column FROM funds');
    expect(result.outcome).toBe('error');
    expect(result.error).toMatch(/Binder Error.*no_such_column/s);
    await expect(page.locator('[role=alert]').isVisible()).resolves.toBe(true);
    expect(result.rows).toBe(0);
    const next = await typeQuery(page, 'SELEC 1');
    expect(next.error).toMatch(/Parser Error/);
    const fixed = await typeQuery(page, 'SELECT 1 + 1 AS two');
    expect(fixed.error).toBe('');
    await expect(page.locator('#sql-error').isHidden()).resolves.toBe(true);
    expect(fixed.cells).toEqual([['2']]);
    await page.close();
  });

  it('cancels a slow query through DuckDB, and the console stays usable', async () => {
    const page = await browser().newPage();
    // The engine is up (a first query ran), so the cancel goes to DuckDB's running query, not to a pending start.
    await openQuery(page, siteUrl, 'SELECT 1');
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.fill('#sql', SLOW_SQL);
    await page.click('#sql-run');
    await page.locator('#sql-cancel').waitFor({state: 'visible'});
    await page.waitForTimeout(1500);
    const started = Date.now();
    await page.click('#sql-cancel');
    const cancelled = await settled(page, 2, 10_000);
    expect(cancelled.outcome).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(page.locator('#sql-cancel').isHidden()).resolves.toBe(true);
    const after = await typeQuery(page, 'SELECT count(*) AS n FROM funds');
    expect(after.cells).toEqual([[String(readPublishedCsv('funds').length)]]);
    // DuckDB stopped the query itself: the same worker answered, none was started anew.
    expect(workers).toEqual([]);
    await page.close();
  });

  it('cancels a query sent while the engine is still starting', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}explore/`);
    await page.fill('#sql', SLOW_SQL);
    await page.click('#sql-run');
    await page.click('#sql-cancel');
    const cancelled = await settled(page, 1, 10_000);
    expect(cancelled.outcome).toBe('cancelled');
    const after = await typeQuery(page, 'SELECT count(*) AS n FROM regions');
    expect(after.cells).toEqual([[String(readPublishedCsv('regions').length)]]);
    await page.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`runs every example query (${locale}) without error, each giving rows`, async () => {
      const page = await browser().newPage();
      await page.goto(`${siteUrl}${locale === 'en' ? 'en/' : ''}explore/`);
      let runs = 0;
      for (const example of EXPLORE_EXAMPLES) {
        await page.click(`a[data-example="${example.id}"]`);
        const result = await settled(page, ++runs);
        expect(result.error, example.id).toBe('');
        expect(result.rows, example.id).toBeGreaterThan(0);
        // The link is the query: the address bar now reproduces it.
        expect(new URL(page.url()).searchParams.get('sql'), example.id).toBe(example.sql[locale]);
      }
      await page.close();
    });
  }

  it('keeps a typed query in the URL, and that link opens the same result', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}explore/`);
    const sql = "SELECT level, count(*) AS n FROM regions WHERE name <> '无' GROUP BY level ORDER BY n";
    const typed = await typeQuery(page, sql);
    expect(new URL(page.url()).searchParams.get('sql')).toBe(sql);
    const shared = await browser().newPage();
    await shared.goto(page.url());
    const opened = await settled(shared);
    expect(opened.cells).toEqual(typed.cells);
    await expect(shared.locator('#sql').inputValue()).resolves.toBe(sql);
    await page.close();
    await shared.close();
  });

  it('pages through a large result with at most 100 rows in the DOM, and charts it', async () => {
    const page = await browser().newPage();
    const result = await openQuery(page, siteUrl, 'SELECT range AS year, range % 7 AS v FROM range(150000)');
    expect(result.rows).toBe(150000);
    expect(result.cells.length).toBe(100);
    await page.click('.pager button:text-is("末页")');
    const last = await page.locator('#sql-result tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent));
    expect(last.length).toBe(100);
    await expect(page.locator('.pager').textContent()).resolves.toContain('150,000');
    await page.locator('.result-chart svg').first().waitFor();
    await page.close();
  });

  it('downloads the result as CSV with a byte-order mark, equal to the rows shown', async () => {
    const page = await browser().newPage();
    const result = await openQuery(
      page,
      siteUrl,
      'SELECT code, name, level, \'a,"b"\' AS odd, NULL AS nothing FROM regions ORDER BY code'
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.download')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {header: true, skipEmptyLines: true});
    expect(parsed.data.length).toBe(result.rows);
    const regions = readPublishedCsv('regions').sort((a, b) => (a.code! < b.code! ? -1 : 1));
    expect(parsed.data.map((r) => [r.code, r.name, r.level, r.odd, r.nothing])).toEqual(
      regions.map((r) => [r.code, r.name, r.level, 'a,"b"', ''])
    );
    await page.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`has no axe violations with a result and a chart shown (${locale})`, async () => {
      const page = await browser().newPage();
      await openQuery(page, siteUrl, EXPLORE_EXAMPLES[0]!.sql[locale], locale === 'en' ? 'en/' : '');
      await page.locator('.result-chart').waitFor();
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.close();
    });
  }

  it('without JavaScript explains the page and links to every published CSV and the catalogue', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}explore/`);
    await expect(page.locator('noscript').textContent()).resolves.toContain('JavaScript');
    const links = await page.locator('a[href$=".csv"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(datapackage.resources.map((r) => `/data/${r.name}.csv`).sort());
    await expect(page.locator('a[href="/data/"]').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });

  it('serves DuckDB-wasm from the site itself, precompressed, and no other page requests it', async () => {
    const page = await browser().newPage();
    const explorerFiles = new Set<string>();
    page.context().on('request', (request) => explorerFiles.add(request.url()));
    const encodings = new Map<string, string>();
    page.context().on('response', (response) => {
      encodings.set(response.url(), response.headers()['content-encoding'] ?? '');
    });
    await openQuery(page, siteUrl, 'SELECT 1');
    const duckdb = [...explorerFiles].filter(isDuckDBRequest);
    expect(duckdb.some((url) => url.endsWith('.wasm'))).toBe(true);
    expect(duckdb.some((url) => /worker/.test(url))).toBe(true);
    // Everything from the site; the worker reads the module from the page's memory (a blob: address), not the web.
    expect([...explorerFiles].filter((url) => !url.startsWith('blob:')).every((url) => url.startsWith(siteUrl))).toBe(
      true
    );
    const wasm = duckdb.find((url) => url.endsWith('.wasm'))!;
    expect(['br', 'gzip']).toContain(encodings.get(wasm));
    await page.close();

    // Everything the console's page loaded from _astro/ beyond what the home page uses is the console's own.
    const region = readPublishedCsv('regions').find((r) => r.level === 'village')!.code;
    for (const path of ['', 'indicators/family_doctor_rate/', `regions/${region}/`, 'en/monitoring/', 'data/']) {
      const other = await browser().newPage();
      const requested: string[] = [];
      other.context().on('request', (request) => requested.push(request.url()));
      await other.goto(`${siteUrl}${path}`, {waitUntil: 'networkidle'});
      expect(requested.filter(isDuckDBRequest), path).toEqual([]);
      expect(
        requested.filter((url) => url.includes('ExploreView') || url.includes('result-chart')),
        path
      ).toEqual([]);
      await other.close();
    }
  });

  it.each([
    {server: 'marking _astro/ immutable', immutableAssets: true},
    {server: 'with no cache header at all', immutableAssets: false}
  ])('downloads the DuckDB-wasm module once from a server $server', async ({immutableAssets}) => {
    // A server of our own, to count what reaches it (the browser's events also list answers from its cache).
    const server = await serveStatic({root: E2E_SITE, port: 0, immutableAssets});
    const reached: string[] = [];
    server.on('request', (request: {url?: string}) => reached.push(request.url ?? ''));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const context = await browser().newContext();
    const page = await context.newPage();
    try {
      const result = await openQuery(page, url, 'SELECT count(*) AS n FROM funds');
      expect(result.cells).toEqual([[String(readPublishedCsv('funds').length)]]);
      const preloaded = await page.locator('link[rel=preload][as=fetch]').getAttribute('href');
      expect(preloaded).toMatch(/\.wasm$/);
      expect(reached.filter((path) => path.endsWith('.wasm'))).toEqual([preloaded]);
      // And the worker script once too.
      expect(reached.filter((path) => /worker.*\.js$/.test(path))).toHaveLength(1);
    } finally {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
