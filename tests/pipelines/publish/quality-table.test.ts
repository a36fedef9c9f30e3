/**
 * The per-county data-quality table, from a real build of the tiny sample
 * with a few broken household rows: every row read is counted once, in the
 * county its village code names, or unattributed when the code is unknown.
 */
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Papa from 'papaparse';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildRelease} from '../../../pipelines/run.ts';
import {generateSample} from '../../../pipelines/sample/generate-sample.ts';

let root: string;
let quality: {region_code: string; dataset: string; measure: string; count: string}[];
let manifest: {
  inputs: {file: string; rows_read: number; rows_rejected: number; rejected_by_code: Record<string, number>}[];
};
const COUNTY = '360726';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gongshi-quality-'));
  const input = join(root, 'in');
  await generateSample({scale: 'tiny', seed: 1, out: input});
  // Two rows with a village code that is no region, three with no members: under 1% of the file.
  const path = join(input, 'households.csv');
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const n of [10, 20]) lines[n] = lines[n]!.replace(/,360726\d{6},/, ',360726999999,');
  for (const n of [30, 40, 50]) {
    const cells = lines[n]!.split(',');
    cells[6] = '0';
    lines[n] = cells.join(',');
  }
  writeFileSync(path, lines.join('\n'));
  const out = join(root, 'out');
  const result = await buildRelease({input, out, lang: 'en', dataOnly: true});
  expect(result.built).toBe(true);
  const text = readFileSync(join(out, 'quality.csv'), 'utf8').slice(1);
  quality = Papa.parse<(typeof quality)[number]>(text, {header: true, skipEmptyLines: true}).data;
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

const sum = (rows: typeof quality) => rows.reduce((s, r) => s + Number(r.count), 0);

describe('the quality table', () => {
  it('adds up to the manifest per input file: rows read, rejected and each error code', () => {
    for (const input of manifest.inputs) {
      const rows = quality.filter((q) => q.dataset === input.file);
      expect(sum(rows.filter((q) => q.measure === 'read')), input.file).toBe(input.rows_read);
      expect(sum(rows.filter((q) => q.measure === 'rejected')), input.file).toBe(input.rows_rejected);
      for (const [code, n] of Object.entries(input.rejected_by_code)) {
        expect(sum(rows.filter((q) => q.measure === code)), `${input.file} ${code}`).toBe(n);
      }
    }
  });

  it('places rejected rows in the county of their village code, and unknown codes on the unattributed line', () => {
    const households = quality.filter((q) => q.dataset === 'households.csv');
    const at = (region: string, measure: string) =>
      sum(households.filter((q) => q.region_code === region && q.measure === measure));
    expect(at('', 'rejected')).toBe(2);
    expect(at('', 'E_UNKNOWN_VILLAGE')).toBe(2);
    expect(at(COUNTY, 'rejected')).toBe(3);
    expect(at(COUNTY, 'read')).toBe(at(COUNTY, 'accepted') + 3);
    // Counts only, and never below county level.
    expect(new Set(quality.map((q) => q.region_code.length))).toEqual(new Set([0, 4, 6]));
  });

  it('counts withheld cells per county', () => {
    const withheld = quality.filter((q) => q.measure === 'withheld' && q.dataset === 'indicator_values');
    expect(sum(withheld)).toBeGreaterThan(0);
  });
});
