/**
 * `npm run bench:scale [-- --region 3607 --scale default --runs 1 --county 360726 --modes cold,incremental,sharded]`:
 * the whole `gongshi build` of a sample in a child process as a user runs it,
 * three ways: cold (a fresh output folder); incremental, after a correction in
 * one county (one project, one village's households, one target), given the
 * cold build as `--previous`; and in 4 shards of that changed input, one after
 * another, then `gongshi merge`. For each: wall time, pages per second, peak
 * memory of the build's process (all its threads; Pagefind's own process
 * apart) and the output's size; the incremental build and each shard also as
 * a share of the cold build's time. The sample is generated once into
 * .gongshi/bench/.
 *
 * Peak memory is the kernel's high-water mark (VmHWM in /proc/<pid>/status),
 * read every half second while the build runs: it only grows, so the last
 * reading is the peak up to half a second before the end (Linux only; elsewhere
 * it is reported as unknown).
 */
import {spawn} from 'node:child_process';
import {cpSync, existsSync, readFileSync} from 'node:fs';
import {readdir, rm, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {PROJECT_ROOT} from '../../pipelines/site/build-site.ts';
import {wantedHeapMiB} from '../../pipelines/larger-heap.js';
import {generateSample} from '../../pipelines/sample/generate-sample.ts';
import type {SampleScale} from '../../pipelines/sample/scales.ts';
import {changeOneCounty} from '../pipelines/run/change-one-county.ts';

const {values} = parseArgs({
  options: {
    region: {type: 'string', default: '3607'},
    scale: {type: 'string', default: 'default'},
    runs: {type: 'string', default: '1'},
    county: {type: 'string'},
    shards: {type: 'string', default: '4'},
    modes: {type: 'string', default: 'cold,incremental,sharded'}
  }
});
const region = values.region!;
const scale = values.scale as SampleScale;
const bench = join(PROJECT_ROOT, '.gongshi/bench');
const input = join(bench, `sample-${region}-${scale}`);
const out = join(bench, `scale-site-${region}-${scale}`);
if (!existsSync(join(input, 'households.csv'))) {
  console.log(`generating the ${scale} sample of ${region} into ${input} …`);
  await generateSample({region, scale, seed: 1, out: input});
}

interface Run {
  seconds: number;
  peakBytes: number | null;
  stages: string[];
}

const cli = join(PROJECT_ROOT, 'pipelines/gongshi.js');
const SITE_URL = ['--site-url', 'https://gongshi.example.gov.cn'];

/** Runs `gongshi ...args` in a child process and measures it. */
async function measure(args: string[]): Promise<Run> {
  const started = performance.now();
  // The heap `gongshi` would relaunch itself with, given here: the build stays the one process measured.
  const heap = `--max-old-space-size=${wantedHeapMiB()}`;
  const child = spawn(process.execPath, [heap, cli, ...args], {cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe']});
  // The build reports its stages on stderr (stdout is for the summary).
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakBytes: number | null = null;
  const poll = setInterval(() => (peakBytes = highWaterMark(child.pid!) ?? peakBytes), 500);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`gongshi ${args.join(' ')} exited with ${code}:\n${output}`);
  const stages = output.split(/\r?\n|\r/).filter((line) => /^(protect|publish|site|index|scan|merge): /.test(line));
  return {seconds, peakBytes, stages};
}

/** Runs `gongshi build` on the sample into a fresh folder and measures it. */
async function coldBuild(): Promise<Run> {
  await rm(out, {recursive: true, force: true});
  return measure(['build', '--input', input, '--out', out, ...SITE_URL]);
}

/** The process's peak resident memory in bytes, or null where /proc does not tell. */
function highWaterMark(pid: number): number | null {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : null;
  } catch {
    return null;
  }
}

/** Pages (index.html files) and bytes under `dir`. */
async function measureOutput(dir: string): Promise<{pages: number; bytes: number}> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    if (entry.name === 'index.html') pages++;
  }
  return {pages, bytes};
}

const gib = (n: number | null) => (n === null ? 'unknown' : `${(n / 2 ** 30).toFixed(2)} GiB`);
const rows: string[] = [];
const row = async (mode: string, run: Run, dir: string, share?: number) => {
  const {pages, bytes} = await measureOutput(dir);
  const of = share === undefined || Number.isNaN(share) ? '' : ` (${(share * 100).toFixed(0)} % of cold)`;
  rows.push(
    `| ${region} ${scale} | ${mode} | ${(run.seconds / 60).toFixed(1)} min (${run.seconds.toFixed(0)} s)${of} | ${pages.toLocaleString('en')} | ${(pages / run.seconds).toFixed(0)} | ${gib(run.peakBytes)} | ${(bytes / 2 ** 30).toFixed(2)} GiB |`
  );
  console.log(`${mode}: ${run.seconds.toFixed(0)} s${of}\n  ${run.stages.join('\n  ')}`);
};

const modes = new Set(values.modes!.split(','));
if (modes.has('incremental') && !modes.has('cold')) throw new Error('--modes: incremental needs cold (its --previous)');
const runs: Run[] = [];
for (let i = 0; modes.has('cold') && i < Number(values.runs); i++) {
  const run = await coldBuild();
  runs.push(run);
  await row('cold', run, out);
}
// Without a cold build here, no share of it is given.
const cold = runs.length ? Math.min(...runs.map((r) => r.seconds)) : NaN;

// A correction in one county, built from the cold build (copied, so that each mode starts from the same one).
const county = values.county ?? (region.length === 6 ? region : '360726');
const changed = join(bench, `changed-${region}-${scale}`);
await rm(changed, {recursive: true, force: true});
cpSync(input, changed, {recursive: true});
changeOneCounty(changed, county);
/** Runs `gongshi command --out <a fresh folder> ...args`, measures it and adds its row; returns the folder. */
async function measureInto(mode: string, name: string, command: string, args: string[]): Promise<string> {
  const dir = join(bench, `${name}-${region}-${scale}`);
  await rm(dir, {recursive: true, force: true});
  const run = await measure([command, '--out', dir, ...args]);
  await row(mode, run, dir, run.seconds / cold);
  return dir;
}

if (modes.has('incremental')) {
  const previous = join(bench, `previous-${region}-${scale}`);
  await rm(previous, {recursive: true, force: true});
  cpSync(out, previous, {recursive: true});
  const args = ['--input', changed, '--previous', previous, ...SITE_URL];
  await measureInto(`incremental (${county} changed)`, 'incremental', 'build', args);
}

if (modes.has('sharded')) {
  const count = Number(values.shards);
  const shardDirs: string[] = [];
  for (let k = 1; k <= count; k++) {
    const args = ['--input', changed, '--shard', `${k}/${count}`, ...SITE_URL];
    shardDirs.push(await measureInto(`shard ${k}/${count}`, `shard-${k}`, 'build', args));
  }
  const from = shardDirs.flatMap((dir) => ['--from', dir]);
  await measureInto(`merge of ${count}`, 'merged', 'merge', ['--input', changed, ...from]);
}

console.log(`
| sample | mode | wall | pages | pages/s | peak RSS | output |
|---|---|---|---|---|---|---|
${rows.join('\n')}`);
