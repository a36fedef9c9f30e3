// Issue 5 (security): every free-text field is rendered as text — a project named
// `<script>alert(1)</script>` shows those characters literally and runs nothing; and
// a Content-Security-Policy that allows no inline script except by hash stops a
// script even where one gets into the HTML.
import {cpSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import Papa from 'papaparse';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {serveStatic} from '../../pipelines/serve/serve-static.ts';
import {gongshi} from '../pipelines/run/gongshi.ts';
import {useChromium} from './browser.ts';
import {E2E_DIR, E2E_INPUT} from './paths.ts';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const input = join(E2E_DIR, 'hostile-input');
const site = join(E2E_DIR, 'hostile-site');

describe('free text in the input', () => {
  const browser = useChromium();
  let server: Server;
  let url: string;
  let village: string;
  let year: string;

  beforeAll(async () => {
    cpSync(E2E_INPUT, input, {recursive: true});
    const path = join(input, 'projects.csv');
    const [comment, ...rest] = readFileSync(path, 'utf8').split('\n');
    const rows = Papa.parse<Record<string, string>>(rest.join('\n'), {header: true, skipEmptyLines: true}).data;
    const target = rows.find((r) => r.region_code!.length === 12)!;
    target.name = HOSTILE;
    village = target.region_code!;
    year = target.year!;
    writeFileSync(path, `${comment}\n${Papa.unparse(rows, {newline: '\n'})}\n`);
    const run = await gongshi('build', '--input', input, '--out', site);
    expect(run.status, run.stderr).toBe(0);
    server = await serveStatic({root: site, port: 0});
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('shows a hostile project name literally on its village page and runs nothing', async () => {
    const page = await browser().newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${url}regions/${village}/`, {waitUntil: 'networkidle'});
    await expect(page.locator('table.project-table td', {hasText: '<script>alert(1)</script>'}).count()).resolves.toBe(
      1
    );
    await expect(page.locator('img[src=x]').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(readFileSync(join(site, 'regions', village, 'index.html'), 'utf8')).not.toContain('<script>alert(1)');
    await page.close();
  });

  it('shows a hostile project name literally on its notice and runs nothing', async () => {
    const page = await browser().newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${url}notices/${year}/${village}/`, {waitUntil: 'networkidle'});
    await expect(
      page.locator('table.notice-board [data-field="name"] a', {hasText: '<script>alert(1)</script>'}).count()
    ).resolves.toBe(1);
    await expect(page.locator('img[src=x]').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('runs no inline script injected into a page: the CSP allows only hashed ones', async () => {
    // As if a renderer had let the name through unescaped: the policy is the second wall.
    const html = readFileSync(join(site, 'regions', village, 'index.html'), 'utf8');
    const injected =
      '<script>window.__injected = true; alert(3)</script><img src="data:," onerror="window.__onerror = true">';
    mkdirSync(join(site, 'injected'), {recursive: true});
    writeFileSync(
      join(site, 'injected', 'index.html'),
      html.replace('<main id="main">', `<main id="main">${injected}`)
    );
    const page = await browser().newPage();
    const dialogs: string[] = [];
    const violations: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto(`${url}injected/`, {waitUntil: 'networkidle'});
    await expect(page.evaluate(() => (window as {__injected?: boolean}).__injected)).resolves.toBeUndefined();
    await expect(page.evaluate(() => (window as {__onerror?: boolean}).__onerror)).resolves.toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(violations.length).toBeGreaterThanOrEqual(2);
    // The page's own script (sortable tables) still runs: the policy blocks the injection, not the site.
    await expect(page.locator('table[data-sortable] th button.sort-button').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });
});
