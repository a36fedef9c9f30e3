/**
 * `npm run bench:disclosure [-- --scale default,full]`: what disclosure control leaves readable. Publishes each
 * sample's data without the site (as `gongshi build --data-only` does) and prints, per indicator and level, the
 * share of region-years shown exactly, shown as a band (an interval, where the published table has `lower` and
 * `upper`), and blank (withheld with nothing shown), with the time of the disclosure audit on its own (median of
 * three runs over the published files). Rows without a value that are not withheld ("not reported") are counted
 * apart: they are gaps in the input, not disclosure control.
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {auditPublished} from '../../pipelines/audit/audit-published.ts';
import {openDuckDB, sqlString} from '../../pipelines/lib/duckdb.ts';
import {PROJECT_ROOT} from '../../pipelines/site/build-site.ts';
import {readRows} from '../../pipelines/lib/read-rows.ts';
import {buildRelease} from '../../pipelines/run.ts';
import {generateSample} from '../../pipelines/sample/generate-sample.ts';

const {values} = parseArgs({options: {scale: {type: 'string', default: 'default'}}});
const LEVELS = ['city', 'county', 'township', 'village'];

for (const scale of values.scale.split(',') as ('tiny' | 'default' | 'full')[]) {
  const input = join(PROJECT_ROOT, `.gongshi/bench/${scale}`);
  const out = join(PROJECT_ROOT, `.gongshi/bench/${scale}-disclosure`);
  if (!existsSync(join(input, 'households.csv'))) {
    console.log(`generating the ${scale} sample into ${input} …`);
    await generateSample({scale, seed: 1, out: input});
  }
  const built = await buildRelease({input, out, lang: 'en', dataOnly: true});
  if (!built.built) throw new Error(`the ${scale} sample did not build`);

  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const findings = await auditPublished(out);
    times.push((performance.now() - started) / 1000);
    if (findings.length) throw new Error(`the audit found ${findings.length} cells on the ${scale} sample`);
  }
  const audit = times.sort((a, b) => a - b)[1]!;

  const connection = await openDuckDB();
  const csv = sqlString(join(out, 'indicator_values.csv'));
  const columns = (await readRows(connection, `DESCRIBE SELECT * FROM read_csv(${csv})`)).map((c) => c.column_name);
  const band = columns.includes('lower') ? 'lower IS NOT NULL OR upper IS NOT NULL' : 'false';
  const rows = await readRows(
    connection,
    `SELECT indicator_id, level, count(*)::INTEGER AS n,
      count(*) FILTER (value IS NOT NULL)::INTEGER AS exact,
      count(*) FILTER (value IS NULL AND suppressed AND (${band}))::INTEGER AS band,
      count(*) FILTER (value IS NULL AND suppressed AND NOT (${band}))::INTEGER AS blank,
      count(*) FILTER (value IS NULL AND NOT suppressed)::INTEGER AS not_reported
    FROM read_csv(${csv}) GROUP BY ALL ORDER BY indicator_id, level`
  );
  connection.closeSync();

  const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '—');
  console.log(
    `\n${scale} sample: audit ${audit.toFixed(2)} s (median of ${times.map((t) => t.toFixed(2)).join(', ')})`
  );
  console.log('indicator'.padEnd(30) + LEVELS.map((l) => l.padStart(26)).join(''));
  console.log(' '.repeat(30) + LEVELS.map(() => 'exact / band / blank'.padStart(26)).join(''));
  for (const id of [...new Set(rows.map((r) => String(r.indicator_id)))]) {
    const cells = LEVELS.map((level) => {
      const r = rows.find((x) => x.indicator_id === id && x.level === level);
      if (!r) return '—'.padStart(26);
      const shown = Number(r.n) - Number(r.not_reported);
      return `${pct(Number(r.exact), shown)} / ${pct(Number(r.band), shown)} / ${pct(Number(r.blank), shown)}`.padStart(
        26
      );
    });
    console.log(id.padEnd(30) + cells.join(''));
  }
  const blank = (level: string) => rows.filter((r) => r.level === level).reduce((s, r) => s + Number(r.blank), 0);
  console.log(`blank cells: ${LEVELS.map((l) => `${l} ${blank(l)}`).join(', ')}`);
}
