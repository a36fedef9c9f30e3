/**
 * How each indicator of data/indicators/ is computed from the measure tables,
 * in SQL over one row per region and year. `value` defaults to
 * numerator / denominator. The household columns say how many households are
 * behind the numerator and the denominator: disclosure control judges cells by
 * them (a count of people by the households it comes from).
 *
 * Coverage (contract v2): `expected` counts the units the indicator is about
 * (households, villages or projects), `reporting` those of them that reported
 * everything it needs; numerator and denominator count the reporting units
 * only, so the denominator's households are the reporting ones.
 */
export interface IndicatorFormula {
  table: 'household_measures' | 'village_measures' | 'project_measures';
  numerator: string | null;
  denominator: string | null;
  value?: string;
  numeratorHouseholds: string | null;
  denominatorHouseholds: string | null;
  /** False where numerator and denominator are internal only (household-weighted sums of village rates). */
  publishCounts?: boolean;
  /** Units that reported what the indicator needs. */
  reporting: string;
  /**
   * Units the indicator is about. Also the name of the count for disclosure control, so indicators that
   * expect the same units (`hh_reg`) share one withheld-or-published number.
   */
  expected: string;
  /** Where the indicator applies at all (a SQL condition); elsewhere it expects nothing. Default: everywhere. */
  appliesWhere?: string;
  /** What `reporting` and `expected` count. */
  unit: CoverageUnit;
  /**
   * False where the coverage is judged but not published: a growth between two years rests on two years'
   * counts, which are no count of their own that disclosure control could protect. Default true.
   */
  publishCoverage?: boolean;
}

/** What an indicator's coverage counts. */
export type CoverageUnit = 'households' | 'villages' | 'projects';

const householdRatio = (
  numerator: string,
  denominator: string,
  numeratorHouseholds: string,
  denominatorHouseholds: string,
  expected: string
): IndicatorFormula => ({
  table: 'household_measures',
  numerator,
  denominator,
  numeratorHouseholds,
  denominatorHouseholds,
  reporting: denominatorHouseholds,
  expected,
  unit: 'households'
});

// The village's own rate is public village data, published as reported (a village with no household rows has
// no weight, but its rate is still its rate); its weight (the village's household count) is not published,
// since a count of 1..4 households would be a small cell of its own.
const villageWeighted = (rate: string): IndicatorFormula => ({
  table: 'village_measures',
  numerator: `${rate}_weighted`,
  denominator: `${rate}_households`,
  value: `CASE WHEN level = 'village' THEN ${rate}_own ELSE ${rate}_weighted / nullif(${rate}_households, 0) END`,
  numeratorHouseholds: null,
  denominatorHouseholds: null,
  publishCounts: false,
  reporting: `${rate}_villages`,
  expected: 'villages',
  unit: 'villages'
});

const villageCount = (numerator: string, denominator: string, expected: string): IndicatorFormula => ({
  table: 'village_measures',
  numerator,
  denominator,
  numeratorHouseholds: null,
  denominatorHouseholds: null,
  reporting: denominator,
  expected,
  unit: 'villages'
});

export const INDICATOR_FORMULAS: Record<string, IndicatorFormula> = {
  // Status and household size are never empty, so every household reports: its coverage is complete by
  // construction, and its household count — published nowhere else — would only give bounds away (an
  // independent privacy test pinned a village's count of 9 from its parent's equal to the registered households).
  consolidation_rate: {
    ...householdRatio(
      'people_exited',
      'people_exited_or_returned',
      'hh_exited',
      'hh_exited_or_returned',
      'hh_exited_or_returned'
    ),
    publishCoverage: false
  },
  collective_income: {
    table: 'village_measures',
    numerator: null,
    denominator: null,
    value: 'collective_income_median',
    numeratorHouseholds: null,
    denominatorHouseholds: null,
    reporting: 'villages_with_income',
    expected: 'villages',
    unit: 'villages'
  },
  collective_income_compliance: villageCount('villages_income_met', 'villages_with_income', 'villages'),
  weak_village_compliance: villageCount('weak_villages_income_met', 'weak_villages_with_income', 'weak_villages'),
  family_doctor_rate: householdRatio(
    'doctor_signed',
    'people_reg_doctor',
    'hh_doctor_signed',
    'hh_reg_doctor',
    'hh_reg'
  ),
  sanitary_toilet_rate: householdRatio('hh_toilet', 'hh_toilet_reported', 'hh_toilet', 'hh_toilet_reported', 'hh_all'),
  medical_insurance_rate: householdRatio('insured', 'people_reg_insured', 'hh_insured', 'hh_reg_insured', 'hh_reg'),
  safe_housing_rate: householdRatio('hh_safe_housing', 'hh_reg_housing', 'hh_safe_housing', 'hh_reg_housing', 'hh_reg'),
  safe_water_rate: householdRatio('hh_safe_water', 'hh_reg_water', 'hh_safe_water', 'hh_reg_water', 'hh_reg'),
  // Nothing reported is no value, not zero.
  dropout_children: {
    table: 'household_measures',
    numerator: 'CASE WHEN hh_reg_dropout > 0 THEN dropout END',
    denominator: null,
    value: 'CASE WHEN hh_reg_dropout > 0 THEN dropout END',
    numeratorHouseholds: 'hh_dropout',
    denominatorHouseholds: null,
    reporting: 'hh_reg_dropout',
    expected: 'hh_reg',
    unit: 'households'
  },
  // Households whose labour count is unknown cannot be placed in or out of the population: they are the
  // not-reporting ones among the registered households the indicator expects.
  income_support_coverage: {
    ...householdRatio('hh_reg_labour_covered', 'hh_reg_labour', 'hh_reg_labour_covered', 'hh_reg_labour', 'hh_reg'),
    reporting: 'hh_reg_support'
  },
  // 稳定超过国家贫困线 (赣市扶攻字〔2019〕8号 二.4): strictly above. Years without a line have neither above
  // nor below: no value rather than a guess.
  income_above_line_rate: {
    ...householdRatio(
      'hh_above_line',
      'hh_above_line + hh_below_line',
      'hh_above_line',
      'hh_above_line + hh_below_line',
      'hh_reg'
    ),
    appliesWhere: 'hh_reg_line_year > 0'
  },
  income_growth_gap: {
    table: 'household_measures',
    numerator: null,
    denominator: null,
    // Growth of the mean per-capita income of registered households minus that of all households, year on
    // year, in percentage points; each mean over the households that reported an income.
    // A mean over no household is no value (DuckDB gives a decimal divided by zero as infinity).
    value: `CASE WHEN lag(year) OVER w = year - 1 THEN 100 * (
      (income_sum_reg / nullif(hh_reg_income, 0)) / nullif(lag(income_sum_reg) OVER w / nullif(lag(hh_reg_income) OVER w, 0), 0)
      - (income_sum_all / nullif(hh_income, 0)) / nullif(lag(income_sum_all) OVER w / nullif(lag(hh_income) OVER w, 0), 0)) END`,
    numeratorHouseholds: null,
    denominatorHouseholds: 'least(hh_reg_income, lag(hh_reg_income) OVER w)',
    // The growth compares two years' means of registered households (against all households'): its coverage is
    // the weaker of the two years', judged for its status only. Published, these counts would stand beside the
    // same years' registered and all-household counts that other cells withhold (found by a black-box test).
    reporting: 'least(hh_reg_income, lag(hh_reg_income) OVER w)',
    expected: 'greatest(hh_reg, lag(hh_reg) OVER w)',
    appliesWhere: 'lag(year) OVER w = year - 1',
    unit: 'households',
    publishCoverage: false
  },
  monitored_share: householdRatio('hh_monitored', 'hh_reg', 'hh_monitored', 'hh_reg', 'hh_reg'),
  risk_elimination_rate: householdRatio(
    'hh_eliminated',
    'hh_monitored',
    'hh_eliminated',
    'hh_monitored',
    'hh_monitored'
  ),
  garbage_collection_rate: villageWeighted('garbage'),
  greening_rate: villageWeighted('greening'),
  tap_water_rate: villageWeighted('tap_water'),
  fund_execution_rate: {
    table: 'project_measures',
    numerator: 'spent',
    denominator: 'budget',
    numeratorHouseholds: null,
    denominatorHouseholds: null,
    reporting: 'projects',
    expected: 'projects',
    unit: 'projects'
  },
  notice_compliance_rate: {
    table: 'project_measures',
    numerator: 'projects_noticed',
    denominator: 'projects',
    numeratorHouseholds: null,
    denominatorHouseholds: null,
    reporting: 'projects',
    expected: 'projects',
    unit: 'projects'
  }
};
