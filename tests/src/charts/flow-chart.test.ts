import {describe, expect, it} from 'vitest';
import {flowCaption, flowChart} from '../../../src/charts/flow-chart.ts';

const YEARS = [
  {year: 2022, entered: 80, exited: 95, suppressed: false},
  {year: 2021, entered: null, exited: null, suppressed: true},
  {year: 2020, entered: 1200, exited: 0, suppressed: false}
];

describe('flowChart and flowCaption', () => {
  it('sums the published years, names the latest and the withheld ones, in both languages', () => {
    expect(flowCaption(YEARS, {locale: 'zh-CN', region: '赣州市'})).toBe(
      '2020–2022年，赣州市共有1,280户新纳入监测、95户退出监测；2022年纳入80户、退出95户；2021年数据不公开。'
    );
    expect(flowCaption(YEARS, {locale: 'en', region: '赣州市'})).toBe(
      'From 2020 to 2022, 1,280 households entered monitoring in 赣州市 and 95 left it; in 2022, 80 entered and 95 left; the figures for 2021 are withheld.'
    );
    expect(flowCaption([YEARS[1]!], {locale: 'en', region: 'X'})).toBe(
      'The flows into and out of monitoring in X are withheld for every year.'
    );
  });

  it('draws a bar and its count per published flow, and marks a withheld year', () => {
    const svg = flowChart(YEARS, {locale: 'zh-CN', region: '赣州市'});
    expect(svg).toMatch(/^<svg[^>]+role="img"/);
    expect(svg).toContain('aria-description="2020–2022年');
    expect(svg.match(/<rect/g)?.length).toBe(4);
    for (const text of ['1,200', '80', '95', '不公开', '纳入监测', '退出监测']) expect(svg).toContain(`>${text}<`);
  });

  it('names the chart with the region in the brackets of its language', () => {
    expect(flowChart(YEARS, {locale: 'zh-CN', region: '赣州市'})).toContain(
      'aria-label="防返贫监测对象纳入与退出（赣州市）"'
    );
    expect(flowChart(YEARS, {locale: 'en', region: '赣州市'})).toContain(
      'aria-label="Households entering and leaving monitoring (赣州市)"'
    );
  });
});
