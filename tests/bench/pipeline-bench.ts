/**
 * `npm run bench:pipeline [-- --scale full|default]`: the whole pipeline
 * (validate, aggregate, anonymize, publish; no site) against its floor — a
 * bare DuckDB read_csv plus one GROUP BY over the same households file — run
 * side by side in one process, alternating, so machine noise hits both.
 * Prints per-stage times, rows/s, peak memory and the ratio to the floor.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {DEFAULT_MEMORY_LIMIT, openDuckDB, sqlString} from '../../pipelines/lib/duckdb.ts';
import {createProgress} from '../../pipelines/lib/progress.ts';
import {PROJECT_ROOT} from '../../pipelines/publish/build-site.ts';
import {buildRelease} from '../../pipelines/run.ts';
import {generateSample} from '../../pipelines/sample/generate-sample.ts';
import {readKnownIndicatorIds} from '../../pipelines/commands/known-indicators.ts';

const {values} = parseArgs({
  options: {
    scale: {type: 'string', default: 'full'},
    runs: {type: 'string', default: '2'},
    'memory-limit': {type: 'string', default: DEFAULT_MEMORY_LIMIT}
  }
});
const scale = values.scale as 'full' | 'default' | 'tiny';
const input = join(PROJECT_ROOT, `.gongshi/bench/${scale}`);
const out = join(PROJECT_ROOT, `.gongshi/bench/${scale}-out`);

if (!existsSync(join(input, 'households.csv'))) {
  console.log(`generating the ${scale} sample into ${input} …`);
  await generateSample({scale, seed: 1, out: input});
}

async function floor(): Promise<number> {
  const started = performance.now();
  const connection = await openDuckDB();
  await connection.run(`SELECT village_code, year, count(*), sum(members), count(*) FILTER (registered = 1)
    FROM read_csv(${sqlString(join(input, 'households.csv'))}, header = true, comment = '#')
    GROUP BY ALL`);
  connection.closeSync();
  return (performance.now() - started) / 1000;
}

// Peak memory per run, not per process: Linux resets the process's high-water mark (VmHWM) to its current
// resident size when 5 is written to clear_refs. Elsewhere only the process's lifetime peak is known.
const STATUS = '/proc/self/status';
let perRun = existsSync(STATUS);
function resetPeak(): void {
  try {
    if (perRun) writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Some sandboxes refuse it: the process's lifetime peak it is.
    perRun = false;
  }
}
function peakMiB(): number {
  const hwm = perRun ? /VmHWM:\s+(\d+) kB/.exec(readFileSync(STATUS, 'utf8'))?.[1] : undefined;
  return (hwm ? Number(hwm) : process.resourceUsage().maxRSS) / 1024;
}

async function pipeline(): Promise<number> {
  resetPeak();
  const started = performance.now();
  await buildRelease({
    input,
    out,
    lang: 'en',
    dataOnly: true,
    memoryLimit: values['memory-limit'],
    progress: createProgress(process.stdout),
    indicatorIds: readKnownIndicatorIds()
  });
  peaks.push(peakMiB());
  return (performance.now() - started) / 1000;
}

const floors: number[] = [];
const pipelines: number[] = [];
const peaks: number[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  floors.push(await floor());
  pipelines.push(await pipeline());
}
await rm(out, {recursive: true, force: true});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`
| scale | DuckDB memory limit | floor (DuckDB read_csv + GROUP BY) | pipeline | ratio | peak RSS of a pipeline run |
|---|---|---|---|---|---|
| ${scale} | ${values['memory-limit']} | ${median(floors).toFixed(1)} s | ${median(pipelines).toFixed(1)} s | ${(median(pipelines) / median(floors)).toFixed(1)}× | ${peaks[0]!.toFixed(0)} MiB |
runs: floor ${floors.map((x) => x.toFixed(1)).join(', ')} s; pipeline ${pipelines.map((x) => x.toFixed(1)).join(', ')} s; peak RSS ${peaks.map((x) => x.toFixed(0)).join(', ')} MiB (a later run starts with what earlier ones left resident); process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
