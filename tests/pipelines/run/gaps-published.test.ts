/**
 * Issue 13, from an independent black-box test: what gaps in an export publish. Nothing reported is no value
 * (never a zero), a village's own reported rate is published even where it has no household rows, a growth
 * between two years rests on the weaker year's coverage, and the count of not-reported cells never shows how
 * few households did report.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Papa from 'papaparse';
import {afterAll, describe, expect, it} from 'vitest';
import {buildRelease} from '../../../pipelines/run.ts';
import {gongshi} from './gongshi.ts';
import {type InputTables, type Row, minimalInput, removeInputs, writeInput} from '../validate/input-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-gaps-'));
afterAll(async () => {
  rmSync(root, {recursive: true, force: true});
  await removeInputs();
});

let builds = 0;
/** Publishes `tables` (data only) and returns a published table's rows. */
async function publish(tables: InputTables): Promise<(name: string) => Record<string, string>[]> {
  const out = join(root, `out-${builds++}`);
  const result = await buildRelease({input: await writeInput(tables), out, lang: 'en', dataOnly: true});
  expect(result.faults).toEqual([]);
  expect(result.built).toBe(true);
  return (name) =>
    Papa.parse<Record<string, string>>(readFileSync(join(out, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true
    }).data;
}

const VILLAGE = '360726101001';

/** A withheld not-reported row of sanitary_toilet in 2021 of a county (安远县 or its copy), as the published CSV reads. */
const withheldToilet = (region_code: string) => ({
  region_code,
  region_name: '安远县',
  level: 'county',
  dataset: 'households.csv',
  column: 'sanitary_toilet',
  year: '2021',
  cells: '',
  suppressed: 'true'
});

describe('gaps in the published tables', () => {
  it('publishes no dropout count where no registered household reported one (not a zero)', async () => {
    const tables = minimalInput();
    for (const h of tables.households) h.dropout_children = '';
    const read = await publish(tables);
    const dropout = read('indicator_values').filter((v) => v.indicator_id === 'dropout_children');
    expect(dropout.length).toBeGreaterThan(0);
    for (const v of dropout.filter((x) => x.suppressed === 'false')) {
      expect([v.value, v.numerator, v.status], v.region_code).toEqual(['', '', 'incomplete']);
    }
  });

  it("publishes a village's own rates where it has no household rows", async () => {
    const tables = minimalInput();
    tables.households = tables.households.filter((h) => h.village_code !== VILLAGE);
    const read = await publish(tables);
    const own = (id: string) =>
      read('indicator_values').find((v) => v.indicator_id === id && v.region_code === VILLAGE);
    expect(Number(own('garbage_collection_rate')?.value)).toBeCloseTo(0.95, 12);
    expect(Number(own('tap_water_rate')?.value)).toBeCloseTo(0.98, 12);
  });

  it('rests a growth between two years on the weaker year, and never publishes an infinite growth', async () => {
    const tables = minimalInput();
    const next: Row[] = tables.households.map((h) => ({...h, year: '2022', per_capita_income: ''}));
    for (const h of next) if (h.status === 'poor') Object.assign(h, {status: 'exited', exit_year: '2022'});
    tables.households.push(...next);
    tables.villages.push(...tables.villages.map((v) => ({...v, year: '2022'})));
    const read = await publish(tables);
    const growth = read('indicator_values').filter((v) => v.indicator_id === 'income_growth_gap' && v.year === '2022');
    expect(growth.length).toBeGreaterThan(0);
    for (const v of growth) {
      expect(v.value, v.region_code).not.toMatch(/inf/i);
      // No household reported an income in 2022: no value, status incomplete (its coverage, a count of 1..4
      // households here, is withheld).
      if (v.suppressed === 'false') expect([v.value, v.status]).toEqual(['', 'incomplete']);
      expect(['', '0']).toContain(v.reporting_units);
    }
  });

  it('withholds a not-reported count that would leave 1 to 4 households reporting in the county', async () => {
    const tables = minimalInput();
    tables.households[0]!.sanitary_toilet = '';
    const read = await publish(tables);
    // The county has 4 households: 1 did not report, so 3 did — a small count the sanitary toilet rate withholds.
    expect(read('not_reported')).toEqual([withheldToilet('360726')]);
    const toilet = read('indicator_values').filter(
      (v) => v.indicator_id === 'sanitary_toilet_rate' && v.region_code === '360726'
    );
    expect(toilet.map((v) => v.suppressed)).toEqual(['true']);
  });
});

describe('counts behind coverage (second black-box test)', () => {
  it('publishes no coverage for the income growth gap, whose counts rest on two years', async () => {
    const tables = minimalInput();
    tables.households.push(...tables.households.map((h) => ({...h, year: '2022'})));
    tables.villages.push(...tables.villages.map((v) => ({...v, year: '2022'})));
    const read = await publish(tables);
    const growth = read('indicator_values').filter((v) => v.indicator_id === 'income_growth_gap');
    expect(growth.length).toBeGreaterThan(0);
    for (const v of growth) expect([v.reporting_units, v.expected_units]).toEqual(['', '']);
  });

  it("withholds every county's not-reported count of a column and year where one county's would give a small count away", async () => {
    // A second county, a copy of the first: its count of sanitary_toilet is zero, so the city's coverage minus
    // it would give the first county's (3 of 4 households reporting) were its row simply left out.
    const tables = minimalInput();
    const copy = (code: string) => code.replace(/^360726/, '360730');
    tables.regions.push(
      ...tables.regions
        .filter((r) => r.code!.startsWith('360726'))
        .map((r) => ({...r, code: copy(r.code!), parent_code: r.level === 'county' ? '3607' : copy(r.parent_code!)}))
    );
    tables.households.push(
      ...tables.households.map((h) => ({...h, household_id: `${h.household_id}B`, village_code: copy(h.village_code!)}))
    );
    tables.villages.push(...tables.villages.map((v) => ({...v, village_code: copy(v.village_code!)})));
    tables.households[0]!.sanitary_toilet = '';
    const read = await publish(tables);
    expect(read('not_reported').filter((r) => r.column === 'sanitary_toilet')).toEqual([
      withheldToilet('360726'),
      withheldToilet('360730')
    ]);
  });
});

describe('the site configuration', () => {
  it('is checked by check, as build checks it: a wrong coverage_threshold is not publishable', async () => {
    const input = await writeInput(minimalInput(), {}, {'site.yml': 'coverage_threshold: 120%\n'});
    const run = await gongshi('check', '--input', input, '--lang', 'en');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('coverage_threshold');
    expect(run.stdout).toContain('[E_SITE_CONFIG]');
  });
});

describe('household-weighted village rates (third black-box test)', () => {
  it("weigh a village whose household count is withheld by the average of such villages: a parent's mean gives no count away", async () => {
    // The township has 5 households (published), its two villages 3 and 2 or 2 and 3 (each small, withheld):
    // however they are split, the township's garbage collection rate is the same, the mean with equal weights.
    const values: string[] = [];
    for (const village of ['360726101001', '360726101002']) {
      const tables = minimalInput();
      tables.households.push({...tables.households[2]!, household_id: 'H0005', village_code: village});
      const read = await publish(tables);
      const township = read('indicator_values').find(
        (v) => v.indicator_id === 'garbage_collection_rate' && v.region_code === '360726101'
      )!;
      values.push(township.value!);
    }
    expect(values[0]).toBe(values[1]);
    expect(Number(values[0])).toBeCloseTo((0.95 + 0.9) / 2, 12);
  });
});
