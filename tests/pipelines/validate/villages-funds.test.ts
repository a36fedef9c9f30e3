/**
 * Rules of villages.csv and funds.csv (data contract, section 1): village
 * rows belong to a village and are unique per year, with shares 0–1; funds
 * are unique, go to a known region, in yuan above 0 with at most 2 decimals,
 * issued within a year of their year.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {accountOf, checkTables, expectChangeRejected, expectRejected} from './check-folder.ts';
import {lineOf, minimalInput, removeInputs} from './input-folder.ts';

afterAll(removeInputs);

describe('villages.csv', () => {
  it('E_RANGE: a share above 1 (95 without %, read as 95, not 95%)', async () => {
    await expectChangeRejected('villages', 0, {greening_rate: '95'}, 'E_RANGE', {rule: '0–1 (0%–100%)'});
  });

  it('E_RANGE: a negative share', async () => {
    await expectChangeRejected('villages', 1, {tap_water_rate: '-0.1'}, 'E_RANGE');
  });

  it('E_RANGE: collective_operating_income ≥ 0', async () => {
    await expectChangeRejected('villages', 1, {collective_operating_income: '-5000'}, 'E_RANGE', {rule: '≥ 0'});
  });

  it('E_UNKNOWN_VILLAGE: village_code not a village of regions.csv', async () => {
    await expectChangeRejected('villages', 0, {village_code: '360726101009'}, 'E_UNKNOWN_VILLAGE');
  });

  it('E_YEAR_RANGE: a two-digit year', async () => {
    await expectChangeRejected('villages', 0, {year: '21'}, 'E_YEAR_RANGE');
  });

  it('E_DUPLICATE: a village twice in one year rejects both rows, each naming the other', async () => {
    const input = minimalInput();
    input.villages.push({...input.villages[0]!, collective_operating_income: '61000'});
    const checked = await checkTables(input);
    const duplicate = {code: 'E_DUPLICATE', file: 'villages', column: 'village_code'} as const;
    const value = '360726101001 / 2021';
    const key = 'village_code + year';
    expectRejected(checked, {...duplicate, line: lineOf(0), value, params: {firstLine: lineOf(2), key}}, {rejected: 2});
    expectRejected(checked, {...duplicate, line: lineOf(2), value, params: {firstLine: lineOf(0), key}}, {rejected: 2});
  });
});

describe('funds.csv', () => {
  it('E_RANGE: amount > 0', async () => {
    const checked = await expectChangeRejected('funds', 0, {amount: '0'}, 'E_RANGE', {rule: '> 0, ≤ 2 decimals'});
    expect(checked.report.zh).toContain('值 "0" 必须 > 0，且最多两位小数 [E_RANGE]');
    expect(checked.report.en).toContain('value "0" must be > 0, with at most 2 decimals [E_RANGE]');
  });

  it('E_RANGE: amount with more than 2 decimals (yuan and fen)', async () => {
    await expectChangeRejected('funds', 1, {amount: '300000.505'}, 'E_RANGE', {rule: '> 0, ≤ 2 decimals'});
  });

  it('E_NUMBER: an amount too long to be a finite number', async () => {
    // Regression: `1` followed by 400 zeros was read as Infinity, passed "> 0, ≤ 2 decimals" and was published.
    const input = minimalInput();
    const amount = `1${'0'.repeat(400)}`;
    input.funds[0]!.amount = amount;
    const checked = await checkTables(input);
    // The report shows the cell as written (cut short in the printed line, so the object is compared here).
    const problem = {code: 'E_NUMBER', file: 'funds.csv', line: lineOf(0), column: 'amount', value: amount};
    expect(checked.problems).toContainEqual(expect.objectContaining(problem));
    expect(accountOf(checked, 'funds').rowsRejected).toBe(1);
  });

  it('E_UNKNOWN_REGION: recipient_code not in regions.csv', async () => {
    await expectChangeRejected('funds', 0, {recipient_code: '360727'}, 'E_UNKNOWN_REGION');
  });

  it('E_DATE_YEAR: issued_date two years after the year', async () => {
    const checked = await expectChangeRejected('funds', 0, {issued_date: '2023-01-05'}, 'E_DATE_YEAR', {
      rule: 'within a year of',
      year: 2021
    });
    expect(checked.report.zh).toContain('值 "2023-01-05" 应在年度前后一年内，年度为 2021 [E_DATE_YEAR]');
    expect(checked.report.en).toContain('must be within a year of the year 2021 [E_DATE_YEAR]');
  });

  it('E_YEAR_RANGE: a year after 2100', async () => {
    await expectChangeRejected('funds', 1, {year: '2101', issued_date: '2101-01-05'}, 'E_YEAR_RANGE');
  });

  it('E_DUPLICATE: a fund_id twice rejects both rows, each naming the other', async () => {
    const input = minimalInput();
    input.funds[1]!.fund_id = 'F2021-01';
    const checked = await checkTables(input);
    const duplicate = {code: 'E_DUPLICATE', file: 'funds', column: 'fund_id', value: 'F2021-01'} as const;
    const key = 'fund_id';
    expectRejected(checked, {...duplicate, line: lineOf(0), params: {firstLine: lineOf(1), key}}, {rejected: 2});
    expectRejected(checked, {...duplicate, line: lineOf(1), params: {firstLine: lineOf(0), key}}, {rejected: 2});
  });

  it('accepts an amount with 2 decimals and separators, and issued dates a year either side', async () => {
    const input = minimalInput();
    Object.assign(input.funds[0]!, {amount: '1,000,000.01', issued_date: '2020-12-20', level: '中央'});
    Object.assign(input.funds[1]!, {amount: '０.０1', issued_date: '2022年1月31日'});
    expect((await checkTables(input)).problems).toEqual([]);
  });
});
