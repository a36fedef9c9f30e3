import {describe, expect, it} from 'vitest';
import {
  formatTarget,
  joinList,
  lowerFirst,
  satisfiesTarget,
  textWidth,
  valueDomain
} from '../../../src/charts/chart-data.ts';

describe('valueDomain', () => {
  it('always shows the target', () => {
    const [lo, hi] = valueDomain([0.96, 0.98], 'percent', 0.9);
    expect(lo).toBeLessThan(0.9);
    expect(hi).toBeGreaterThan(0.98);
  });

  it('keeps shares within 0–1 and widens a flat series', () => {
    const [lo, hi] = valueDomain([1, 1, 1], 'percent', 1);
    expect(lo).toBeCloseTo(0.945, 12);
    expect(hi).toBe(1);
    expect(valueDomain([0, 0], 'percent', null)[1]).toBeCloseTo(0.055, 12);
  });

  it('starts counts of people at zero and includes zero for percentage points', () => {
    expect(valueDomain([0, 0, 0], 'people', 0)).toEqual([0, 4.4]);
    expect(valueDomain([1, 6.9], 'percentage_points', null)[0]).toBe(0);
    expect(valueDomain([-0.4, 6.9], 'percentage_points', 0)[0]).toBeLessThan(-0.4);
  });

  it('copes with no values at all', () => {
    expect(valueDomain([null, null], 'yuan', null)).toEqual([0, 11_000]);
  });
});

describe('targets', () => {
  it('writes a target with its comparison', () => {
    expect(formatTarget(0.9, '>=', 'percent', 'zh-CN')).toBe('≥90.0%');
    expect(formatTarget(0.9, '>=', 'percent', 'en')).toBe('≥ 90.0%');
    expect(formatTarget(0.05, '<=', 'percent', 'en')).toBe('≤ 5.0%');
    expect(formatTarget(0, '>', 'percentage_points', 'zh-CN')).toBe('>0.0个百分点');
    expect(formatTarget(0, '=', 'people', 'zh-CN')).toBe('0人');
    expect(formatTarget(50_000, null, 'yuan', 'zh-CN')).toBe('≥5万元');
  });

  it('compares as the pipeline does, absorbing floating-point noise', () => {
    expect(satisfiesTarget(0.1 + 0.2, '<=', 0.3)).toBe(true);
    expect(satisfiesTarget(0.9999999999, '>=', 1)).toBe(true);
    expect(satisfiesTarget(0.99, '>=', 1)).toBe(false);
    expect(satisfiesTarget(0, '>', 0)).toBe(false);
    expect(satisfiesTarget(0, '=', 0)).toBe(true);
    expect(satisfiesTarget(0.04, '<', 0.05)).toBe(true);
  });
});

describe('text helpers', () => {
  it('estimates text width, Chinese wider than digits', () => {
    expect(textWidth('孔田镇')).toBe(30);
    expect(textWidth('95%', 10)).toBe(21);
  });

  it('joins lists in each language', () => {
    expect(joinList(['2021', '2022'], 'zh-CN')).toBe('2021、2022');
    expect(joinList(['2021', '2022', '2023'], 'en')).toBe('2021, 2022 and 2023');
    expect(joinList(['2021'], 'en')).toBe('2021');
  });

  it('lowers the first letter of a name, not of an acronym', () => {
    expect(lowerFirst('Family doctor contract rate')).toBe('family doctor contract rate');
    expect(lowerFirst('GDP per head')).toBe('GDP per head');
  });
});
