/**
 * What the disclosure audit knows about the indicators, written out here
 * rather than taken from the suppressor's policy: the audit is a second,
 * independent reading of contract section 3.
 */

import type {KnownMeasure} from './disclosure-ledger.ts';

export interface AuditOptions {
  /** Minimum households behind a published cell (contract: 5, never below 3). */
  k: number;
  /** Minimum for sensitive cells (contract: 10). */
  kSensitive: number;
  /** Indicators whose numerator and complement are protected too, with kSensitive. */
  sensitive: ReadonlySet<string>;
  /** Rates whose numerator and denominator count households. */
  householdCountDenominators: ReadonlySet<string>;
  /**
   * Rates whose numerator and denominator count people. A household has at
   * least one member, so 1..k−1 people means 1..k−1 households.
   */
  peopleCountIndicators: ReadonlySet<string>;
  /** Indicators whose value is a count of people (published when ≥ k households are behind it). */
  countIndicators: ReadonlySet<string>;
  /** Indicators whose numerator and denominator (or count) add up from children to parent. */
  additive: ReadonlySet<string>;
  /**
   * Indicators whose coverage (reporting_units, expected_units) counts households: each is a count of
   * households of its own, judged by k and adding up from children to parent.
   */
  householdCoverage: ReadonlySet<string>;
  /**
   * Groups of measures that are the same count for the same region and year,
   * so that a number withheld under one name and shown under another is
   * known. `monitoring.<column>` is a total row of the monitoring table.
   */
  sharedMeasures: readonly (readonly string[])[];
  /**
   * Whether a region, type or feature without a monitoring row holds zero
   * (the monitoring writer omits empty rows, so an outsider reads them so)
   * rather than an unknown count. Indicator values always read a missing row
   * as an empty population. Default true.
   */
  monitoringAbsentRowsAreZero: boolean;
  /** The most members a household may have (contract: 20), which bounds the people behind 1..k−1 households. */
  maxHouseholdMembers: number;
  /**
   * Rates whose numerator is not part of their denominator, so that it may exceed it: monitored_share counts
   * the edge households that are not registered. Their complement is no count of its own.
   */
  numeratorOutsideDenominator: ReadonlySet<string>;
}

const HOUSEHOLD_RATES = [
  'sanitary_toilet_rate',
  'safe_housing_rate',
  'safe_water_rate',
  'income_support_coverage',
  'income_above_line_rate',
  'monitored_share',
  'risk_elimination_rate'
];
const PEOPLE_RATES = ['consolidation_rate', 'family_doctor_rate', 'medical_insurance_rate'];
const PEOPLE_COUNTS = ['dropout_children'];
/** Rates of households whose denominator is, by definition, the households that reported what they need. */
const REPORTING_DENOMINATORS = [
  'sanitary_toilet_rate',
  'safe_housing_rate',
  'safe_water_rate',
  'income_above_line_rate',
  'monitored_share',
  'risk_elimination_rate'
];

/** The defaults of contract section 3 and data/indicators/ (their numerator and denominator definitions). */
export const DEFAULT_AUDIT_OPTIONS: AuditOptions = {
  k: 5,
  kSensitive: 10,
  sensitive: new Set(['consolidation_rate', 'monitored_share', 'risk_elimination_rate']),
  householdCountDenominators: new Set(HOUSEHOLD_RATES),
  peopleCountIndicators: new Set(PEOPLE_RATES),
  countIndicators: new Set(PEOPLE_COUNTS),
  additive: new Set([...HOUSEHOLD_RATES, ...PEOPLE_RATES, ...PEOPLE_COUNTS]),
  // consolidation_rate and income_growth_gap publish no coverage counts.
  householdCoverage: new Set(
    [...HOUSEHOLD_RATES, ...PEOPLE_RATES, ...PEOPLE_COUNTS].filter((id) => id !== 'consolidation_rate')
  ),
  // A measure cell left empty means "not reported" (contract v2): each rate counts only the households that
  // reported what it needs, so two rates over the same households share a denominator only where both need
  // no reported measure. Their expected households are the same count.
  sharedMeasures: [
    // 监测对象户数: monitored_share's numerator, risk_elimination_rate's denominator, the monitoring total.
    [
      'monitored_share.numerator',
      'risk_elimination_rate.denominator',
      'risk_elimination_rate.reporting',
      'risk_elimination_rate.expected',
      'monitoring.households'
    ],
    // 已消除风险的监测对象户数, and the monitored households whose risk is not yet eliminated.
    ['risk_elimination_rate.numerator', 'monitoring.eliminated_households'],
    ['risk_elimination_rate.complement', 'monitoring.remaining_households'],
    // 建档立卡户数.
    [
      'monitored_share.denominator',
      'monitored_share.reporting',
      'monitored_share.expected',
      'family_doctor_rate.expected',
      'medical_insurance_rate.expected',
      'safe_housing_rate.expected',
      'safe_water_rate.expected',
      'dropout_children.expected',
      'income_support_coverage.expected',
      'income_above_line_rate.expected'
    ],
    // 全部农户数 (income_growth_gap publishes no coverage: it rests on two years).
    ['sanitary_toilet_rate.expected'],
    ...REPORTING_DENOMINATORS.filter((id) => id !== 'monitored_share' && id !== 'risk_elimination_rate').map((id) => [
      `${id}.denominator`,
      `${id}.reporting`
    ])
  ],
  monitoringAbsentRowsAreZero: true,
  maxHouseholdMembers: 20,
  numeratorOutsideDenominator: new Set(['monitored_share'])
};

/** The lowest threshold the contract allows. */
export const MIN_AUDIT_K = 3;

/** Fills the options not given (or undefined) from the defaults; throws when a threshold is below 3. */
export function normalizeAuditOptions(options: Partial<AuditOptions> = {}): AuditOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const merged: AuditOptions = {...DEFAULT_AUDIT_OPTIONS, ...given};
  if (merged.k < MIN_AUDIT_K || merged.kSensitive < MIN_AUDIT_K) {
    throw new Error(`disclosure threshold below ${MIN_AUDIT_K}: k=${merged.k}, kSensitive=${merged.kSensitive}`);
  }
  return merged;
}

/** Whether a published count is in 1..k−1: small enough to single out a household (zero is fine). */
export const isBelowThreshold = (count: number | null, k: number): boolean => count !== null && count > 0 && count < k;

/**
 * The width a withheld count's range must keep (contract section 3): ⌈k/2⌉ households, so 5 for sensitive cells
 * (k = 10) and 3 for others (k = 5).
 */
export const protectionLevel = (k: number): number => Math.ceil(k / 2);

/** Whether a count the outsider could only derive is pinned to one value other than zero. */
export const isPinned = (range: KnownMeasure | undefined): boolean =>
  range?.by === 'derived' && range.lower === range.upper && range.upper > 0;

/**
 * Whether a derived count may be small (1..k−1) and lies in a range narrower
 * than the protection level: the outsider knows it to within fewer than
 * ⌈k/2⌉ households (an exact small count included).
 */
export const isNarrow = (range: KnownMeasure | undefined, k: number): boolean =>
  range?.by === 'derived' && range.upper > 0 && range.lower < k && range.upper - range.lower < protectionLevel(k);
