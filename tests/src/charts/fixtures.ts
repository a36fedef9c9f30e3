/**
 * A small fixed dataset for the chart tests, shaped like the published
 * `indicator_values` rows of the synthetic sample (values invented, not read
 * from a build, so the snapshots do not move when the generator does).
 */
import type {DistributionRow} from '../../../src/charts/distribution-chart.ts';
import type {TrendPoint} from '../../../src/charts/trend-chart.ts';

/** 安远县 family_doctor_rate, 2019–2025, with 2021 withheld. */
export const FAMILY_DOCTOR: TrendPoint[] = [
  {year: 2019, value: 0.921, suppressed: false, status: 'met'},
  {year: 2020, value: 0.935, suppressed: false, status: 'met'},
  {year: 2021, value: null, suppressed: true, status: 'suppressed'},
  {year: 2022, value: 0.962, suppressed: false, status: 'met'},
  {year: 2023, value: 0.9704, suppressed: false, status: 'met'},
  {year: 2024, value: 0.9751, suppressed: false, status: 'met'},
  {year: 2025, value: 0.9843, suppressed: false, status: 'met'}
];

/** 孔田镇 collective_income (median over villages), whose target rose from 5万 to 10万元 in 2024. */
export const COLLECTIVE_INCOME: TrendPoint[] = [
  {year: 2019, value: 91_372.2, suppressed: false, status: 'met', target: 50_000},
  {year: 2020, value: 95_840.5, suppressed: false, status: 'met', target: 50_000},
  {year: 2021, value: 98_668.81, suppressed: false, status: 'met', target: 50_000},
  {year: 2022, value: 104_384.91, suppressed: false, status: 'met', target: 50_000},
  {year: 2023, value: 124_924.49, suppressed: false, status: 'met', target: 50_000},
  {year: 2024, value: 132_410.75, suppressed: false, status: 'met', target: 100_000},
  {year: 2025, value: 152_110.77, suppressed: false, status: 'met', target: 100_000}
];

/** 赣州市 dropout_children: zero every year. */
export const DROPOUTS: TrendPoint[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
  year,
  value: 0,
  suppressed: false,
  status: 'met'
}));

/** 赣州市 income_growth_gap, in percentage points, falling below its "> 0" target in 2024. */
export const INCOME_GAP: TrendPoint[] = [
  {year: 2020, value: 6.891772667470808, suppressed: false, status: 'met'},
  {year: 2021, value: 3.232382353095953, suppressed: false, status: 'met'},
  {year: 2022, value: 1.019420473025634, suppressed: false, status: 'met'},
  {year: 2023, value: 2.8048790472050777, suppressed: false, status: 'met'},
  {year: 2024, value: -0.4, suppressed: false, status: 'off_track'},
  {year: 2025, value: 1.7956282779650667, suppressed: false, status: 'met'}
];

/** family_doctor_rate of the townships of 安远县 in 2025, two withheld. */
export const TOWNSHIPS: DistributionRow[] = [
  {code: '360726101', name: '孔田镇', value: 0.991, status: 'met'},
  {code: '360726102', name: '鹤子镇', value: 0.9612, status: 'met'},
  {code: '360726103', name: '三百山镇', value: 0.944, status: 'at_risk'},
  {code: '360726104', name: '车头镇', value: null, status: 'suppressed'},
  {code: '360726105', name: '镇岗乡', value: 0.85, status: 'off_track'},
  {code: '360726106', name: '凤山乡', value: 0.9612, status: 'met'},
  {code: '360726107', name: '新龙乡', value: 0.902, status: 'on_track'},
  {code: '360726108', name: '蔡坊乡', value: null, status: 'suppressed'}
];
