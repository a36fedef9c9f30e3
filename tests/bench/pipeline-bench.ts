/**
 * `npm run bench:pipeline [-- --scale full|default]`: the whole pipeline
 * (validate, aggregate, anonymize, publish; no site) against its floor — a
 * bare DuckDB read_csv plus one GROUP BY over the same households file — run
 * side by side in one process, alternating, so machine noise hits both.
 * Prints per-stage times, rows/s, peak memory and the ratio to the floor,
 * and, beside it, two lower bounds of any pipeline that validates: the same
 * file's kept cells read as text, and each tested against one pattern.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {DEFAULT_MEMORY_LIMIT, openDuckDB, sqlIdentifier, sqlString} from '../../pipelines/lib/duckdb.ts';
import {inputTable} from '../../src/lib/input-tables.ts';
import {createProgress} from '../../pipelines/lib/progress.ts';
import {PROJECT_ROOT} from '../../pipelines/site/build-site.ts';
import {buildRelease} from '../../pipelines/run.ts';
import {generateSample} from '../../pipelines/sample/generate-sample.ts';

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

async function timeQuery(sql: string): Promise<number> {
  const started = performance.now();
  const connection = await openDuckDB();
  await connection.run(sql);
  connection.closeSync();
  return (performance.now() - started) / 1000;
}

const householdsCsv = sqlString(join(input, 'households.csv'));
const floor = () =>
  timeQuery(`SELECT village_code, year, count(*), sum(members), count(*) FILTER (registered = 1)
    FROM read_csv(${householdsCsv}, header = true, comment = '#')
    GROUP BY ALL`);

// Lower bounds of any pipeline that validates, each a part of what it must do that the floor leaves out. The floor
// converts 4 of the 22 kept columns (DuckDB's reader skips the others); the contract checks every cell of every
// row, and on its text: the typed reader reads `1.5` as the integer 2 and `t` as true, so it cannot stand in for
// the checks — one test per cell is the least a validator does.
const keptColumns = inputTable('households')
  .columns.filter((c) => !c.pii)
  .map((c) => sqlIdentifier(c.name));
const asText = `read_csv(${householdsCsv}, header = true, comment = '#', all_varchar = true)`;
const BOUNDS = {
  'every kept column typed by DuckDB': `SELECT ${keptColumns.map((c) => `count(${c})`).join(' + ')}
    FROM read_csv(${householdsCsv}, header = true, comment = '#')`,
  'every kept cell read as text': `SELECT ${keptColumns.map((c) => `sum(strlen(${c}))`).join(' + ')} FROM ${asText}`,
  'and tested against one pattern': `SELECT ${keptColumns
    .map((c) => `count(*) FILTER (regexp_full_match(${c}, '[0-9A-Za-z_-]*'))`)
    .join(' + ')} FROM ${asText}`
};

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
    progress: createProgress(process.stdout)
  });
  peaks.push(peakMiB());
  return (performance.now() - started) / 1000;
}

const floors: number[] = [];
const bounds = new Map<string, number[]>(Object.keys(BOUNDS).map((name) => [name, []]));
const pipelines: number[] = [];
const peaks: number[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  floors.push(await floor());
  for (const [name, sql] of Object.entries(BOUNDS)) bounds.get(name)!.push(await timeQuery(sql));
  pipelines.push(await pipeline());
}
await rm(out, {recursive: true, force: true});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Each run's time over the floor timed just before it: the machine's speed drifts between runs.
const ratio = (xs: number[]) => median(xs.map((x, i) => x / floors[i]!)).toFixed(1);
const seconds = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
console.log(`
| scale | DuckDB memory limit | floor (DuckDB read_csv + GROUP BY) | pipeline | ratio | peak RSS of a pipeline run |
|---|---|---|---|---|---|
| ${scale} | ${values['memory-limit']} | ${median(floors).toFixed(1)} s | ${median(pipelines).toFixed(1)} s | ${ratio(pipelines)}× | ${peaks[0]!.toFixed(0)} MiB |

Lower bounds of any validating pipeline, over the floor: ${[...bounds].map(([name, xs]) => `${name} ${ratio(xs)}×`).join('; ')}.
runs: floor ${seconds(floors)} s; ${[...bounds].map(([name, xs]) => `${name} ${seconds(xs)} s`).join('; ')}; pipeline ${seconds(pipelines)} s; peak RSS ${peaks.map((x) => x.toFixed(0)).join(', ')} MiB (a later run starts with what earlier ones left resident); process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
