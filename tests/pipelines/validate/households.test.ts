/**
 * Rules of households.csv (data contract, section 1). Household rows are
 * personal data: the report names a bad cell by file, line and column, and
 * shows only values of the non-PII columns.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {accountOf, checkTables, expectChangeRejected, expectRejected} from './check-folder.ts';
import {lineOf, minimalInput, removeInputs} from './input-folder.ts';

afterAll(removeInputs);

describe('households.csv ranges', () => {
  it('E_RANGE: members ≥ 1', async () => {
    await expectChangeRejected('households', 2, {members: '0'}, 'E_RANGE', {rule: '≥ 1'});
  });

  it('E_RANGE: per_capita_income ≥ 0', async () => {
    await expectChangeRejected('households', 0, {per_capita_income: '-120'}, 'E_RANGE', {rule: '≥ 0'});
  });

  it('E_RANGE: dropout_children ≥ 0', async () => {
    await expectChangeRejected('households', 3, {dropout_children: '-1'}, 'E_RANGE', {rule: '≥ 0'});
  });

  it('E_RANGE: a count of people bounded by members must not be negative', async () => {
    await expectChangeRejected('households', 1, {employed_count: '-1'}, 'E_RANGE', {rule: '≥ 0'});
  });

  it('E_MEMBER_BOUND: labor_count above members', async () => {
    const checked = await expectChangeRejected('households', 0, {labor_count: '5'}, 'E_MEMBER_BOUND', {
      members: 4
    });
    expect(checked.problems).toHaveLength(1);
  });

  it('E_MEMBER_BOUND: medical_insured above members', async () => {
    await expectChangeRejected('households', 3, {medical_insured: '3'}, 'E_MEMBER_BOUND');
  });

  it('E_RANGE: a whole number too large to load', async () => {
    // Regression: members 99999999999 passed the row rules, then DuckDB refused it as INTEGER and `gongshi check`
    // died with a stack trace that printed the household's row.
    // members now has a bound of its own (20), far below what DuckDB loads; a count without one gets the guard.
    await expectChangeRejected('households', 0, {members: '99999999999'}, 'E_RANGE', {rule: '≤ 20'});
    await expectChangeRejected('projects', 0, {beneficiary_households: '99999999999'}, 'E_RANGE', {
      rule: '≤ 2147483647'
    });
  });

  it('E_RANGE: an amount of 10^15 yuan or more (a typo; its exact sum would overflow), and one just below passes', async () => {
    await expectChangeRejected('households', 0, {per_capita_income: '1,000,000,000,000,000'}, 'E_RANGE', {
      rule: '< 10^15'
    });
    const input = minimalInput();
    input.households[0]!.per_capita_income = '999999999999999.9';
    expect((await checkTables(input)).problems).toEqual([]);
  });

  it('E_YEAR_RANGE: a year before 2014', async () => {
    await expectChangeRejected('households', 2, {year: '2013'}, 'E_YEAR_RANGE', {min: 2014, max: 2100});
  });

  it('E_UNKNOWN_VILLAGE: village_code of a township', async () => {
    await expectChangeRejected('households', 1, {village_code: '360726101'}, 'E_UNKNOWN_VILLAGE');
  });
});

describe('households.csv consistency', () => {
  it('E_STATUS_REGISTERED: registered with status none', async () => {
    await expectChangeRejected('households', 0, {status: 'none', exit_year: ''}, 'E_STATUS_REGISTERED');
  });

  it('E_STATUS_REGISTERED: not registered with a poverty status', async () => {
    await expectChangeRejected('households', 2, {status: 'poor'}, 'E_STATUS_REGISTERED');
  });

  it('E_EXIT_YEAR: an exited household without exit_year', async () => {
    await expectChangeRejected('households', 0, {exit_year: ''}, 'E_EXIT_YEAR', {year: 2021});
  });

  it('E_EXIT_YEAR: exit_year after the year', async () => {
    await expectChangeRejected('households', 0, {exit_year: '2022'}, 'E_EXIT_YEAR');
  });

  it('E_MONITOR_FIELDS: monitored without monitor_type', async () => {
    await expectChangeRejected('households', 1, {monitor_type: ''}, 'E_MONITOR_FIELDS');
  });

  it('E_MONITOR_FIELDS: monitored without monitored_since', async () => {
    await expectChangeRejected('households', 3, {monitored_since: ''}, 'E_MONITOR_FIELDS');
  });

  it('E_MONITOR_FIELDS: not monitored with a monitor_type', async () => {
    await expectChangeRejected('households', 0, {monitor_type: 'edge'}, 'E_MONITOR_FIELDS');
  });

  it('E_MONITOR_FIELDS: not monitored with risk features', async () => {
    await expectChangeRejected('households', 2, {risk_flags: '4'}, 'E_MONITOR_FIELDS');
  });

  it('E_MONITOR_FIELDS: not monitored with a risk_eliminated_date', async () => {
    await expectChangeRejected('households', 2, {risk_eliminated_date: '2021-08-01'}, 'E_MONITOR_FIELDS');
  });

  it('E_DATE_ORDER: risk_eliminated_date before monitored_since', async () => {
    const params = {other: 'monitored_since', otherValue: '2021-03-01'};
    await expectChangeRejected('households', 1, {risk_eliminated_date: '2021-02-28'}, 'E_DATE_ORDER', params);
  });

  it('E_DATE_YEAR: monitored_since after the year', async () => {
    const checked = await expectChangeRejected('households', 1, {monitored_since: '2022-01-10'}, 'E_DATE_YEAR', {
      rule: 'not after',
      year: 2021
    });
    expect(checked.report.zh).toContain('值 "2022-01-10" 不能晚于年度 2021 [E_DATE_YEAR]');
    expect(checked.report.en).toContain('value "2022-01-10" must not be after the year 2021 [E_DATE_YEAR]');
  });

  it('accepts every rule at its edge and the office spellings of each type', async () => {
    const input = minimalInput();
    Object.assign(input.households[0]!, {exit_year: '2021', labor_count: '4', employed_count: '4', members: '４'});
    Object.assign(input.households[1]!, {risk_eliminated_date: '2021年3月1日', monitored_since: '2021/3/1'});
    Object.assign(input.households[2]!, {per_capita_income: '0', registered: '否', status: '非建档立卡'});
    Object.assign(input.households[3]!, {monitored: '是', monitor_type: '边缘易致贫户', risk_flags: '2、9'});
    Object.assign(input.households[3]!, {
      monitored_since: '2021-12-31',
      risk_eliminated_date: '',
      per_capita_income: '1,234.5'
    });
    const checked = await checkTables(input);
    expect(checked.problems).toEqual([]);
  });
});

describe('households.csv keys', () => {
  it('E_DUPLICATE: household_id twice in one year rejects every copy; another year is another row', async () => {
    const input = minimalInput();
    input.households.push(
      {...input.households[1]!},
      {...input.households[1]!, year: '2020', monitored_since: '2020-05-01'}
    );
    const checked = await checkTables(input);
    const duplicate = {code: 'E_DUPLICATE', file: 'households', column: 'household_id', value: 'H0002 / 2021'} as const;
    const params = (firstLine: number) => ({firstLine, key: 'household_id + year'});
    expectRejected(checked, {...duplicate, line: lineOf(1), params: params(lineOf(4))}, {rejected: 2});
    expectRejected(checked, {...duplicate, line: lineOf(4), params: params(lineOf(1))}, {rejected: 2});
    expect(accountOf(checked, 'households')).toMatchObject({rowsRead: 6, rowsAccepted: 4});
  });

  it('judges duplicates among rows that pass every other rule: a broken copy leaves the good one counted', async () => {
    const input = minimalInput();
    input.households.push({...input.households[1]!, members: '三'});
    const checked = await checkTables(input);
    expectRejected(checked, {code: 'E_INTEGER', file: 'households', line: lineOf(4), column: 'members', value: '三'});
    expect(checked.problems.filter((p) => p.code === 'E_DUPLICATE')).toEqual([]);
    expect(accountOf(checked, 'households')).toMatchObject({rowsRead: 5, rowsAccepted: 4});
  });
});
