import type {ProjectStatus, RegionLevel} from '../../src/lib/input-tables.ts';
import type {RowCheck} from './row-check.ts';
import {YEAR_RANGE} from './validate-households.ts';

/** Spending may exceed the budget by this factor before the row is rejected (contract: budget × 1.05). */
export const SPENT_TOLERANCE = 1.05;

/** The dates each status requires (contract, projects.csv): both once finished, the start once work began. */
export const DATES_REQUIRED: Record<ProjectStatus, {start: boolean; end: boolean}> = {
  planned: {start: false, end: false},
  in_progress: {start: true, end: false},
  completed: {start: true, end: true},
  accepted: {start: true, end: true}
};

/** Applies the row rules of projects.csv; project_id uniqueness is checked over the file. */
export function checkProject(
  check: RowCheck,
  regionLevels: ReadonlyMap<string, RegionLevel>,
  fundIds: ReadonlySet<string>
): void {
  const year = check.get<number>('year')!;
  check.expect(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max, 'E_YEAR_RANGE', 'year', YEAR_RANGE);
  const level = regionLevels.get(check.get<string>('region_code')!);
  check.expect(level === 'township' || level === 'village', 'E_UNKNOWN_REGION', 'region_code', {
    levels: 'township/village'
  });
  check.expect(fundIds.has(check.get<string>('fund_id')!), 'E_UNKNOWN_FUND', 'fund_id');
  const budget = check.get<number>('budget')!;
  check.expect(budget > 0, 'E_RANGE', 'budget', {rule: '> 0'});
  const spent = check.get<number>('spent')!;
  check.expect(spent >= 0, 'E_RANGE', 'spent', {rule: '≥ 0'});
  check.expect(spent <= budget * SPENT_TOLERANCE + 1e-6, 'E_SPENT_OVER_BUDGET', 'spent', {budget});
  const households = check.get<number>('beneficiary_households')!;
  check.expect(households >= 0, 'E_RANGE', 'beneficiary_households', {rule: '≥ 0'});
  const poor = check.get<number>('beneficiary_poor_households')!;
  check.expect(poor >= 0 && poor <= households, 'E_RANGE', 'beneficiary_poor_households', {
    rule: `0–${households}`
  });
  const status = check.get<ProjectStatus>('status')!;
  const start = check.get<string>('start_date');
  const end = check.get<string>('end_date');
  // No one knows a planned project's dates yet, nor when work in progress will end; a finished project's are known.
  const needs = DATES_REQUIRED[status];
  if (needs.start) check.expect(start !== null, 'E_STATUS_DATE', 'start_date', {status});
  if (needs.end) check.expect(end !== null, 'E_STATUS_DATE', 'end_date', {status});
  if (start !== null && end !== null) {
    check.expect(end >= start, 'E_DATE_ORDER', 'end_date', {other: 'start_date', otherValue: start});
  }
  const noticeStart = check.get<string>('notice_start');
  const noticeEnd = check.get<string>('notice_end');
  if (noticeStart !== null && noticeEnd !== null) {
    check.expect(noticeEnd >= noticeStart, 'E_DATE_ORDER', 'notice_end', {
      other: 'notice_start',
      otherValue: noticeStart
    });
  }
}
