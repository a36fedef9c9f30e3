import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateSample} from '../../../pipelines/sample/generate-sample.ts';
import {readSample} from './read-sample.ts';
import type {SampleRow} from './read-sample.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongshi-sample-default-'));
let regions: SampleRow[];
let villageRows: SampleRow[];
let projects: SampleRow[];
// Households are tallied while streaming: the default scale has ~570,000 rows.
const householdVillages = new Set<string>();
const householdsPerVillage2022 = new Map<string, number>();
const byCountyYear = new Map<string, {households: number; registered: number; monitored: number}>();

beforeAll(async () => {
  await generateSample({scale: 'default', seed: 1, out: dir});
  regions = readSample(dir, 'regions.csv');
  villageRows = readSample(dir, 'villages.csv');
  projects = readSample(dir, 'projects.csv');
  readSample(dir, 'households.csv', (h) => {
    householdVillages.add(h.village_code!);
    if (h.year === '2022') {
      householdsPerVillage2022.set(h.village_code!, (householdsPerVillage2022.get(h.village_code!) ?? 0) + 1);
    }
    const key = `${h.village_code!.slice(0, 6)}-${h.year}`;
    const tally = byCountyYear.get(key) ?? {households: 0, registered: 0, monitored: 0};
    tally.households++;
    if (h.registered === '1') tally.registered++;
    if (h.monitored === '1') tally.monitored++;
    byCountyYear.set(key, tally);
  });
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('default sample', () => {
  it('covers the whole reference hierarchy and every village in villages.csv and households.csv', () => {
    expect(regions).toHaveLength(4410);
    const villages = new Set(regions.filter((r) => r.level === 'village').map((r) => r.code!));
    expect(villages.size).toBe(4081);
    expect(new Set(villageRows.map((v) => v.village_code!))).toEqual(villages);
    expect(villageRows).toHaveLength(4081 * 7);
    expect(householdVillages).toEqual(villages);
  });

  it('flags about a quarter of villages poor, deep-poor ones among them, weak ones by low income', () => {
    const villages = regions.filter((r) => r.level === 'village');
    const poor = villages.filter((v) => v.poor_village === '1');
    expect(poor.length / villages.length).toBeGreaterThan(0.2);
    expect(poor.length / villages.length).toBeLessThan(0.3);
    expect(villages.filter((v) => v.deep_poor_village === '1').every((v) => v.poor_village === '1')).toBe(true);
    const weak = new Set(villages.filter((v) => v.weak_village === '1').map((v) => v.code));
    for (const v of villageRows.filter((v) => v.year === '2019')) {
      expect(Number(v.collective_operating_income) < 50_000).toBe(weak.has(v.village_code));
    }
  });

  it('keeps registered shares per county within 10–20% and monitored shares within 2–6% from 2021', () => {
    for (const [key, tally] of byCountyYear) {
      expect(tally.registered / tally.households, key).toBeGreaterThanOrEqual(0.1);
      expect(tally.registered / tally.households, key).toBeLessThanOrEqual(0.2);
      if (Number(key.slice(7)) >= 2021) {
        expect(tally.monitored / tally.registered, key).toBeGreaterThanOrEqual(0.02);
        expect(tally.monitored / tally.registered, key).toBeLessThanOrEqual(0.06);
      }
    }
  });

  it('has villages with only 1–4 households, about 1–2% of them', () => {
    const small = [...householdsPerVillage2022.values()].filter((n) => n <= 4).length;
    expect(small / 4081).toBeGreaterThan(0.005);
    expect(small / 4081).toBeLessThan(0.03);
  });

  it('has short notice periods, but under 10% of projects, and never spends over 105%', () => {
    const days = (p: SampleRow) => (Date.parse(p.notice_end!) - Date.parse(p.notice_start!)) / 86_400_000;
    const short = projects.filter((p) => p.notice_start && days(p) < 10).length;
    expect(short).toBeGreaterThan(0);
    expect(short / projects.length).toBeLessThan(0.1);
    expect(projects.every((p) => Number(p.spent) <= Number(p.budget) * 1.05)).toBe(true);
  });
});
