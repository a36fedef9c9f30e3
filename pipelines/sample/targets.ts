import type {CsvRow} from './csv-writer.ts';
import type {SampleScope} from './regions-for-scale.ts';

interface TargetOverride {
  indicator: string;
  region: string;
  years: number[];
  /** As an office writes it: shares as `95%`, `９０％` or `0.04`, as the contract allows. */
  target: number | string;
  direction: '>=' | '<=' | '=';
  source: string;
}

// Invented local overrides of the kind a county sets above the city's defaults.
// Sources say plainly they are examples, so no one mistakes them for documents.
const OVERRIDES: TargetOverride[] = [
  {
    indicator: 'collective_income',
    region: '360726',
    years: [2024, 2025],
    target: 100_000,
    direction: '>=',
    source: '示例：安远县村集体经济提标（合成数据，非真实文件）'
  },
  {
    indicator: 'family_doctor_rate',
    region: '360726',
    years: [2023, 2024, 2025],
    target: '95%',
    direction: '>=',
    source: '示例：安远县家庭医生签约提标（合成数据，非真实文件）'
  },
  {
    indicator: 'sanitary_toilet_rate',
    region: '360726101',
    years: [2025],
    target: '97%',
    direction: '>=',
    source: '示例：孔田镇人居环境整治目标（合成数据，非真实文件）'
  },
  {
    indicator: 'tap_water_rate',
    region: '360731',
    years: [2023, 2024, 2025],
    target: '９０％',
    direction: '>=',
    source: '示例：于都县农村供水保障目标（合成数据，非真实文件）'
  },
  {
    indicator: 'monitored_share',
    region: '360781',
    years: [2024, 2025],
    target: 0.04,
    direction: '<=',
    source: '示例：瑞金市监测对象比例控制线（合成数据，非真实文件）'
  }
];

/**
 * Returns the rows of targets.csv: a handful of local overrides, only those
 * whose region is in the sample's scope. Shares are written as offices write
 * them: percentages (`95%`, full-width `９０％`) or fractions (`0.04`).
 */
export function targetRows(scope: SampleScope): CsvRow[] {
  return OVERRIDES.filter((o) => scope.byCode.has(o.region)).flatMap((o) =>
    o.years.map((year) => ({
      indicator_id: o.indicator,
      region_code: o.region,
      year,
      target: o.target,
      direction: o.direction,
      source: o.source
    }))
  );
}
