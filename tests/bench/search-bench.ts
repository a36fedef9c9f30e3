/**
 * `npm run bench:search -- --site DIR [--runs 3]`: the site search of a built
 * site (e.g. the default sample's, `npm start`'s dist/). Rebuilds its Pagefind
 * index as `gongshi build` does (regions and indicators from their pages,
 * projects from the published data) and reports the time, the records, the
 * index's size on disk; then, in Chromium with a fresh profile each run,
 * opens /search/?q=… for a project's words and a township's name and reports
 * the time to the first result and the bytes of the index fetched for it.
 */
import {readdirSync, statSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {chromium} from 'playwright-core';
import {indexSiteSearch} from '../../pipelines/site/index-site-search.ts';
import {serveStatic} from '../../pipelines/serve/serve-static.ts';
import {CHROMIUM_PATH} from '../e2e/browser.ts';

const {values} = parseArgs({
  options: {site: {type: 'string'}, runs: {type: 'string', default: '3'}, query: {type: 'string', multiple: true}}
});
if (!values.site) throw new Error('usage: npm run bench:search -- --site DIR (a built site)');
const site = values.site;
const runs = Number(values.runs);
const queries = values.query ?? ['脐橙产业', '孔田镇', 'Kongtian'];

const started = performance.now();
const records = await indexSiteSearch(site);
const indexSeconds = (performance.now() - started) / 1000;
const files = readdirSync(join(site, 'pagefind'), {recursive: true, encoding: 'utf8'})
  .map((file) => join(site, 'pagefind', file))
  .filter((file) => statSync(file).isFile());
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
console.log(
  `index: ${records.toLocaleString('en')} records in ${indexSeconds.toFixed(1)} s; ` +
    `${files.length.toLocaleString('en')} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`
);

const server = await serveStatic({root: site, port: 0});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync']
});
try {
  for (const query of queries) {
    const times: number[] = [];
    let fetched = 0;
    let results = 0;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let wire = 0;
      page.on('response', async (response) => {
        if (response.url().includes('/pagefind/')) wire += (await response.body().catch(() => Buffer.alloc(0))).length;
      });
      const path = /^[ -~]+$/.test(query) ? '/en/search/' : '/search/';
      const t0 = performance.now();
      await page.goto(`${base}${path}?q=${encodeURIComponent(query)}`);
      await page.locator('#search-results h2').waitFor({timeout: 60_000});
      times.push(performance.now() - t0);
      results = await page.locator('#search-results li').count();
      fetched = wire;
      await context.close();
    }
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    console.log(
      `first result for "${query}": median ${(median / 1000).toFixed(2)} s of ${runs} cold runs; ` +
        `${results} results listed; ${(fetched / 1024).toFixed(0)} KiB of index fetched`
    );
  }
} finally {
  await browser.close();
  server.close();
}
