/**
 * The journalist's open-data path (issue 6) in Chromium: the catalogue lists
 * every table of datapackage.json with its row count, every download has the
 * sha256 the manifest gives (the bytes are fetched and hashed here), the bulk
 * zip verifies against its own SHA256SUMS, the CSV opens in LibreOffice with
 * its Chinese text intact, the region endpoint holds what it says, and the
 * pages pass axe in both languages. A next release, built from a revised copy
 * with --previous, shows its changelog and keeps the first at its fixed URL.
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {unzipSync} from 'fflate';
import Papa from 'papaparse';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {serveStatic} from '../../pipelines/serve/serve-static.ts';
import type {ReleaseIndex} from '../../src/lib/releases.ts';
import {axeViolations} from './axe.ts';
import {useChromium} from './browser.ts';
import {E2E_INPUT, E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const readJson = <T>(file: string) => JSON.parse(readFileSync(join(E2E_SITE, 'data', file), 'utf8')) as T;
const datapackage = readJson<{resources: {name: string}[]}>('datapackage.json');
const manifest = readJson<{tables: Record<string, {rows: number; files: {path: string; sha256: string}[]}>}>(
  'manifest.json'
);
const releases = readJson<ReleaseIndex>('releases.json');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const scratch = mkdtempSync(join(tmpdir(), 'gongshi-open-data-'));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

/** The sha256 manifest.json gives for a path under data/ (tables' files), or releases.json for the zip. */
function publishedSha256(path: string): string | undefined {
  const files = [...Object.values(manifest.tables).flatMap((t) => t.files), releases.releases[0]!.zip!];
  return files.find((f) => f.path === path)?.sha256;
}

describe('open data catalogue', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  for (const prefix of ['', 'en/']) {
    it(`lists every table of datapackage.json with its row count and three formats (/${prefix}data/)`, async () => {
      const context = await browser().newContext({javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${siteUrl}${prefix}data/`);
      const shown = await page.locator('section[data-table]').evaluateAll((sections) =>
        sections.map((s) => ({
          name: s.getAttribute('data-table'),
          rows: Number(s.getAttribute('data-rows')),
          formats: [...s.querySelectorAll('a[data-download]')].map((a) => a.getAttribute('data-download')),
          buttons: [...s.querySelectorAll('a[data-download]')].map((a) => a.textContent ?? ''),
          columns: s.querySelectorAll('table.columns tbody tr').length
        }))
      );
      expect(shown.map((s) => s.name)).toEqual(datapackage.resources.map((r) => r.name));
      for (const table of shown) {
        // Counted from the CSV a journalist downloads, not taken from the manifest.
        const rows = readPublishedCsv(table.name!).length;
        expect(table.rows, table.name!).toBe(rows);
        expect(table.formats.slice(0, 2)).toEqual(['csv', 'parquet']);
        for (const button of table.buttons) expect(button).toContain(rows.toLocaleString('en'));
        expect(table.columns).toBe(Object.keys(readPublishedCsv(table.name!)[0]!).length);
      }
      await context.close();
    });
  }

  it('serves every download linked from the catalogue with the sha256 the manifest gives', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}data/`);
    const links = await page
      .locator('a[download][data-sha256]')
      .evaluateAll((anchors) =>
        anchors.map((a) => ({href: (a as HTMLAnchorElement).href, shown: a.getAttribute('data-sha256')}))
      );
    expect(links.length).toBe(Object.values(manifest.tables).flatMap((t) => t.files).length + 1);
    for (const link of links) {
      const response = await page.request.get(link.href);
      expect(response.status(), link.href).toBe(200);
      const bytes = await response.body();
      const path = new URL(link.href).pathname.replace(/^\/data\//, '');
      expect(sha256(bytes), path).toBe(publishedSha256(path));
      expect(link.shown, path).toBe(publishedSha256(path));
    }
    await page.close();
  });

  it('serves a bulk zip whose SHA256SUMS verifies every file in it, and is listed in SHA256SUMS itself', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}data/`);
    const href = await page.locator('a[data-download="zip"]').getAttribute('href');
    const zip = await (await page.request.get(new URL(href!, siteUrl).href)).body();
    const sums = await (await page.request.get(`${siteUrl}data/SHA256SUMS`)).text();
    const zipName = href!.split('/').at(-1)!;
    expect(sums).toContain(`${sha256(zip)}  ${zipName}\n`);
    const entries = unzipSync(zip);
    const folder = zipName.replace(/\.zip$/, '');
    const inner = new TextDecoder().decode(entries[`${folder}/SHA256SUMS`]);
    const lines = inner.trim().split('\n');
    expect(lines.length).toBe(Object.keys(entries).length - 1);
    for (const line of lines) {
      const [hash, name] = line.split('  ') as [string, string];
      expect(sha256(entries[`${folder}/${name}`]!), name).toBe(hash);
    }
    await page.close();
  });

  it('keeps Chinese text intact when LibreOffice opens the CSV (converted to xlsx and back)', async () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
    if (!soffice) {
      throw new Error(
        'LibreOffice not found. Install it with:\n  apt-get install -y --no-install-recommends libreoffice-calc-nogui'
      );
    }
    const response = await fetch(`${siteUrl}data/projects.csv`);
    const csv = join(scratch, 'projects.csv');
    writeFileSync(csv, Buffer.from(await response.arrayBuffer()));
    // A private profile: LibreOffice refuses to start while another instance holds the default one.
    const profile = `-env:UserInstallation=file://${join(scratch, 'profile')}`;
    const run = (...args: string[]) =>
      execFileSync(soffice, [profile, '--headless', ...args, '--outdir', join(scratch, 'out')], {
        stdio: 'pipe',
        timeout: 120_000
      });
    // Headless LibreOffice 7.4 ignores the byte-order mark and reads CSV as Windows-1252 unless told the
    // charset: import as the Text Import dialog does for a UTF-8 file (comma, double quote, UTF-8 = 76, line 1).
    run('--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', csv);
    const xlsx = join(scratch, 'out', 'projects.xlsx');
    expect(existsSync(xlsx)).toBe(true);
    // Back to CSV with the Calc filter: comma, double quote, UTF-8 (76).
    rmSync(csv);
    run('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', xlsx);
    const back = Papa.parse<Record<string, string>>(
      readFileSync(join(scratch, 'out', 'projects.csv'), 'utf8').replace(/^\uFEFF/, ''),
      {header: true, skipEmptyLines: true}
    ).data;
    const published = readPublishedCsv('projects');
    expect(back.length).toBe(published.length);
    expect(Object.keys(back[0]!)).toEqual(Object.keys(published[0]!));
    for (const column of ['name', 'region_name', 'responsible_unit', 'type']) {
      expect(
        back.map((row) => row[column]),
        column
      ).toEqual(published.map((row) => row[column]));
    }
    expect(published.some((row) => /[\u4e00-\u9fff]/.test(row.name!))).toBe(true);
  }, 240_000);

  it('serves /data/regions/<code>.json with the region, its parents, children and indicator values', async () => {
    const regions = readPublishedCsv('regions');
    const values = readPublishedCsv('indicator_values');
    const village = regions.find((r) => r.level === 'village')!;
    const township = regions.find((r) => r.code === village.parent_code)!;
    const body = (await (await fetch(`${siteUrl}data/regions/${township.code}.json`)).json()) as {
      region: {code: string; name: string};
      parents: {code: string}[];
      children: string[];
      indicator_values: unknown[];
    };
    expect(body.region).toMatchObject({code: township.code, name: township.name});
    expect(body.parents.map((p) => p.code)).toEqual(
      regions.filter((r) => township.code!.startsWith(r.code!) && r.code !== township.code).map((r) => r.code)
    );
    expect(body.children).toEqual(
      regions
        .filter((r) => r.parent_code === township.code)
        .map((r) => r.code)
        .sort()
    );
    expect(body.indicator_values.length).toBe(values.filter((v) => v.region_code === township.code).length);
  });

  const axePages = ['data/', `releases/${releases.current}/`, 'releases/'];
  for (const prefix of ['', 'en/']) {
    for (const path of axePages) {
      it(`has no axe violations on /${prefix}${path}`, async () => {
        const page = await browser().newPage();
        const response = await page.goto(`${siteUrl}${prefix}${path}`);
        expect(response?.status()).toBe(200);
        await expect(axeViolations(page)).resolves.toEqual([]);
        await page.close();
      });
    }
  }

  it('shows on the release page the citation of this version and its files at fixed URLs', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}releases/${releases.current}/`);
    await expect(page.locator('blockquote.citation').textContent()).resolves.toContain(releases.current);
    const hrefs = await page
      .locator('table.release-files a[data-sha256]')
      .evaluateAll((anchors) => anchors.map((a) => [(a as HTMLAnchorElement).href, a.getAttribute('data-sha256')]));
    expect(hrefs.length).toBe(releases.releases[0]!.files.length);
    for (const [href, hash] of hrefs) {
      expect(new URL(href!).pathname.startsWith(`/releases/${releases.current}/`)).toBe(true);
      expect(sha256(await (await page.request.get(href!)).body()), href!).toBe(hash);
    }
    await page.close();
  });
});

describe('a release with a changelog', () => {
  const browser = useChromium();
  const next = join(scratch, 'next');
  let server: Server;
  let nextUrl: string;
  let index: ReleaseIndex;

  // The next release of the e2e site: one village's tap-water rate revised, built with --previous.
  beforeAll(async () => {
    const input = join(scratch, 'input');
    cpSync(E2E_INPUT, input, {recursive: true});
    const villages = readFileSync(join(input, 'villages.csv'), 'utf8').split('\n');
    const column = villages[1]!.split(',').indexOf('tap_water_rate');
    const cells = villages[2]!.split(',');
    cells[column] = cells[column] === '0.5' ? '0.6' : '0.5';
    villages[2] = cells.join(',');
    writeFileSync(join(input, 'villages.csv'), villages.join('\n'));
    const cli = join(import.meta.dirname, '../../pipelines/cli.ts');
    execFileSync(process.execPath, [cli, 'build', '--input', input, '--out', next, '--previous', E2E_SITE], {
      stdio: 'pipe'
    });
    index = JSON.parse(readFileSync(join(next, 'data', 'releases.json'), 'utf8')) as ReleaseIndex;
    server = await serveStatic({root: next, port: 0});
    nextUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }, 300_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const prefix of ['', 'en/']) {
    it(`lists the revised values and passes axe on /${prefix}releases/<id>/`, async () => {
      const page = await browser().newPage();
      await page.goto(`${nextUrl}${prefix}releases/${index.current}/`);
      const changelog = JSON.parse(readFileSync(join(next, 'data', 'changelog.json'), 'utf8')) as {
        revised_values: {indicator_id: string}[];
      };
      expect(changelog.revised_values.some((v) => v.indicator_id === 'tap_water_rate')).toBe(true);
      await expect(page.locator('table.revised-values tbody tr').count()).resolves.toBe(
        Math.min(200, changelog.revised_values.length)
      );
      await expect(page.locator(`a[href$="/releases/${releases.current}/"]`).count()).resolves.toBeGreaterThan(0);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.close();
    });
  }

  it('keeps the previous release at its fixed URL, byte for byte', async () => {
    const previous = index.releases.find((r) => r.id === releases.current)!;
    for (const file of previous.files) {
      const response = await fetch(`${nextUrl}releases/${previous.id}/${file.path}`);
      expect(sha256(new Uint8Array(await response.arrayBuffer())), file.path).toBe(file.sha256);
    }
  });
});
