import type {RowCheck} from './row-check.ts';
import {YEAR_RANGE} from './validate-households.ts';

const SHARES = ['garbage_collection_rate', 'greening_rate', 'tap_water_rate'];

/** Applies the row rules of villages.csv; (village_code, year) uniqueness is checked over the file. */
export function checkVillage(check: RowCheck, villageCodes: ReadonlySet<string>): void {
  const year = check.get<number>('year')!;
  check.expect(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max, 'E_YEAR_RANGE', 'year', YEAR_RANGE);
  check.expect(villageCodes.has(check.get<string>('village_code')!), 'E_UNKNOWN_VILLAGE', 'village_code');
  // Every measure may be unreported (empty): its rule applies only where it was reported.
  const income = check.get<number>('collective_operating_income');
  if (income !== null) check.expect(income >= 0, 'E_RANGE', 'collective_operating_income', {rule: '≥ 0'});
  for (const column of SHARES) {
    const share = check.get<number>(column);
    if (share !== null) check.expect(share >= 0 && share <= 1, 'E_RANGE', column, {rule: '0–1 (0%–100%)'});
  }
}
