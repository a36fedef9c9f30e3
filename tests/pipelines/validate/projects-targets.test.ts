/**
 * Rules of projects.csv and targets.csv (data contract, section 1): projects
 * are unique, sit in a township or village, draw on a known fund, spend at
 * most 1.05 × budget, and end after they start; targets name a known
 * indicator and region.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {accountOf, checkTables, expectChangeRejected, expectRejected} from './check-folder.ts';
import {lineOf, minimalInput, removeInputs} from './input-folder.ts';

afterAll(removeInputs);

describe('projects.csv', () => {
  it('E_RANGE: budget > 0', async () => {
    await expectChangeRejected('projects', 1, {budget: '0', spent: '0'}, 'E_RANGE', {rule: '> 0'});
  });

  it('E_RANGE: spent ≥ 0', async () => {
    await expectChangeRejected('projects', 1, {spent: '-1'}, 'E_RANGE', {rule: '≥ 0'});
  });

  it('E_RANGE: beneficiary_households ≥ 0', async () => {
    const change = {beneficiary_households: '-3', beneficiary_poor_households: '0'};
    await expectChangeRejected('projects', 0, change, 'E_RANGE', {rule: '≥ 0'});
  });

  it('E_RANGE: beneficiary_poor_households ≤ beneficiary_households', async () => {
    await expectChangeRejected('projects', 0, {beneficiary_poor_households: '121'}, 'E_RANGE', {rule: '0–120'});
  });

  it('E_RANGE: a budget of 10^15 yuan or more', async () => {
    await expectChangeRejected('projects', 1, {budget: '5000000000000000'}, 'E_RANGE', {rule: '< 10^15'});
  });

  it('E_SPENT_OVER_BUDGET: spent above 1.05 × budget is rejected, 1.05 × budget is accepted', async () => {
    await expectChangeRejected('projects', 1, {spent: '210000.01'}, 'E_SPENT_OVER_BUDGET', {budget: 200000});
    const input = minimalInput();
    Object.assign(input.projects[0]!, {budget: '401943.97', spent: '422041.16'});
    Object.assign(input.projects[1]!, {spent: '210000'});
    expect((await checkTables(input)).problems).toEqual([]);
  });

  it('E_UNKNOWN_REGION: region_code not in regions.csv', async () => {
    await expectChangeRejected('projects', 0, {region_code: '360726101009'}, 'E_UNKNOWN_REGION');
  });

  it('E_UNKNOWN_REGION: region_code of a county (not a township or village)', async () => {
    await expectChangeRejected('projects', 1, {region_code: '360726'}, 'E_UNKNOWN_REGION');
  });

  it('E_UNKNOWN_FUND: fund_id not in funds.csv', async () => {
    await expectChangeRejected('projects', 0, {fund_id: 'F2021-09'}, 'E_UNKNOWN_FUND');
  });

  it('E_DATE_ORDER: end_date before start_date', async () => {
    const params = {other: 'start_date', otherValue: '2021-04-01'};
    await expectChangeRejected('projects', 0, {end_date: '2021-03-31'}, 'E_DATE_ORDER', params);
  });

  it('E_DATE_ORDER: notice_end before notice_start', async () => {
    const params = {other: 'notice_start', otherValue: '2021-03-01'};
    await expectChangeRejected('projects', 0, {notice_end: '2021-02-27'}, 'E_DATE_ORDER', params);
  });

  it('E_YEAR_RANGE: a year outside 2014–2100', async () => {
    await expectChangeRejected('projects', 1, {year: '1921'}, 'E_YEAR_RANGE', {min: 2014, max: 2100});
  });

  it('E_DUPLICATE: a project_id twice rejects both rows, each naming the other', async () => {
    const input = minimalInput();
    input.projects[1]!.project_id = 'P2021-01';
    const checked = await checkTables(input);
    const duplicate = {code: 'E_DUPLICATE', file: 'projects', column: 'project_id', value: 'P2021-01'} as const;
    const key = 'project_id';
    expectRejected(checked, {...duplicate, line: lineOf(0), params: {firstLine: lineOf(1), key}}, {rejected: 2});
    expectRejected(checked, {...duplicate, line: lineOf(1), params: {firstLine: lineOf(0), key}}, {rejected: 2});
  });

  it('reads a name with commas, quotes and a line break as text, and counts the line break', async () => {
    const input = minimalInput();
    input.projects[0]!.name = '东门村"道路"硬化,\n二期 <b>';
    input.projects[1]!.budget = '0';
    const checked = await checkTables(input);
    expectRejected(checked, {code: 'E_RANGE', file: 'projects', line: lineOf(1) + 1, column: 'budget', value: '0'});
    expect(accountOf(checked, 'projects').rowsAccepted).toBe(1);
  });
});

describe('targets.csv', () => {
  const target = (indicator_id: string, region_code = '360726') => ({
    indicator_id,
    region_code,
    year: '2021',
    target: '0.99',
    direction: '>=',
    source: '安远县巩固拓展脱贫攻坚成果实施方案'
  });

  it('E_UNKNOWN_INDICATOR: an indicator id Gongshi does not know', async () => {
    const checked = await checkTables({
      ...minimalInput(),
      targets: [target('family_doctor_rate'), target('poverty_rate')]
    });
    const problem = {code: 'E_UNKNOWN_INDICATOR', file: 'targets', line: lineOf(1), column: 'indicator_id'} as const;
    expectRejected(checked, {...problem, value: 'poverty_rate'});
  });

  it('E_UNKNOWN_REGION: a target for a region not in regions.csv', async () => {
    const checked = await checkTables({...minimalInput(), targets: [target('safe_water_rate', '360799')]});
    const problem = {code: 'E_UNKNOWN_REGION', file: 'targets', line: lineOf(0), column: 'region_code'} as const;
    expectRejected(checked, {...problem, value: '360799'});
  });
});
