import {describe, expect, it} from 'vitest';
import {STATUS_COLORS} from '../../../src/charts/palette.ts';
import {statusSummaryCaption, statusSummaryChart} from '../../../src/charts/status-bars.ts';
import {expectSnapshot} from './snapshot.ts';

const COUNTS = {met: 12, on_track: 3, at_risk: 2, off_track: 1, no_target: 1, suppressed: 1};

describe('statusSummaryChart', () => {
  it('matches its snapshots', () => {
    expectSnapshot('status-bars-zh', statusSummaryChart(COUNTS, {locale: 'zh-CN'}));
    expectSnapshot('status-bars-en', statusSummaryChart({met: 12, off_track: 4, suppressed: 3}, {locale: 'en'}));
  });

  it('draws one segment a status present, in the fixed order', () => {
    const svg = statusSummaryChart({suppressed: 1, met: 2}, {locale: 'en'});
    const fills = [...svg.matchAll(/<rect [^>]*fill="(#[0-9A-F]{6})"/gi)].map((m) => m[1]);
    expect(fills).toEqual([STATUS_COLORS.met, STATUS_COLORS.suppressed]);
    expect(svg).toContain('>met 2</text>');
    expect(svg).toBe(statusSummaryChart({met: 2, suppressed: 1}, {locale: 'en'}));
  });

  it('refuses counts that are not whole and non-negative', () => {
    expect(() => statusSummaryChart({met: -1}, {locale: 'en'})).toThrow('invalid count for met: -1');
    expect(() => statusSummaryChart({met: 1.5}, {locale: 'en'})).toThrow('invalid count for met: 1.5');
  });
});

describe('statusSummaryCaption', () => {
  it('summarises the counts in Chinese and English', () => {
    expect(statusSummaryCaption(COUNTS, {locale: 'zh-CN'})).toBe(
      '20项指标中，12项达标、3项进度正常、2项有风险、1项滞后、1项无目标、1项不公开。'
    );
    expect(statusSummaryCaption(COUNTS, {locale: 'en'})).toBe(
      'Of 20 indicators, 12 met, 3 on track, 2 at risk, 1 off track, 1 no target and 1 withheld.'
    );
    expect(statusSummaryCaption({met: 1}, {locale: 'en'})).toBe('Of 1 indicator, 1 met.');
    expect(statusSummaryCaption({}, {locale: 'zh-CN'})).toBe('暂无指标。');
  });
});
