import {describe, expect, it} from 'vitest';
import {
  type DistributionOptions,
  distributionCaption,
  distributionChart
} from '../../../src/charts/distribution-chart.ts';
import {STATUS_COLORS} from '../../../src/charts/palette.ts';
import {TOWNSHIPS} from './fixtures.ts';
import {expectSnapshot} from './snapshot.ts';

const ZH: DistributionOptions = {
  unit: 'percent',
  target: 0.95,
  targetOperator: '>=',
  locale: 'zh-CN',
  title: '2025年安远县各乡镇家庭医生签约率',
  year: 2025
};
const EN: DistributionOptions = {...ZH, locale: 'en', title: 'Family doctor contract rate by township, 安远县, 2025'};

describe('distributionChart', () => {
  it('matches its snapshots', () => {
    expectSnapshot('distribution-percent-zh', distributionChart(TOWNSHIPS, ZH));
    expectSnapshot('distribution-percent-en', distributionChart(TOWNSHIPS, {...EN, target: null}));
  });

  it('renders the same markup twice, whatever the row order', () => {
    expect(distributionChart(TOWNSHIPS, ZH)).toBe(distributionChart([...TOWNSHIPS].reverse(), ZH));
  });

  it('grows 22 px a row and stays an accessible image', () => {
    const svg = distributionChart(TOWNSHIPS, EN);
    expect(svg).toContain(`height="${30 + 52 + 8 * 22}"`);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(`aria-label="${EN.title}"`);
    expect(svg).not.toMatch(/\sid="/);
  });

  it('colours dots by status and lists withheld regions', () => {
    const svg = distributionChart(TOWNSHIPS, ZH);
    for (const status of ['met', 'on_track', 'at_risk', 'off_track'] as const) {
      expect(svg).toContain(`fill="${STATUS_COLORS[status]}"`);
    }
    expect(svg.match(/>不公开<\/text>/g)).toHaveLength(2);
    expect(svg).toContain('>目标 ≥95.0%</text>');
  });
});

describe('distributionCaption', () => {
  it('summarises the regions in Chinese and English', () => {
    expect(distributionCaption(TOWNSHIPS, ZH)).toBe(
      '2025年，6个地区中3个达到目标（≥95.0%），最高为孔田镇（99.1%），最低为镇岗乡（85.0%）；2个地区不公开。'
    );
    expect(distributionCaption(TOWNSHIPS, EN)).toBe(
      'In 2025, 3 of 6 regions met the target (≥ 95.0%); the highest was 孔田镇 (99.1%) and the lowest 镇岗乡 (85.0%); 2 regions are withheld.'
    );
  });

  it('leaves out what does not apply', () => {
    const shown = TOWNSHIPS.filter((r) => r.value !== null);
    expect(distributionCaption(shown, {...ZH, target: null, year: undefined})).toBe(
      '6个地区中最高为孔田镇（99.1%），最低为镇岗乡（85.0%）。'
    );
    expect(distributionCaption(shown, {...EN, target: null, year: undefined})).toBe(
      'Across 6 regions the highest was 孔田镇 (99.1%) and the lowest 镇岗乡 (85.0%).'
    );
  });

  it('describes one region, and regions all withheld', () => {
    expect(distributionCaption([TOWNSHIPS[0]!, TOWNSHIPS[3]!], EN)).toBe(
      'In 2025, 1 of 1 region met the target (≥ 95.0%); 孔田镇 was 99.1%; 1 region is withheld.'
    );
    const hidden = TOWNSHIPS.filter((r) => r.value === null);
    expect(distributionCaption(hidden, ZH)).toBe('2025年，2个地区不公开。');
    expect(distributionCaption([], EN)).toBe('In 2025, no region has data.');
    expect(distributionCaption([], {...EN, year: undefined})).toBe('No region has data.');
  });
});
