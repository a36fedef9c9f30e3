import {INPUT_TABLES} from '../../src/lib/input-tables.ts';

/**
 * Chinese and English labels of published columns, for the data dictionary
 * (datapackage.json) and the catalogue page. Input columns take their
 * Chinese header from the input contract; computed ones are named here.
 */
const COMPUTED: Record<string, [zh: string, en: string]> = {
  code: ['区划代码', 'Region code'],
  name: ['名称', 'Name'],
  level: ['级别', 'Level'],
  parent_code: ['上级代码', 'Parent region code'],
  id: ['指标代码', 'Indicator id'],
  order: ['顺序', 'Display order'],
  name_zh: ['中文名称', 'Chinese name'],
  name_en: ['英文名称', 'English name'],
  unit: ['单位', 'Unit'],
  direction: ['方向', 'Direction'],
  definition: ['定义', 'Definition (Chinese)'],
  definition_en: ['英文定义', 'Definition (English)'],
  formula: ['计算公式', 'Formula'],
  numerator_zh: ['分子', 'Numerator (Chinese)'],
  numerator_en: ['分子（英文）', 'Numerator'],
  denominator_zh: ['分母', 'Denominator (Chinese)'],
  denominator_en: ['分母（英文）', 'Denominator'],
  population: ['统计范围', 'Population'],
  aggregation: ['汇总方法', 'Aggregation'],
  sensitive: ['是否敏感', 'Sensitive'],
  targets: ['默认目标（JSON）', 'Default targets (JSON)'],
  source: ['依据', 'Source'],
  note_zh: ['说明', 'Note (Chinese)'],
  note_en: ['说明（英文）', 'Note'],
  indicator_id: ['指标代码', 'Indicator id'],
  region_code: ['区划代码', 'Region code'],
  year: ['年度', 'Year'],
  value: ['数值', 'Value'],
  numerator: ['分子', 'Numerator'],
  denominator: ['分母', 'Denominator'],
  reporting_units: ['已报送单位数', 'Units reporting'],
  expected_units: ['应报送单位数', 'Units expected'],
  coverage_unit: ['覆盖范围单位', 'Coverage unit'],
  column: ['列', 'Column'],
  cells: ['单元格数', 'Cells'],
  target: ['目标值', 'Target'],
  target_operator: ['目标方向', 'Target operator'],
  status: ['状态', 'Status'],
  suppressed: ['是否不公开', 'Withheld'],
  lower: ['下限', 'Lower bound'],
  upper: ['上限', 'Upper bound'],
  band_of: ['区间所指计数', 'Band counts'],
  monitor_type: ['监测对象类别', 'Monitor type'],
  risk_flag: ['风险特征', 'Risk feature'],
  households: ['户数', 'Households'],
  people: ['人数', 'People'],
  eliminated_households: ['风险消除户数', 'Households with risk eliminated'],
  flow: ['增减类别', 'Flow'],
  dataset: ['文件或数据表', 'Input file or published table'],
  measure: ['计数项', 'Measure'],
  count: ['计数', 'Count'],
  recipient_name: ['下达地区名称', 'Recipient name'],
  region_name: ['地区名称', 'Region name'],
  notice_days: ['公示天数', 'Notice period (days)'],
  flags: ['提示', 'Flags'],
  project_count: ['项目数', 'Projects drawing on the fund'],
  projects_budget: ['项目计划投资合计', 'Sum of project budgets'],
  projects_spent: ['项目已支付合计', 'Sum spent by projects']
};

const INPUT: Record<string, [string, string]> = Object.fromEntries(
  INPUT_TABLES.flatMap((t) => t.columns.map((c) => [c.name, [c.alias, c.name.replaceAll('_', ' ')]]))
);

/** Returns the Chinese and English label of a published column. */
export function columnLabel(name: string): {zh: string; en: string} {
  const [zh, en] = COMPUTED[name] ?? INPUT[name] ?? [name, name];
  return {zh, en};
}
