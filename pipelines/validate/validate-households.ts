import {MAX_HOUSEHOLD_MEMBERS} from '../../src/lib/input-tables.ts';
import type {RowCheck} from './row-check.ts';

/** Years a household record may describe (the state at 31 December). */
export const YEAR_RANGE = {min: 2014, max: 2100};
/** Counts of people in a household, which cannot exceed its members. */
export const COUNTS_BOUNDED_BY_MEMBERS = [
  'labor_count',
  'employed_count',
  'family_doctor_signed',
  'medical_insured',
  'dropout_children'
];

/**
 * Applies the row rules of households.csv (docs/data-contract.md) to one row:
 * ranges, member-bounded counts, status/registration and exit-year
 * consistency, monitoring fields and their dates. Uniqueness of
 * (household_id, year) is checked over the whole file afterwards.
 */
export function checkHousehold(check: RowCheck, villageCodes: ReadonlySet<string>): void {
  const year = check.get<number>('year')!;
  check.expect(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max, 'E_YEAR_RANGE', 'year', YEAR_RANGE);
  check.expect(villageCodes.has(check.get<string>('village_code')!), 'E_UNKNOWN_VILLAGE', 'village_code');
  const members = check.get<number>('members')!;
  check.expect(members >= 1, 'E_RANGE', 'members', {rule: '≥ 1'});
  check.expect(members <= MAX_HOUSEHOLD_MEMBERS, 'E_RANGE', 'members', {rule: `≤ ${MAX_HOUSEHOLD_MEMBERS}`});
  // Measures may be unreported (empty, null): a rule on one applies only where it was reported.
  for (const column of COUNTS_BOUNDED_BY_MEMBERS) {
    const count = check.get<number>(column);
    if (count !== null && check.expect(count >= 0, 'E_RANGE', column, {rule: '≥ 0'})) {
      check.expect(count <= members, 'E_MEMBER_BOUND', column, {members});
    }
  }
  const income = check.get<number>('per_capita_income');
  if (income !== null) check.expect(income >= 0, 'E_RANGE', 'per_capita_income', {rule: '≥ 0'});

  const status = check.get<string>('status');
  check.expect((status === 'none') === !check.get<boolean>('registered'), 'E_STATUS_REGISTERED', 'status');
  const exitYear = check.get<number>('exit_year');
  if (status === 'exited') {
    check.expect(exitYear !== null && exitYear <= year, 'E_EXIT_YEAR', 'exit_year', {year});
  } else {
    check.expect(exitYear === null || exitYear <= year, 'E_EXIT_YEAR', 'exit_year', {year});
  }

  const since = check.get<string>('monitored_since');
  if (check.get<boolean>('monitored')) {
    check.expect(check.get('monitor_type') !== null, 'E_MONITOR_FIELDS', 'monitor_type');
    check.expect(since !== null, 'E_MONITOR_FIELDS', 'monitored_since');
    if (since !== null) {
      check.expect(Number(since.slice(0, 4)) <= year, 'E_DATE_YEAR', 'monitored_since', {rule: 'not after', year});
    }
  } else {
    for (const column of ['monitor_type', 'monitored_since', 'risk_eliminated_date']) {
      check.expect(check.get(column) === null, 'E_MONITOR_FIELDS', column);
    }
    const flags = check.get<number[]>('risk_flags');
    check.expect(flags === null || flags.length === 0, 'E_MONITOR_FIELDS', 'risk_flags');
  }
  const eliminated = check.get<string>('risk_eliminated_date');
  if (eliminated !== null && since !== null) {
    check.expect(eliminated >= since, 'E_DATE_ORDER', 'risk_eliminated_date', {
      other: 'monitored_since',
      otherValue: since
    });
  }
}
