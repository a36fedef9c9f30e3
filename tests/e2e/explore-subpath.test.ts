import {execFileSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {serveStatic} from '../../pipelines/serve/serve-static.ts';
import {useChromium} from './browser.ts';
import {isDuckDBRequest, openQuery} from './explore-console.ts';
import {E2E_DIR, E2E_INPUT} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const BASE = '/gongshi/';
const SITE = join(E2E_DIR, 'site-gongshi');

// Built, as a clerk might, without --site-url: also the place to see what such a site leaves out.
describe('a site served from a sub-path, built without its address', () => {
  const browser = useChromium();
  let server: Server | undefined;
  let siteUrl = '';

  beforeAll(async () => {
    // The same tiny sample as the other e2e tests (global setup), built for /gongshi/ through the real CLI.
    rmSync(SITE, {recursive: true, force: true});
    const cli = join(import.meta.dirname, '../../pipelines/cli.ts');
    execFileSync(process.execPath, [cli, 'build', '--input', E2E_INPUT, '--out', SITE, '--base', BASE], {
      stdio: 'ignore'
    });
    server = await serveStatic({root: SITE, port: 0, base: BASE});
    siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(SITE, {recursive: true, force: true});
  });

  it('loads DuckDB-wasm and the tables under the base path and answers a query from the URL', async () => {
    const page = await browser().newPage();
    const requested: string[] = [];
    // Requests to the server only: the worker reads DuckDB's module from the page's memory (a blob: address).
    page.context().on('request', (request) => {
      if (!request.url().startsWith('blob:')) requested.push(new URL(request.url()).pathname);
    });
    const result = await openQuery(page, siteUrl, 'SELECT count(*) AS n FROM indicator_values', 'en/');
    expect(result.error).toBe('');
    expect(result.cells).toEqual([[String(readPublishedCsv('indicator_values').length)]]);
    const duckdb = requested.filter((path) => isDuckDBRequest(`http://x${path}`));
    expect(duckdb.length).toBeGreaterThanOrEqual(2);
    expect(requested.every((path) => path.startsWith(BASE))).toBe(true);
    expect(requested).toContain(`${BASE}data/indicator_values.csv`);
    await page.close();
  });

  it('prints no QR code on a notice, says where its page is, and links no feed', async () => {
    const project = readPublishedCsv('projects').find((p) => p.notice_start)!;
    const page = await browser().newPage();
    const path = `${BASE}notices/${project.year}/${project.region_code}/`;
    expect((await page.goto(`${new URL(siteUrl).origin}${path}`))?.status()).toBe(200);
    await expect(page.locator('.notice-qr').count()).resolves.toBe(0);
    await expect(page.locator('[data-no-site-url]').innerText()).resolves.toContain(path);
    await expect(page.locator('link[type="application/atom+xml"], link[rel=sitemap]').count()).resolves.toBe(0);
    await page.close();
  });

  it('finds a project in the search, with links under the base path', async () => {
    const project = readPublishedCsv('projects').find((p) => p.notice_start)!;
    const page = await browser().newPage();
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(project.name!)}`);
    const link = page.locator(`#search-results a[href="${BASE}projects/${project.project_id}/"]`).first();
    await link.waitFor();
    await link.click();
    await expect(page.locator('h1').innerText()).resolves.toBe(project.name);
    await page.close();
  });
});
