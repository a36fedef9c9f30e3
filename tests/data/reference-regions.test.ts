import {readFileSync} from 'node:fs';
import Papa from 'papaparse';
import {describe, expect, it} from 'vitest';

const csv = readFileSync(new URL('../../data/reference/ganzhou-regions.csv', import.meta.url), 'utf8');
const rows = Papa.parse<{code: string; name: string; level: string; parent_code: string}>(csv, {
  header: true,
  skipEmptyLines: true
}).data;

describe('reference hierarchy of 赣州市', () => {
  it('has 1 city, 18 counties, 310 townships and 4,081 villages', () => {
    const count = (level: string) => rows.filter((r) => r.level === level).length;
    expect([count('city'), count('county'), count('township'), count('village')]).toEqual([1, 18, 310, 4081]);
  });

  it('gives every region below the city a parent one level up whose code prefixes its own', () => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const up: Record<string, string> = {county: 'city', township: 'county', village: 'township'};
    for (const row of rows.filter((r) => r.level !== 'city')) {
      const parent = byCode.get(row.parent_code);
      expect(parent?.level, row.code).toBe(up[row.level]);
      expect(row.code.startsWith(row.parent_code), row.code).toBe(true);
    }
  });

  it('uses unique official codes of 4, 6, 9 and 12 digits and real names', () => {
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const digits: Record<string, number> = {city: 4, county: 6, township: 9, village: 12};
    for (const row of rows) expect(row.code).toMatch(new RegExp(`^\\d{${digits[row.level]}}$`));
    expect(rows.find((r) => r.code === '360726')?.name).toBe('安远县');
    expect(rows.find((r) => r.code === '360781')?.name).toBe('瑞金市');
  });
});
