import type {RowCheck} from './row-check.ts';
import {YEAR_RANGE} from './validate-households.ts';

/** The unit of each known indicator, by id (data/indicators/): it decides how a target may be written. */
export type IndicatorUnits = ReadonlyMap<string, string>;

/**
 * Applies the row rules of targets.csv: a known indicator and region, a sensible year, and a target in its
 * indicator's unit. A share indicator's target may be written `95%`, `９５％` or `0.95` and must lie within
 * 0–1; a percent sign on any other indicator (yuan, people, percentage points) is E_TARGET_UNIT.
 */
export function checkTarget(check: RowCheck, units: IndicatorUnits, regionCodes: ReadonlySet<string>): void {
  const id = check.get<string>('indicator_id')!;
  const unit = units.get(id);
  check.expect(unit !== undefined, 'E_UNKNOWN_INDICATOR', 'indicator_id');
  check.expect(regionCodes.has(check.get<string>('region_code')!), 'E_UNKNOWN_REGION', 'region_code');
  const year = check.get<number>('year')!;
  check.expect(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max, 'E_YEAR_RANGE', 'year', YEAR_RANGE);
  if (unit === undefined) return;
  const target = check.get<number>('target')!;
  if (unit === 'percent') {
    check.expect(target >= 0 && target <= 1, 'E_RANGE', 'target', {rule: '0–1 (0%–100%)'});
  } else {
    // The normaliser read `95%` as 0.95; only the text as written still shows the percent sign.
    const percent = /[%％]\s*$/.test(check.row.raw.target ?? '');
    check.expect(!percent, 'E_TARGET_UNIT', 'target', {indicator: id, unit});
  }
}
