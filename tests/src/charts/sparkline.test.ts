import {describe, expect, it} from 'vitest';
import {sparkline, sparklineLabel} from '../../../src/charts/sparkline.ts';
import {FAMILY_DOCTOR} from './fixtures.ts';
import {expectSnapshot} from './snapshot.ts';

describe('sparkline', () => {
  it('matches its snapshot', () => {
    expectSnapshot('sparkline', sparkline(FAMILY_DOCTOR, {unit: 'percent'}));
  });

  it('is a 120×32 image named by its first and last values, with no axes', () => {
    const svg = sparkline(FAMILY_DOCTOR, {unit: 'percent', locale: 'en'});
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('width="120"');
    expect(svg).toContain('height="32"');
    expect(svg).toContain('aria-label="from 92.1% in 2019 to 98.4% in 2025"');
    expect(svg).not.toContain('axis');
    expect(svg).toBe(sparkline(FAMILY_DOCTOR, {unit: 'percent', locale: 'en'}));
  });

  it('labels in both languages', () => {
    expect(sparklineLabel(FAMILY_DOCTOR, {unit: 'percent'})).toBe('从2019年的92.1%到2025年的98.4%');
    expect(sparklineLabel(FAMILY_DOCTOR.slice(0, 1), {unit: 'percent', locale: 'en'})).toBe('92.1% in 2019');
    expect(sparklineLabel([FAMILY_DOCTOR[2]!], {unit: 'percent'})).toBe('数据不公开');
  });
});
