import type {RowCheck} from './row-check.ts';
import {YEAR_RANGE} from './validate-households.ts';

/** Applies the row rules of funds.csv; fund_id uniqueness is checked over the file. */
export function checkFund(check: RowCheck, regionCodes: ReadonlySet<string>): void {
  const year = check.get<number>('year')!;
  check.expect(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max, 'E_YEAR_RANGE', 'year', YEAR_RANGE);
  check.expect(regionCodes.has(check.get<string>('recipient_code')!), 'E_UNKNOWN_REGION', 'recipient_code');
  const amount = check.get<number>('amount')!;
  // Yuan with at most 2 decimals: rounding to cents must give back the same double.
  check.expect(amount > 0 && Number(amount.toFixed(2)) === amount, 'E_RANGE', 'amount', {rule: '> 0, ≤ 2 decimals'});
  const issued = Number(check.get<string>('issued_date')!.slice(0, 4));
  check.expect(Math.abs(issued - year) <= 1, 'E_DATE_YEAR', 'issued_date', {rule: 'within a year of', year});
}
