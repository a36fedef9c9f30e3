/**
 * `npm run bench:explore [-- --scale full|default|tiny] [--runs 3]`: the SQL
 * console in Chromium on localhost. (1) Cold load: a fresh browser profile
 * (empty cache) opens /explore/?sql=<the first example> and waits for the
 * result; the time to the first result, and the bytes DuckDB-wasm took on the
 * wire. (2) A three-table join (indicator_values × regions × indicators) over
 * the sample's published data: the first run, which loads the tables from
 * their CSVs, and a second, warm run.
 *
 * The data are published by the pipeline alone (`dataOnly`, as bench:pipeline
 * does); the page around them is the tiny sample's site, whose data/ folder is
 * replaced by the sample's: the console reads the table list from the same
 * schema, so only the row counts it prints beside the tables differ.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, statSync} from 'node:fs';
import {cp, mkdtemp, rm} from 'node:fs/promises';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {chromium} from 'playwright-core';
import {createProgress} from '../../pipelines/lib/progress.ts';
import {PROJECT_ROOT} from '../../pipelines/site/build-site.ts';
import {buildRelease} from '../../pipelines/run.ts';
import {generateSample} from '../../pipelines/sample/generate-sample.ts';
import {serveStatic} from '../../pipelines/serve/serve-static.ts';
import {EXPLORE_EXAMPLES} from '../../src/lib/explore-examples.ts';
import {CHROMIUM_PATH} from '../e2e/browser.ts';

const {values} = parseArgs({options: {scale: {type: 'string', default: 'full'}, runs: {type: 'string', default: '3'}}});
const scale = values.scale as 'full' | 'default' | 'tiny';
const runs = Number(values.runs);
const bench = join(PROJECT_ROOT, '.gongshi/bench');
const input = join(bench, scale);
const data = join(bench, `${scale}-data`);
const site = join(bench, 'explore-site');

if (!existsSync(join(input, 'households.csv'))) {
  console.log(`generating the ${scale} sample into ${input} …`);
  await generateSample({scale, seed: 1, out: input});
}
if (!existsSync(join(data, 'datapackage.json'))) {
  console.log(`publishing the ${scale} sample's tables into ${data} …`);
  await buildRelease({
    input,
    out: data,
    lang: 'en',
    dataOnly: true,
    progress: createProgress(process.stdout)
  });
}
// The page: the tiny sample's site (seconds to build), with the benchmark's data in place of its own.
const tinyInput = join(bench, 'tiny');
if (!existsSync(join(tinyInput, 'households.csv'))) await generateSample({scale: 'tiny', seed: 1, out: tinyInput});
const cli = join(PROJECT_ROOT, 'pipelines/cli.ts');
execFileSync(process.execPath, [cli, 'build', '--input', tinyInput, '--out', site], {stdio: 'ignore'});
await rm(join(site, 'data'), {recursive: true, force: true});
await cp(data, join(site, 'data'), {recursive: true});

// A plain static server: precompressed copies, but no cache header (the worker gets no second chance from the cache).
const server = await serveStatic({root: site, port: 0, immutableAssets: false});
const siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

/** Opens `sql` in a fresh profile and returns the ms to the result and the page's own timing of the query. */
async function coldRun(sql: string) {
  const profile = await mkdtemp(join(tmpdir(), 'gongshi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {executablePath: CHROMIUM_PATH, args: FLAGS});
  // Bytes as the server sent them (a second download of the same file counts twice; the browser's cache, none).
  const sent: {url: string; bytes: number}[] = [];
  const countSent = (request: IncomingMessage, response: ServerResponse) =>
    response.on('finish', () =>
      sent.push({url: request.url ?? '', bytes: Number(response.getHeader('content-length') ?? 0)})
    );
  const close = async () => {
    server.off('request', countSent);
    await context.close();
    await rm(profile, {recursive: true, force: true});
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    server.on('request', countSent);
    const started = Date.now();
    await page.goto(`${siteUrl}en/explore/?sql=${encodeURIComponent(sql)}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#sql-console')?.dataset.runs === '1', null, {
      timeout: 600_000
    });
    const firstResult = Date.now() - started;
    const outcome = await page.evaluate(() => document.querySelector<HTMLElement>('#sql-console')!.dataset.outcome);
    if (outcome !== 'done') throw new Error(`query ${outcome}: ${await page.locator('#sql-error').textContent()}`);
    // The console's marks, in ms since navigation started: where a cold start spends its time.
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('gongshi:', ''), m.startTime]))
    );
    server.off('request', countSent);
    const duckdbBytes = sent.filter(({url}) => /duckdb|\.wasm$/.test(url)).reduce((sum, {bytes}) => sum + bytes, 0);
    const allBytes = sent.reduce((sum, {bytes}) => sum + bytes, 0);
    return {firstResult, duckdbBytes, allBytes, marks, page, close};
  } catch (error) {
    await close();
    throw error;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const first = EXPLORE_EXAMPLES[0]!.sql.en;
const join3 = EXPLORE_EXAMPLES.find((e) => e.id === 'indicators_off_target')!.sql.en;

const cold: number[] = [];
const phases: Record<string, number>[] = [];
let duckdbBytes = 0;
let allBytes = 0;
for (let run = 0; run < runs; run++) {
  const result = await coldRun(first);
  cold.push(result.firstResult);
  phases.push(result.marks);
  duckdbBytes = result.duckdbBytes;
  allBytes = result.allBytes;
  await result.close();
}

// The join: cold (the engine starts and indicator_values is loaded from its CSV), then warm in the same page.
const joinCold: number[] = [];
const joinWarm: number[] = [];
for (let run = 0; run < runs; run++) {
  const {firstResult, page, close} = await coldRun(join3);
  joinCold.push(firstResult);
  await page.fill('#sql', join3);
  const started = Date.now();
  await page.press('#sql', 'Control+Enter');
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#sql-console')?.dataset.runs === '2', null, {
    timeout: 600_000
  });
  joinWarm.push(Date.now() - started);
  await close();
}
server.close();

const csvBytes = ['indicator_values', 'regions', 'indicators'].reduce(
  (sum, table) => sum + statSync(join(data, `${table}.csv`)).size,
  0
);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`
| scale | cold load to first result (median of ${runs}) | sent for it: DuckDB-wasm (all) | 3-table join, cold (loads ${(csvBytes / 2 ** 20).toFixed(1)} MiB of CSV) | 3-table join, warm |
|---|---|---|---|---|
| ${scale} | ${s(median(cold))} (${cold.map(s).join(', ')}) | ${(duckdbBytes / 2 ** 20).toFixed(1)} MiB (${(allBytes / 2 ** 20).toFixed(1)} MiB) | ${s(median(joinCold))} | ${s(median(joinWarm))} |`);
const phase = (name: string) => s(median(phases.map((p) => p[name] ?? NaN)));
console.log(`
Cold load, median per phase (ms since navigation): engine start ${phase('engine-start')}, wasm instantiated ${phase('engine-instantiated')}, engine ready ${phase(
  'engine-ready'
)}, tables loaded ${phase('tables-ready')}, result ${phase('result')}. Load average during the run: ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')} on ${cpus().length} cores.`);
await rm(site, {recursive: true, force: true});
