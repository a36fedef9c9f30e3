/**
 * Cell-level rules of the data contract (section 1, "Reading rules"): a cell
 * that does not read as its column's type rejects its row with a stable code,
 * the physical line, the column and the value; never a value of a PII column.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {checkTables, expectChangeRejected, expectRejected} from './check-folder.ts';
import {lineOf, minimalInput, removeInputs, toCsv} from './input-folder.ts';

afterAll(removeInputs);

describe('cells that break their type reject the row', () => {
  it('E_COLUMN_COUNT: more fields than the header, named by line only', async () => {
    const text = toCsv('funds', minimalInput().funds).replace('2021-04-01\n', '2021-04-01,多余\n');
    const checked = await checkTables(minimalInput(), {}, {'funds.csv': text});
    expectRejected(checked, {code: 'E_COLUMN_COUNT', file: 'funds', line: lineOf(1)});
    expect(checked.problems[0]).not.toHaveProperty('column');
  });

  it('E_REQUIRED: an empty cell in a column that must be filled', async () => {
    await expectChangeRejected('households', 1, {members: ''}, 'E_REQUIRED');
  });

  it('E_INTEGER: a fraction in a whole-number column', async () => {
    await expectChangeRejected('households', 2, {members: '3.5'}, 'E_INTEGER');
  });

  it('E_NUMBER: a unit in a decimal column', async () => {
    await expectChangeRejected('funds', 0, {amount: '100万'}, 'E_NUMBER');
  });

  it('E_SHARE: text in a share column', async () => {
    await expectChangeRejected('villages', 0, {tap_water_rate: '约九成'}, 'E_SHARE');
  });

  it('E_BOOLEAN: neither yes nor no', async () => {
    await expectChangeRejected('households', 1, {registered: '待定'}, 'E_BOOLEAN');
  });

  it('E_DATE: a day that does not exist', async () => {
    await expectChangeRejected('projects', 0, {end_date: '2021-02-30'}, 'E_DATE');
  });

  it('E_ENUM: a value outside the allowed list, which the message lists', async () => {
    const checked = await expectChangeRejected('funds', 1, {level: '乡级'}, 'E_ENUM');
    expect(checked.report.zh).toContain('允许的取值：central 中央, provincial 省级, municipal 市级, county 县级');
  });

  it('E_RISK_FLAG: a risk feature code outside 1–10', async () => {
    await expectChangeRejected('households', 1, {risk_flags: '1;11'}, 'E_RISK_FLAG');
  });
});

describe('personal data', () => {
  it('never reaches the report, whichever rule rejects the row', async () => {
    const input = minimalInput();
    input.households[0]!.per_capita_income = '-1';
    input.households[1]!.status = '贫困户';
    const fields = toCsv('households', input.households).split('\n');
    fields[3] += ',多余';
    const checked = await checkTables(input, {}, {'households.csv': fields.join('\n')});
    expect(checked.problems.map((p) => p.code)).toEqual(['E_RANGE', 'E_ENUM', 'E_COLUMN_COUNT']);
    for (const row of minimalInput().households) {
      for (const pii of [row.head_name!, row.id_number!, row.phone!]) {
        expect(checked.report.zh).not.toContain(pii);
        expect(checked.report.en).not.toContain(pii);
        expect(JSON.stringify(checked.problems)).not.toContain(pii);
      }
    }
  });
});
