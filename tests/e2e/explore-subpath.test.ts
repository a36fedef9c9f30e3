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

describe('SQL console of a site served from a sub-path', () => {
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
    page.context().on('request', (request) => requested.push(new URL(request.url()).pathname));
    const result = await openQuery(page, siteUrl, 'SELECT count(*) AS n FROM indicator_values', 'en/');
    expect(result.error).toBe('');
    expect(result.cells).toEqual([[String(readPublishedCsv('indicator_values').length)]]);
    const duckdb = requested.filter((path) => isDuckDBRequest(`http://x${path}`));
    expect(duckdb.length).toBeGreaterThanOrEqual(2);
    expect(requested.every((path) => path.startsWith(BASE))).toBe(true);
    expect(requested).toContain(`${BASE}data/indicator_values.csv`);
    await page.close();
  });
});
