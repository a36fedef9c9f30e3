/**
 * Coverage of a published value (contract v2): how many of the units it is
 * about (households, villages, projects) reported what it needs. A value
 * counts only the units that reported, so a reader is told where that is
 * fewer than all of them.
 */
import {formatCount} from './format-number.ts';
import {type Locale, t} from './i18n.ts';

/** What an indicator's coverage counts (`indicators.coverage_unit`). */
export type CoverageUnit = 'households' | 'villages' | 'projects';

/** The coverage columns of an `indicator_values` row; null where withheld. */
export interface CoverageColumns {
  reporting_units: number | null;
  expected_units: number | null;
}

/** Whether fewer units reported than were expected (false where the coverage is withheld or complete). */
export function isPartial(value: CoverageColumns | undefined): boolean {
  return (
    value !== undefined &&
    value.reporting_units !== null &&
    value.expected_units !== null &&
    value.reporting_units < value.expected_units
  );
}

/**
 * Returns the coverage in words where it is partial — "290/385 个村报送" /
 * "290 of 385 villages reported" — and '' where every unit reported or the
 * coverage is withheld.
 */
export function coverageText(value: CoverageColumns | undefined, unit: CoverageUnit, locale: Locale): string {
  if (!isPartial(value)) return '';
  return t(locale, 'coverage.partial', {
    reporting: formatCount(value!.reporting_units!, locale),
    expected: formatCount(value!.expected_units!, locale),
    unit: t(locale, `coverage.unit.${unit}`)
  });
}
