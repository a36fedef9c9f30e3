/**
 * `npm run bench:site [-- --scale default|full]`: the whole build (pipelines
 * and site) of a sample, with the time of each stage, peak memory, the output
 * size and the bytes a browser transfers for the home page and a village page
 * (HTML and CSS as served, gzip as a static host would send it).
 */
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {gzipSync} from 'node:zlib';
import {createProgress} from '../../pipelines/lib/progress.ts';
import {PROJECT_ROOT} from '../../pipelines/site/build-site.ts';
import {buildRelease} from '../../pipelines/run.ts';
import {generateSample} from '../../pipelines/sample/generate-sample.ts';
import {checkRegionPages} from '../e2e/region-pages.ts';

const {values} = parseArgs({options: {scale: {type: 'string', default: 'default'}}});
const scale = values.scale as 'full' | 'default' | 'tiny';
const input = join(PROJECT_ROOT, `.gongshi/bench/${scale}`);
const out = join(PROJECT_ROOT, `.gongshi/bench/${scale}-site`);
if (!existsSync(join(input, 'households.csv'))) await generateSample({scale, seed: 1, out: input});

const started = performance.now();
await buildRelease({
  input,
  out,
  lang: 'en',
  progress: createProgress(process.stdout)
});
const seconds = (performance.now() - started) / 1000;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(out);
const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
const pages = files.filter((f) => f.endsWith('.html')).length;

/** Bytes of a page and its stylesheets, raw and gzipped. */
function pageWeight(path: string) {
  const html = readFileSync(join(out, path, 'index.html'));
  const css = [...html.toString().matchAll(/href="([^"]+\.css)"/g)].map((m) => readFileSync(join(out, m[1]!)));
  const parts = [html, ...css];
  return {raw: parts.reduce((s, b) => s + b.length, 0), gzip: parts.reduce((s, b) => s + gzipSync(b).length, 0)};
}
const village = readdirSync(join(out, 'regions')).find((code) => code.length === 12)!;
const home = pageWeight('');
const villagePage = pageWeight(`regions/${village}`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`
| scale | build | pages | output | peak RSS | home (raw / gzip) | village page (raw / gzip) |
|---|---|---|---|---|---|---|
| ${scale} | ${seconds.toFixed(0)} s | ${pages.toLocaleString('en')} | ${(total / 2 ** 20).toFixed(0)} MiB | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB | ${kb(home.raw)} / ${kb(home.gzip)} | ${kb(villagePage.raw)} / ${kb(villagePage.gzip)} |`);

// Issue 4's done-when at this scale: every region page exists and shows its values of indicator_values.
const regionPages = checkRegionPages(out);
console.log(
  `\nregion pages: ${regionPages.pages.toLocaleString('en')} checked against ` +
    `${regionPages.values.toLocaleString('en')} published values, ${regionPages.mismatches.length} mismatches`
);
for (const m of regionPages.mismatches.slice(0, 20)) console.log(`  ${m.page} ${m.indicator ?? ''}: ${m.problem}`);
await rm(out, {recursive: true, force: true});
if (regionPages.mismatches.length) process.exitCode = 1;
