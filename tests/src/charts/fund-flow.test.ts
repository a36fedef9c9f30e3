import {describe, expect, it} from 'vitest';
import {FUND_LEVEL_COLORS, fundFlowCaption, fundFlowChart} from '../../../src/charts/fund-flow.ts';
import type {FundFlow} from '../../../src/lib/fund-ledger.ts';
import {expectSnapshot} from './snapshot.ts';

const FLOWS: FundFlow[] = [
  {county: '章贡区', level: 'central', amount: 3_000_000},
  {county: '章贡区', level: 'county', amount: 500_000},
  {county: '安远县', level: 'central', amount: 2_000_000},
  {county: '安远县', level: 'provincial', amount: 1_200_000},
  {county: '安远县', level: 'municipal', amount: 400_000}
];

describe('fundFlowChart', () => {
  it('matches its snapshots', () => {
    expectSnapshot('fund-flow-zh', fundFlowChart(FLOWS, {locale: 'zh-CN', title: '资金流向', period: '2021'}).svg);
    expectSnapshot('fund-flow-en', fundFlowChart(FLOWS, {locale: 'en', title: 'Fund flow', period: '2021'}).svg);
  });

  it('draws one bar segment per county and level, coloured by level, with its words in a title', () => {
    const {svg} = fundFlowChart(FLOWS, {locale: 'en', title: 'Fund flow', period: '2021'});
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Fund flow"');
    const fills = [...svg.matchAll(/<rect [^>]*fill="(#[0-9A-F]{6})"/gi)].map((m) => m[1]);
    expect(fills.sort()).toEqual(FLOWS.map((f) => FUND_LEVEL_COLORS[f.level]).sort());
    expect(svg).toContain('<title>安远县 · provincial: ¥1.2 million</title>');
  });
});

describe('fundFlowCaption', () => {
  it('gives the total, each level and the county that received most', () => {
    expect(fundFlowCaption(FLOWS, 'zh-CN', '2021')).toBe(
      '2021年共向2个县（市、区）下达资金710万元，其中中央500万元、省级120万元、市级40万元、县级50万元；最多的是安远县（360万元）。'
    );
    expect(fundFlowCaption(FLOWS, 'en', '2021')).toBe(
      'In 2021, ¥7.1 million was issued to 2 counties: ¥5 million central, ¥1.2 million provincial, ¥400,000 municipal and ¥500,000 county; the most to 安远县 (¥3.6 million).'
    );
    expect(fundFlowCaption([], 'en', '2021')).toBe('No funds in 2021.');
  });
});
