/**
 * How each indicator of data/indicators/ is computed from the measure tables,
 * in SQL over one row per region and year. `value` defaults to
 * numerator / denominator. The household columns say how many households are
 * behind the numerator and the denominator: disclosure control judges cells by
 * them (a count of people by the households it comes from).
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
}

const householdRatio = (
  numerator: string,
  denominator: string,
  numeratorHouseholds: string,
  denominatorHouseholds: string
): IndicatorFormula => ({
  table: 'household_measures',
  numerator,
  denominator,
  numeratorHouseholds,
  denominatorHouseholds
});

// The village's own rate is public village data; its weight (the village's household count) is not
// published, since a count of 1..4 households would be a small cell of its own.
const villageWeighted = (weighted: string): IndicatorFormula => ({
  table: 'village_measures',
  numerator: weighted,
  denominator: 'weighted_households',
  numeratorHouseholds: null,
  denominatorHouseholds: null,
  publishCounts: false
});

const villageCount = (numerator: string, denominator: string): IndicatorFormula => ({
  table: 'village_measures',
  numerator,
  denominator,
  numeratorHouseholds: null,
  denominatorHouseholds: null
});

export const INDICATOR_FORMULAS: Record<string, IndicatorFormula> = {
  consolidation_rate: householdRatio(
    'people_exited',
    'people_exited_or_returned',
    'hh_exited',
    'hh_exited_or_returned'
  ),
  collective_income: {
    table: 'village_measures',
    numerator: null,
    denominator: null,
    value: 'collective_income_median',
    numeratorHouseholds: null,
    denominatorHouseholds: null
  },
  collective_income_compliance: villageCount('villages_income_met', 'villages_with_data'),
  weak_village_compliance: villageCount('weak_villages_income_met', 'weak_villages_with_data'),
  family_doctor_rate: householdRatio('doctor_signed', 'people_reg', 'hh_doctor_signed', 'hh_reg'),
  sanitary_toilet_rate: householdRatio('hh_toilet', 'hh_all', 'hh_toilet', 'hh_all'),
  medical_insurance_rate: householdRatio('insured', 'people_reg', 'hh_insured', 'hh_reg'),
  safe_housing_rate: householdRatio('hh_safe_housing', 'hh_reg', 'hh_safe_housing', 'hh_reg'),
  safe_water_rate: householdRatio('hh_safe_water', 'hh_reg', 'hh_safe_water', 'hh_reg'),
  dropout_children: {
    table: 'household_measures',
    numerator: 'dropout',
    denominator: null,
    value: 'dropout',
    numeratorHouseholds: 'hh_dropout',
    denominatorHouseholds: null
  },
  income_support_coverage: householdRatio(
    'hh_reg_labour_covered',
    'hh_reg_labour',
    'hh_reg_labour_covered',
    'hh_reg_labour'
  ),
  // 稳定超过国家贫困线 (赣市扶攻字〔2019〕8号 二.4): strictly above. Years without a line have neither above
  // nor below: no value rather than a guess.
  income_above_line_rate: householdRatio(
    'hh_above_line',
    'hh_above_line + hh_below_line',
    'hh_above_line',
    'hh_above_line + hh_below_line'
  ),
  income_growth_gap: {
    table: 'household_measures',
    numerator: null,
    denominator: null,
    // Growth of the mean per-capita income of registered households minus that
    // of all households, year on year, in percentage points.
    value: `CASE WHEN lag(year) OVER w = year - 1 THEN 100 * (
      (income_sum_reg / hh_reg) / (lag(income_sum_reg) OVER w / lag(hh_reg) OVER w)
      - (income_sum_all / hh_all) / (lag(income_sum_all) OVER w / lag(hh_all) OVER w)) END`,
    numeratorHouseholds: null,
    denominatorHouseholds: 'least(hh_reg, lag(hh_reg) OVER w)'
  },
  monitored_share: householdRatio('hh_monitored', 'hh_reg', 'hh_monitored', 'hh_reg'),
  risk_elimination_rate: householdRatio('hh_eliminated', 'hh_monitored', 'hh_eliminated', 'hh_monitored'),
  garbage_collection_rate: villageWeighted('garbage_weighted'),
  greening_rate: villageWeighted('greening_weighted'),
  tap_water_rate: villageWeighted('tap_water_weighted'),
  fund_execution_rate: {
    table: 'project_measures',
    numerator: 'spent',
    denominator: 'budget',
    numeratorHouseholds: null,
    denominatorHouseholds: null
  },
  notice_compliance_rate: {
    table: 'project_measures',
    numerator: 'projects_noticed',
    denominator: 'projects',
    numeratorHouseholds: null,
    denominatorHouseholds: null
  }
};
