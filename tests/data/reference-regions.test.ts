import {describe, expect, it} from 'vitest';
import {readReferenceRegions} from '../../pipelines/sample/regions-for-scale.ts';

const rows = readReferenceRegions('3607').map((r) => ({...r, parent_code: r.parentCode}));

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

describe('reference hierarchy of every province', () => {
  it('reads any province, city or county of the country with its parents, and refuses what is not one', () => {
    const shenzhen = readReferenceRegions('4403');
    expect(shenzhen.find((r) => r.level === 'city')?.name).toBe('深圳市');
    expect(shenzhen.filter((r) => r.level === 'county').map((r) => r.name)).toContain('南山区');
    const anyuan = readReferenceRegions('360726');
    expect(anyuan.filter((r) => r.level === 'city').map((r) => r.code)).toEqual(['3607']);
    expect(anyuan.filter((r) => r.level === 'county').map((r) => r.name)).toEqual(['安远县']);
    expect(anyuan.every((r) => r.level === 'city' || r.code.startsWith('360726'))).toBe(true);
    expect(readReferenceRegions('1101').find((r) => r.level === 'city')?.name).toBe('北京市');
    expect(readReferenceRegions('4290').find((r) => r.level === 'city')?.name).toBe('湖北省省直辖县级行政区划');
    const jiangxi = readReferenceRegions('36');
    expect(jiangxi.filter((r) => r.parentCode === '').map((r) => [r.code, r.level])).toEqual([['36', 'province']]);
    expect(jiangxi.filter((r) => r.level === 'city')).toHaveLength(11);
    expect(jiangxi.filter((r) => r.level === 'city').every((r) => r.parentCode === '36')).toBe(true);
    expect(anyuan.some((r) => r.level === 'province')).toBe(false);
    expect(() => readReferenceRegions('360')).toThrow(/a province \(2 digits/);
    expect(() => readReferenceRegions('9901')).toThrow(/no province 99/);
    expect(() => readReferenceRegions('3699')).toThrow(/no region 3699/);
  });
});
