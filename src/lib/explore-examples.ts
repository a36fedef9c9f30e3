import type {Locale} from './i18n.ts';

/** Who an example query is written for. */
export type ExampleGroup = 'public' | 'leadership' | 'journalists';

/** An example query of the SQL console, in both languages (column names follow the language). */
export interface ExploreExample {
  id: string;
  group: ExampleGroup;
  title: Record<Locale, string>;
  sql: Record<Locale, string>;
}

const sql = (zh: string, en: string) => ({'zh-CN': zh.trim(), en: en.trim()});

/**
 * The example queries shown on /explore/, for each user group. Every one is
 * run against the built sample by the e2e tests, so they must stay valid for
 * the published tables' columns.
 */
export const EXPLORE_EXAMPLES: readonly ExploreExample[] = [
  {
    id: 'funds_per_county_year',
    group: 'public',
    title: {'zh-CN': '各县（市、区）每年下达的衔接资金', en: 'Funds issued per county and year'},
    sql: sql(
      `
SELECT r.name AS 县, f.year AS 年度, round(sum(f.amount) / 10000, 2) AS 资金_万元
FROM funds f JOIN regions r ON r.code = left(f.recipient_code, 6)
GROUP BY r.name, f.year
ORDER BY 县, 年度`,
      `
SELECT r.name AS county, f.year, round(sum(f.amount) / 1e6, 3) AS million_yuan
FROM funds f JOIN regions r ON r.code = left(f.recipient_code, 6)
GROUP BY r.name, f.year
ORDER BY county, f.year`
    )
  },
  {
    id: 'flagged_projects',
    group: 'public',
    title: {
      'zh-CN': '带提示的项目（如超预算、支付不足、逾期、公示期不足）',
      en: 'Projects flagged (e.g. over budget, underspent, overdue, notice too short)'
    },
    sql: sql(
      `
SELECT year AS 年度, region_name AS 地点, name AS 项目名称, budget AS 计划投资_元, spent AS 已支付_元,
  notice_days AS 公示天数, flags AS 提示
FROM projects
WHERE flags IS NOT NULL
ORDER BY year, region_name`,
      `
SELECT year, region_name AS place, name AS project, budget AS budget_yuan, spent AS spent_yuan,
  notice_days, flags
FROM projects
WHERE flags IS NOT NULL
ORDER BY year, region_name`
    )
  },
  {
    id: 'spending_by_fund_level',
    group: 'public',
    title: {'zh-CN': '各级资金安排的项目：计划投资与已支付', en: 'Projects by level of fund: budget and spending'},
    sql: sql(
      `
SELECT c.name AS 县, f.level AS 资金级次, count(*) AS 项目数,
  round(sum(p.budget) / 10000, 2) AS 计划投资_万元, round(sum(p.spent) / 10000, 2) AS 已支付_万元,
  round(100 * sum(p.spent) / sum(p.budget), 1) AS 支付比例_百分比
FROM projects p
JOIN funds f ON f.fund_id = p.fund_id
JOIN regions c ON c.code = left(p.region_code, 6)
GROUP BY c.name, f.level
ORDER BY 县, 资金级次`,
      `
SELECT c.name AS county, f.level AS fund_level, count(*) AS projects,
  round(sum(p.budget) / 1e6, 3) AS budget_million_yuan, round(sum(p.spent) / 1e6, 3) AS spent_million_yuan,
  round(100 * sum(p.spent) / sum(p.budget), 1) AS spent_percent
FROM projects p
JOIN funds f ON f.fund_id = p.fund_id
JOIN regions c ON c.code = left(p.region_code, 6)
GROUP BY c.name, f.level
ORDER BY county, fund_level`
    )
  },
  {
    id: 'collective_income_missed_twice',
    group: 'leadership',
    title: {
      'zh-CN': '连续两年村集体经济经营性收入未达目标的村',
      en: 'Villages below the collective-income target two years running'
    },
    sql: sql(
      `
WITH below AS (
  SELECT region_code, year, value, target FROM indicator_values
  WHERE indicator_id = 'collective_income' AND level = 'village' AND target_operator = '>=' AND value < target
)
SELECT t.name AS 乡镇, r.name AS 村, b.year AS 第一年, a.year AS 第二年,
  b.value AS 第一年收入_元, a.value AS 第二年收入_元, a.target AS 目标_元
FROM below a
JOIN below b ON b.region_code = a.region_code AND b.year = a.year - 1
JOIN regions r ON r.code = a.region_code
JOIN regions t ON t.code = r.parent_code
ORDER BY 乡镇, 村, 第二年`,
      `
WITH below AS (
  SELECT region_code, year, value, target FROM indicator_values
  WHERE indicator_id = 'collective_income' AND level = 'village' AND target_operator = '>=' AND value < target
)
SELECT t.name AS township, r.name AS village, b.year AS first_year, a.year AS second_year,
  b.value AS first_year_yuan, a.value AS second_year_yuan, a.target AS target_yuan
FROM below a
JOIN below b ON b.region_code = a.region_code AND b.year = a.year - 1
JOIN regions r ON r.code = a.region_code
JOIN regions t ON t.code = r.parent_code
ORDER BY township, village, second_year`
    )
  },
  {
    id: 'indicators_off_target',
    group: 'leadership',
    title: {
      'zh-CN': '最新年度各县未达目标或有风险的指标',
      en: 'Indicators off track or at risk per county in the latest year'
    },
    sql: sql(
      `
SELECT r.name AS 县, v.year AS 年度, i.name_zh AS 指标, v.value AS 数值, v.target AS 目标, v.status AS 状态
FROM indicator_values v
JOIN regions r ON r.code = v.region_code
JOIN indicators i ON i.id = v.indicator_id
WHERE v.level = 'county' AND v.status IN ('off_track', 'at_risk')
  AND v.year = (SELECT max(year) FROM indicator_values)
ORDER BY 县, i."order"`,
      `
SELECT r.name AS county, v.year, i.name_en AS indicator, v.value, v.target, v.status
FROM indicator_values v
JOIN regions r ON r.code = v.region_code
JOIN indicators i ON i.id = v.indicator_id
WHERE v.level = 'county' AND v.status IN ('off_track', 'at_risk')
  AND v.year = (SELECT max(year) FROM indicator_values)
ORDER BY county, i."order"`
    )
  },
  {
    id: 'family_doctor_by_township',
    group: 'leadership',
    title: {'zh-CN': '各乡镇历年家庭医生签约率', en: 'Family doctor contract rate per township over the years'},
    sql: sql(
      `
SELECT r.name AS 乡镇, v.year AS 年度, round(100 * v.value, 1) AS 签约率_百分比
FROM indicator_values v JOIN regions r ON r.code = v.region_code
WHERE v.indicator_id = 'family_doctor_rate' AND v.level = 'township'
ORDER BY 乡镇, 年度`,
      `
SELECT r.name AS township, v.year, round(100 * v.value, 1) AS rate_percent
FROM indicator_values v JOIN regions r ON r.code = v.region_code
WHERE v.indicator_id = 'family_doctor_rate' AND v.level = 'township'
ORDER BY township, v.year`
    )
  },
  {
    id: 'monitoring_per_county',
    group: 'journalists',
    title: {'zh-CN': '各县每年防返贫监测户数、人数和风险消除户数', en: 'Monitored households per county and year'},
    sql: sql(
      `
SELECT r.name AS 县, m.year AS 年度, m.households AS 监测户数, m.people AS 监测人数,
  m.eliminated_households AS 风险消除户数, m.suppressed AS 不公开
FROM monitoring m JOIN regions r ON r.code = m.region_code
WHERE m.level = 'county' AND m.monitor_type IS NULL AND m.risk_flag IS NULL
ORDER BY 县, 年度`,
      `
SELECT r.name AS county, m.year, m.households, m.people, m.eliminated_households, m.suppressed AS withheld
FROM monitoring m JOIN regions r ON r.code = m.region_code
WHERE m.level = 'county' AND m.monitor_type IS NULL AND m.risk_flag IS NULL
ORDER BY county, m.year`
    )
  },
  {
    id: 'withheld_cells',
    group: 'journalists',
    title: {'zh-CN': '每个指标不公开的单元数', en: 'Withheld cells per indicator'},
    sql: sql(
      `
SELECT indicator_id AS 指标, count(*) AS 单元数, count(*) FILTER (WHERE suppressed) AS 不公开单元数
FROM indicator_values
GROUP BY indicator_id
ORDER BY 不公开单元数 DESC, 指标`,
      `
SELECT indicator_id AS indicator, count(*) AS cells, count(*) FILTER (WHERE suppressed) AS withheld_cells
FROM indicator_values
GROUP BY indicator_id
ORDER BY withheld_cells DESC, indicator`
    )
  },
  {
    id: 'tables',
    group: 'journalists',
    title: {'zh-CN': '所有表和列', en: 'Every table and column'},
    sql: sql(
      `
SELECT table_name AS 表, column_name AS 列, data_type AS 类型
FROM information_schema.columns
ORDER BY table_name, ordinal_position`,
      `
SELECT table_name, column_name, data_type
FROM information_schema.columns
ORDER BY table_name, ordinal_position`
    )
  }
];
