import type {DuckDBConnection} from '@duckdb/node-api';
import {EXACT_SUM_TYPE, EXACT_TOTAL_TYPE, exactSum} from '../lib/duckdb.ts';

/**
 * Additive measures of households.csv, per village and year. Every household
 * indicator is a ratio of two of these (or a sum), and every count of people
 * has the count of households behind it, which disclosure control judges.
 */
export const HOUSEHOLD_MEASURES: Record<string, string> = {
  hh_all: 'count(*)',
  hh_reg: 'count(*) FILTER (registered)',
  people_reg: 'sum(members) FILTER (registered)',
  people_exited: "sum(members) FILTER (status = 'exited')",
  hh_exited: "count(*) FILTER (status = 'exited')",
  people_exited_or_returned: "sum(members) FILTER (status IN ('exited', 'returned'))",
  hh_exited_or_returned: "count(*) FILTER (status IN ('exited', 'returned'))",
  hh_returned: "count(*) FILTER (status = 'returned')",
  doctor_signed: 'sum(family_doctor_signed) FILTER (registered)',
  hh_doctor_signed: 'count(*) FILTER (registered AND family_doctor_signed > 0)',
  hh_toilet: 'count(*) FILTER (sanitary_toilet)',
  insured: 'sum(medical_insured) FILTER (registered)',
  hh_insured: 'count(*) FILTER (registered AND medical_insured > 0)',
  hh_safe_housing: 'count(*) FILTER (registered AND safe_housing)',
  hh_safe_water: 'count(*) FILTER (registered AND safe_water)',
  dropout: 'sum(dropout_children) FILTER (registered)',
  hh_dropout: 'count(*) FILTER (registered AND dropout_children > 0)',
  hh_reg_labour: 'count(*) FILTER (registered AND labor_count > 0)',
  hh_reg_labour_covered:
    'count(*) FILTER (registered AND labor_count > 0 AND (industry_covered OR employed_count >= 1))',
  hh_above_line: 'count(*) FILTER (registered AND per_capita_income > poverty_line)',
  hh_below_line: 'count(*) FILTER (registered AND per_capita_income <= poverty_line)',
  // Exact: the income growth gap (a difference of two growth rates) magnifies any rounding into its digits.
  income_sum_reg: `${exactSum('per_capita_income')} FILTER (registered)`,
  income_sum_all: exactSum('per_capita_income'),
  hh_monitored: 'count(*) FILTER (monitored)',
  hh_eliminated: 'count(*) FILTER (monitored AND risk_eliminated_date <= make_date(year, 12, 31))',
  hh_not_eliminated:
    'count(*) FILTER (monitored AND (risk_eliminated_date IS NULL OR risk_eliminated_date > make_date(year, 12, 31)))'
};

/**
 * Creates `household_measures(code, year, …)` for every region and year:
 * village sums first (one scan of the households), then rolled up through
 * `ancestry`, so a parent is the sum of its children by construction.
 * `lines` maps a year to its poverty line (yuan per person).
 */
export async function createHouseholdMeasures(
  connection: DuckDBConnection,
  lines: ReadonlyMap<number, number>
): Promise<void> {
  const values = [...lines].map(([year, line]) => `(${year}, ${line})`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE poverty_lines AS
    SELECT * FROM (VALUES ${values || '(0, 0)'}) t(year, poverty_line)`);
  // Counts add up as whole numbers; sums of money (exactSum) stay exact decimals in the rollup.
  const measures = Object.entries(HOUSEHOLD_MEASURES);
  await connection.run(`CREATE OR REPLACE TABLE village_household_measures AS
    SELECT village_code AS code, year, ${measures.map(([name, sql]) => `coalesce(${sql}, 0) AS ${name}`).join(',\n')}
    FROM households LEFT JOIN poverty_lines USING (year)
    GROUP BY ALL`);
  await connection.run(`CREATE OR REPLACE TABLE household_measures AS
    SELECT a.ancestor_code AS code, a.ancestor_level AS level, m.year,
      ${measures.map(([name, sql]) => `sum(m.${name})::${sql.includes(EXACT_SUM_TYPE) ? EXACT_TOTAL_TYPE : 'BIGINT'} AS ${name}`).join(',\n')}
    FROM village_household_measures m JOIN ancestry a ON a.code = m.code
    GROUP BY ALL`);
}
