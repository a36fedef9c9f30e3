import type {RowCheck} from './row-check.ts';
import {YEAR_RANGE} from './validate-households.ts';

/** Applies the row rules of targets.csv: a known indicator and region, a sensible year. */
export function checkTarget(
  check: RowCheck,
  indicatorIds: ReadonlySet<string>,
  regionCodes: ReadonlySet<string>
): void {
  check.expect(indicatorIds.has(check.get<string>('indicator_id')!), 'E_UNKNOWN_INDICATOR', 'indicator_id');
  check.expect(regionCodes.has(check.get<string>('region_code')!), 'E_UNKNOWN_REGION', 'region_code');
  const year = check.get<number>('year')!;
  check.expect(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max, 'E_YEAR_RANGE', 'year', YEAR_RANGE);
}
