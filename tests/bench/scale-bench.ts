/**
 * `npm run bench:scale [-- --region 3607 --scale default --runs 1]`: the
 * whole `gongshi build` of a sample, cold (a fresh output folder), in a child
 * process as a user runs it: wall time, pages per second, peak memory of the
 * build's process (all its threads; Pagefind's own process apart) and the
 * output's size. The sample is generated once into .gongshi/bench/.
 *
 * Peak memory is the kernel's high-water mark (VmHWM in /proc/<pid>/status),
 * read every half second while the build runs: it only grows, so the last
 * reading is the peak up to half a second before the end (Linux only; elsewhere
 * it is reported as unknown).
 */
import {spawn} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {readdir, rm, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {PROJECT_ROOT} from '../../pipelines/site/build-site.ts';
import {generateSample} from '../../pipelines/sample/generate-sample.ts';

const {values} = parseArgs({
  options: {
    region: {type: 'string', default: '3607'},
    scale: {type: 'string', default: 'default'},
    runs: {type: 'string', default: '1'}
  }
});
const region = values.region!;
const scale = values.scale as 'full' | 'default' | 'tiny';
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

/** Runs `gongshi build` on the sample into a fresh folder and measures it. */
async function coldBuild(): Promise<Run> {
  await rm(out, {recursive: true, force: true});
  const cli = join(PROJECT_ROOT, 'pipelines/gongshi.js');
  const args = [cli, 'build', '--input', input, '--out', out, '--site-url', 'https://gongshi.example.gov.cn'];
  const started = performance.now();
  const child = spawn(process.execPath, args, {cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe']});
  // The build reports its stages on stderr (stdout is for the summary).
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakBytes: number | null = null;
  const poll = setInterval(() => (peakBytes = highWaterMark(child.pid!) ?? peakBytes), 500);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`gongshi build exited with ${code}:\n${output}`);
  const stages = output.split(/\r?\n|\r/).filter((line) => /^(protect|publish|site|index|scan): /.test(line));
  return {seconds, peakBytes, stages};
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

const runs: Run[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const run = await coldBuild();
  runs.push(run);
  console.log(`cold build ${i + 1}: ${run.seconds.toFixed(0)} s\n  ${run.stages.join('\n  ')}`);
}
const {pages, bytes} = await measureOutput(out);
const gib = (n: number | null) => (n === null ? 'unknown' : `${(n / 2 ** 30).toFixed(2)} GiB`);
console.log(`
| sample | mode | wall | pages | pages/s | peak RSS | output |
|---|---|---|---|---|---|---|
${runs
  .map(
    (run) =>
      `| ${region} ${scale} | cold | ${(run.seconds / 60).toFixed(1)} min (${run.seconds.toFixed(0)} s) | ${pages.toLocaleString('en')} | ${(pages / run.seconds).toFixed(0)} | ${gib(run.peakBytes)} | ${(bytes / 2 ** 30).toFixed(2)} GiB |`
  )
  .join('\n')}`);
