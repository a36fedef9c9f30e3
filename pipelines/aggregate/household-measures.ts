import type {DuckDBConnection} from '@duckdb/node-api';
import {inputTable, measureColumns} from '../../src/lib/input-tables.ts';
import {EXACT_SUM_TYPE, EXACT_TOTAL_TYPE, exactSum, sqlIdentifier} from '../lib/duckdb.ts';

// What a household must have reported to count for an indicator (contract v2: an empty measure cell is
// "not reported"; an indicator counts only the households that reported what it needs, numerator and
// denominator alike).
const INCOME_SUPPORT_REPORTED =
  'labor_count IS NOT NULL AND (labor_count = 0 OR (industry_covered IS NOT NULL AND employed_count IS NOT NULL))';

/**
 * Additive measures of households.csv, per village and year. Every household
 * indicator is a ratio of two of these (or a sum), every count of people has
 * the count of households behind it, which disclosure control judges, and
 * every indicator has the households it expects (its population) and those
 * that reported what it needs: its coverage.
 */
export const HOUSEHOLD_MEASURES: Record<string, string> = {
  hh_all: 'count(*)',
  hh_reg: 'count(*) FILTER (registered)',
  people_exited: "sum(members) FILTER (status = 'exited')",
  hh_exited: "count(*) FILTER (status = 'exited')",
  people_exited_or_returned: "sum(members) FILTER (status IN ('exited', 'returned'))",
  hh_exited_or_returned: "count(*) FILTER (status IN ('exited', 'returned'))",
  hh_returned: "count(*) FILTER (status = 'returned')",
  doctor_signed: 'sum(family_doctor_signed) FILTER (registered)',
  hh_doctor_signed: 'count(*) FILTER (registered AND family_doctor_signed > 0)',
  people_reg_doctor: 'sum(members) FILTER (registered AND family_doctor_signed IS NOT NULL)',
  hh_reg_doctor: 'count(*) FILTER (registered AND family_doctor_signed IS NOT NULL)',
  hh_toilet: 'count(*) FILTER (sanitary_toilet)',
  hh_toilet_reported: 'count(*) FILTER (sanitary_toilet IS NOT NULL)',
  insured: 'sum(medical_insured) FILTER (registered)',
  hh_insured: 'count(*) FILTER (registered AND medical_insured > 0)',
  people_reg_insured: 'sum(members) FILTER (registered AND medical_insured IS NOT NULL)',
  hh_reg_insured: 'count(*) FILTER (registered AND medical_insured IS NOT NULL)',
  hh_safe_housing: 'count(*) FILTER (registered AND safe_housing)',
  hh_reg_housing: 'count(*) FILTER (registered AND safe_housing IS NOT NULL)',
  hh_safe_water: 'count(*) FILTER (registered AND safe_water)',
  hh_reg_water: 'count(*) FILTER (registered AND safe_water IS NOT NULL)',
  dropout: 'sum(dropout_children) FILTER (registered)',
  hh_dropout: 'count(*) FILTER (registered AND dropout_children > 0)',
  hh_reg_dropout: 'count(*) FILTER (registered AND dropout_children IS NOT NULL)',
  // Whether a household has labour is itself a reported measure: one without labour_count is not known to
  // belong to the indicator's population, so it counts as not reported.
  hh_reg_support: `count(*) FILTER (registered AND ${INCOME_SUPPORT_REPORTED})`,
  hh_reg_labour: `count(*) FILTER (registered AND ${INCOME_SUPPORT_REPORTED} AND labor_count > 0)`,
  hh_reg_labour_covered: `count(*) FILTER (registered AND ${INCOME_SUPPORT_REPORTED} AND labor_count > 0
    AND (industry_covered OR employed_count >= 1))`,
  // Years without a poverty line expect no household to be judged against one (income_above_line_rate).
  hh_reg_line_year: 'count(*) FILTER (registered AND poverty_line IS NOT NULL)',
  hh_above_line: 'count(*) FILTER (registered AND per_capita_income > poverty_line)',
  hh_below_line: 'count(*) FILTER (registered AND per_capita_income <= poverty_line)',
  // Exact: the income growth gap (a difference of two growth rates) magnifies any rounding into its digits.
  income_sum_reg: `${exactSum('per_capita_income')} FILTER (registered)`,
  income_sum_all: exactSum('per_capita_income'),
  hh_reg_income: 'count(*) FILTER (registered AND per_capita_income IS NOT NULL)',
  hh_income: 'count(*) FILTER (per_capita_income IS NOT NULL)',
  hh_monitored: 'count(*) FILTER (monitored)',
  hh_eliminated: 'count(*) FILTER (monitored AND risk_eliminated_date <= make_date(year, 12, 31))',
  hh_not_eliminated:
    'count(*) FILTER (monitored AND (risk_eliminated_date IS NULL OR risk_eliminated_date > make_date(year, 12, 31)))'
};

/** The measure columns of households.csv, whose empty cells are counted per village and year as `nr_<column>`. */
export const HOUSEHOLD_MEASURE_COLUMNS = measureColumns(inputTable('households')).map((c) => c.name);

/**
 * Creates `household_measures(code, year, …)` for every region and year:
 * village sums first (one scan of the households), then rolled up through
 * `ancestry`, so a parent is the sum of its children by construction.
 * `village_household_measures` also counts each measure column's empty
 * (not reported) cells, `nr_<column>`. `lines` maps a year to its poverty
 * line (yuan per person).
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
  const notReported = HOUSEHOLD_MEASURE_COLUMNS.map(
    (column) => `count(*) FILTER (${sqlIdentifier(column)} IS NULL) AS ${sqlIdentifier(`nr_${column}`)}`
  );
  await connection.run(`CREATE OR REPLACE TABLE village_household_measures AS
    SELECT village_code AS code, year, ${measures.map(([name, sql]) => `coalesce(${sql}, 0) AS ${name}`).join(',\n')},
      ${notReported.join(',\n')}
    FROM households LEFT JOIN poverty_lines USING (year)
    GROUP BY ALL`);
  await connection.run(`CREATE OR REPLACE TABLE household_measures AS
    SELECT a.ancestor_code AS code, a.ancestor_level AS level, m.year,
      ${measures.map(([name, sql]) => `sum(m.${name})::${sql.includes(EXACT_SUM_TYPE) ? EXACT_TOTAL_TYPE : 'BIGINT'} AS ${name}`).join(',\n')}
    FROM village_household_measures m JOIN ancestry a ON a.code = m.code
    GROUP BY ALL`);
}
