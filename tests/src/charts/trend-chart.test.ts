import {describe, expect, it} from 'vitest';
import {type TrendOptions, trendCaption, trendChart} from '../../../src/charts/trend-chart.ts';
import {COLLECTIVE_INCOME, DROPOUTS, FAMILY_DOCTOR, INCOME_GAP} from './fixtures.ts';
import {expectSnapshot} from './snapshot.ts';

const DOCTOR_ZH: TrendOptions = {
  unit: 'percent',
  target: 0.9,
  targetOperator: '>=',
  locale: 'zh-CN',
  region: '安远县',
  indicator: '家庭医生签约率'
};
const DOCTOR_EN: TrendOptions = {...DOCTOR_ZH, locale: 'en', indicator: 'Family doctor contract rate'};

describe('trendChart', () => {
  it('matches its snapshots', () => {
    expectSnapshot('trend-percent-zh', trendChart(FAMILY_DOCTOR, DOCTOR_ZH));
    expectSnapshot(
      'trend-yuan-en',
      trendChart(COLLECTIVE_INCOME, {
        unit: 'yuan',
        target: 100_000,
        targetOperator: '>=',
        locale: 'en',
        region: '孔田镇',
        indicator: 'Village collective operating income'
      })
    );
    expectSnapshot(
      'trend-people-zh',
      trendChart(DROPOUTS, {
        ...DOCTOR_ZH,
        unit: 'people',
        target: 0,
        targetOperator: '=',
        indicator: '义务教育失学辍学人数'
      })
    );
    expectSnapshot(
      'trend-points-en',
      trendChart(INCOME_GAP, {
        ...DOCTOR_EN,
        unit: 'percentage_points',
        target: 0,
        targetOperator: '>',
        region: '赣州市',
        indicator: 'Income growth of registered households above all households'
      })
    );
  });

  it('renders the same markup twice', () => {
    expect(trendChart(FAMILY_DOCTOR, DOCTOR_ZH)).toBe(trendChart(FAMILY_DOCTOR, DOCTOR_ZH));
  });

  it('is an accessible image of the stated size, without generated ids', () => {
    const svg = trendChart(FAMILY_DOCTOR, DOCTOR_EN);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('width="360"');
    expect(svg).toContain('height="220"');
    expect(svg).toMatch(/^<svg [^>]*font-size="13"/);
    expect(svg).toContain('aria-label="Family doctor contract rate, 安远县"');
    expect(svg).toContain(`aria-description="${trendCaption(FAMILY_DOCTOR, DOCTOR_EN)}"`);
    expect(svg).not.toMatch(/\sid="/);
  });

  it('formats the value axis by unit and labels the target', () => {
    const svg = trendChart(FAMILY_DOCTOR, DOCTOR_ZH);
    expect(svg).toContain('>90%</text>');
    expect(svg).toContain('>目标 ≥90.0%</text>');
    expect(svg).toContain('>不公开</text>');
  });

  it('does not depend on the order of the points', () => {
    expect(trendChart([...FAMILY_DOCTOR].reverse(), DOCTOR_ZH)).toBe(trendChart(FAMILY_DOCTOR, DOCTOR_ZH));
  });
});

describe('trendCaption', () => {
  it('summarises the series in Chinese and English', () => {
    expect(trendCaption(FAMILY_DOCTOR, DOCTOR_ZH)).toBe(
      '2019–2025年，安远县家庭医生签约率从92.1%升至98.4%，2025年达到目标（≥90.0%）；2021年数据不公开。'
    );
    expect(trendCaption(FAMILY_DOCTOR, DOCTOR_EN)).toBe(
      'From 2019 to 2025 the family doctor contract rate of 安远县 rose from 92.1% to 98.4%, meeting the target (≥ 90.0%) in 2025; the value for 2021 is withheld.'
    );
  });

  it('uses the target in force in the last year', () => {
    const options: TrendOptions = {
      ...DOCTOR_ZH,
      unit: 'yuan',
      target: null,
      region: '孔田镇',
      indicator: '村集体经济经营性收入'
    };
    expect(trendCaption(COLLECTIVE_INCOME, options)).toBe(
      '2019–2025年，孔田镇村集体经济经营性收入从9.14万元升至15.21万元，2025年达到目标（≥10万元）。'
    );
  });

  it('says a flat series stayed level', () => {
    const options: TrendOptions = {...DOCTOR_EN, unit: 'people', target: 0, targetOperator: '=', region: '赣州市'};
    expect(trendCaption(DROPOUTS, {...options, indicator: 'Children out of compulsory schooling'})).toBe(
      'From 2019 to 2025 the children out of compulsory schooling of 赣州市 remained at 0 people, meeting the target (0 people) in 2025.'
    );
  });

  it('follows the published status of the last year', () => {
    const points = FAMILY_DOCTOR.map((p) => (p.year === 2025 ? {...p, status: 'at_risk'} : p));
    expect(trendCaption(points, {...DOCTOR_ZH, target: 0.99})).toBe(
      '2019–2025年，安远县家庭医生签约率从92.1%升至98.4%，2025年有未能如期达到目标（≥99.0%）的风险；2021年数据不公开。'
    );
    expect(trendCaption(points, {...DOCTOR_EN, target: 0.99})).toContain(
      'at risk of missing the target (≥ 99.0%) as of 2025'
    );
  });

  it('compares with the target when no status is given', () => {
    const points = FAMILY_DOCTOR.map(({status: _status, ...p}) => p);
    expect(trendCaption(points, {...DOCTOR_EN, target: 0.99})).toContain('not meeting the target (≥ 99.0%) in 2025');
    expect(trendCaption(points, {...DOCTOR_ZH, target: 0.99})).toContain('2025年未达到目标（≥99.0%）');
  });

  it('describes a single year, a fall, and a series fully withheld', () => {
    const one = [FAMILY_DOCTOR[0]!];
    expect(trendCaption(one, DOCTOR_ZH)).toBe('2019年，安远县家庭医生签约率为92.1%，达到目标（≥90.0%）。');
    expect(trendCaption(one, DOCTOR_EN)).toBe(
      'In 2019 the family doctor contract rate of 安远县 was 92.1%, meeting the target (≥ 90.0%).'
    );
    const fall = [
      {year: 2024, value: 0.98, suppressed: false},
      {year: 2025, value: 0.96, suppressed: false}
    ];
    expect(trendCaption(fall, {...DOCTOR_ZH, target: null})).toBe(
      '2024–2025年，安远县家庭医生签约率从98.0%降至96.0%。'
    );
    const hidden = FAMILY_DOCTOR.map((p) => ({...p, value: null, suppressed: true}));
    expect(trendCaption(hidden, DOCTOR_ZH)).toBe('2019–2025年，安远县家庭医生签约率的数据均不公开。');
    expect(trendCaption(hidden, DOCTOR_EN)).toBe(
      'Every value of the family doctor contract rate of 安远县 from 2019 to 2025 is withheld.'
    );
    expect(trendCaption([], DOCTOR_ZH)).toBe('安远县家庭医生签约率暂无数据。');
  });

  it('lists several withheld years', () => {
    const points = FAMILY_DOCTOR.map((p) => (p.year === 2022 ? {...p, value: null, suppressed: true} : p));
    expect(trendCaption(points, DOCTOR_ZH)).toContain('；2021、2022年数据不公开。');
    expect(trendCaption(points, DOCTOR_EN)).toContain('; the values for 2021 and 2022 are withheld.');
  });
});
