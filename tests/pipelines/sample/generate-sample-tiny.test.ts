import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateSample} from '../../../pipelines/sample/generate-sample.ts';
import type {SampleSummary} from '../../../pipelines/sample/generate-sample.ts';
import {INPUT_TABLES} from '../../../src/lib/input-tables.ts';
import {hasValidCheckDigit, readSample} from './read-sample.ts';
import type {SampleRow} from './read-sample.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-sample-tiny-'));
const dirA = join(root, 'a');
const dirB = join(root, 'b');
const dirOther = join(root, 'other');
let summary: SampleSummary;
let households: SampleRow[];
let regions: SampleRow[];
let projects: SampleRow[];

beforeAll(async () => {
  summary = await generateSample({scale: 'tiny', seed: 42, out: dirA});
  await generateSample({scale: 'tiny', seed: 42, out: dirB});
  await generateSample({scale: 'tiny', seed: 43, out: dirOther});
  households = readSample(dirA, 'households.csv');
  regions = readSample(dirA, 'regions.csv');
  projects = readSample(dirA, 'projects.csv');
}, 30_000);
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('tiny sample', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const files = readdirSync(dirA).sort();
    expect(files).toEqual([...INPUT_TABLES.map((t) => t.file), 'README.txt'].sort());
    for (const file of files) expect(readFileSync(join(dirB, file)).equals(readFileSync(join(dirA, file)))).toBe(true);
    const other = readFileSync(join(dirOther, 'households.csv'), 'utf8');
    expect(other).not.toBe(readFileSync(join(dirA, 'households.csv'), 'utf8'));
  });

  it('labels every file synthetic and writes the contract’s header, without BOM, with LF', () => {
    for (const table of INPUT_TABLES) {
      const text = readFileSync(join(dirA, table.file), 'utf8');
      const [comment, header] = text.split('\n');
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toContain('\r');
      expect(comment).toBe(
        '# 合成示例数据，非真实统计 (synthetic sample data, not real statistics) · gongshi sample --scale tiny --seed 42'
      );
      expect(header).toBe(table.columns.map((c) => c.name).join(','));
    }
    const readme = readFileSync(join(dirA, 'README.txt'), 'utf8');
    expect(readme).toContain('合成示例数据');
    expect(readme).toContain('synthetic sample data');
    for (const {file} of summary.files) expect(readme).toContain(file);
  });

  it('covers one township of 安远县 and reports its row counts', () => {
    expect(regions.filter((r) => r.level === 'city').map((r) => r.code)).toEqual(['3607']);
    expect(regions.filter((r) => r.level === 'county').map((r) => r.code)).toEqual(['360726']);
    expect(regions.filter((r) => r.level === 'township')).toHaveLength(1);
    const villages = regions.filter((r) => r.level === 'village');
    expect(villages.length).toBeGreaterThanOrEqual(10);
    expect(villages.length).toBeLessThanOrEqual(20);
    expect(summary.files.find((f) => f.file === 'households.csv')?.rows).toBe(households.length);
  });

  it('places every household in a village of regions.csv, with stable IDs across years', () => {
    const villages = new Set(regions.filter((r) => r.level === 'village').map((r) => r.code));
    const years = new Map<string, number>();
    for (const h of households) {
      expect(villages.has(h.village_code!)).toBe(true);
      years.set(h.household_id!, (years.get(h.household_id!) ?? 0) + 1);
    }
    expect(new Set(years.values())).toEqual(new Set([7]));
    expect(households.length / 7 / villages.size).toBeGreaterThan(20);
    expect(households.length / 7 / villages.size).toBeLessThan(45);
  });

  it('writes valid ID numbers that start with the county code, and keeps PII per household', () => {
    const byHousehold = new Map<string, string>();
    for (const h of households) {
      if (h.id_number) {
        expect(hasValidCheckDigit(h.id_number)).toBe(true);
        expect(h.id_number.slice(0, 6)).toBe(h.village_code!.slice(0, 6));
      }
      if (h.phone) expect(h.phone).toMatch(/^1[35789]\d{9}$/);
      const pii = `${h.head_name}|${h.id_number}|${h.phone}`;
      expect(byHousehold.get(h.household_id!) ?? pii).toBe(pii);
      byHousehold.set(h.household_id!, pii);
    }
    expect(households.filter((h) => h.id_number).length / households.length).toBeGreaterThan(0.85);
  });

  it('has at least two villages with only 1–4 households', () => {
    const counts = new Map<string, number>();
    for (const h of households.filter((h) => h.year === '2022')) {
      counts.set(h.village_code!, (counts.get(h.village_code!) ?? 0) + 1);
    }
    expect([...counts.values()].filter((n) => n <= 4).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps registered (10–20%) and monitored (2–6% of registered, 2021+) shares believable', () => {
    for (const year of ['2019', '2021', '2025']) {
      const ofYear = households.filter((h) => h.year === year);
      const registered = ofYear.filter((h) => h.registered === '1').length;
      expect(registered / ofYear.length).toBeGreaterThanOrEqual(0.1);
      expect(registered / ofYear.length).toBeLessThanOrEqual(0.2);
      const monitored = ofYear.filter((h) => h.monitored === '1').length;
      if (year !== '2019') expect(monitored / registered).toBeGreaterThanOrEqual(0.02);
      if (year !== '2019') expect(monitored / registered).toBeLessThanOrEqual(0.06);
    }
  });

  it('follows the household status rules of the contract', () => {
    for (const h of households) {
      expect(h.status === 'none').toBe(h.registered === '0');
      if (h.status === 'exited') expect(Number(h.exit_year)).toBeLessThanOrEqual(Number(h.year));
      else expect(h.exit_year).toBe('');
      if (Number(h.year) >= 2020) expect(h.status).not.toBe('poor');
      if (h.monitored === '1') {
        expect(h.monitored_since! >= '2020-05-06').toBe(true);
        expect(h.risk_flags).toMatch(/^([1-9]|10)(;([1-9]|10)){0,2}$/);
        if (h.risk_eliminated_date) expect(h.risk_eliminated_date >= h.monitored_since!).toBe(true);
        if (h.risk_eliminated_date) expect(h.risk_eliminated_date <= `${h.year}-12-31`).toBe(true);
      } else {
        expect([h.monitor_type, h.monitored_since, h.risk_flags, h.risk_eliminated_date].join('')).toBe('');
      }
      const members = Number(h.members);
      expect(members >= 1 && members <= 7).toBe(true);
      for (const c of ['labor_count', 'employed_count', 'family_doctor_signed', 'medical_insured'] as const) {
        expect(Number(h[c])).toBeLessThanOrEqual(members);
      }
    }
  });

  it('writes projects whose spending, dates and notices stay within the contract', () => {
    const funds = new Map(readSample(dirA, 'funds.csv').map((f) => [f.fund_id!, f]));
    for (const p of projects) {
      expect(Number(p.spent)).toBeLessThanOrEqual(Number(p.budget) * 1.05);
      // A planned project may leave both dates open, work in progress its end; finished projects have both.
      if (p.start_date && p.end_date) expect(p.start_date <= p.end_date).toBe(true);
      if (p.status === 'completed' || p.status === 'accepted') expect(p.start_date && p.end_date).toBeTruthy();
      if (p.status === 'in_progress') expect(p.start_date).toBeTruthy();
      expect(funds.get(p.fund_id!)?.year).toBe(p.year);
      expect(Number(p.beneficiary_poor_households)).toBeLessThanOrEqual(Number(p.beneficiary_households));
    }
  });
});
