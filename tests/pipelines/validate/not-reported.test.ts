/**
 * Issue 13: a real office export has gaps, and a gap is "not reported", never a lost row (contract v2). An
 * empty measure cell is accepted as NULL on both ingest paths; a key, code, year, members, registered, status
 * or a cell a rule depends on stays required; a cell that is present but wrong is still rejected. A planned
 * project may leave its dates open, work in progress its end; a share target may be written 95%, ９５％ or 0.95.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {readRows} from '../../../pipelines/lib/read-rows.ts';
import {inputTable, measureColumns} from '../../../src/lib/input-tables.ts';
import {accountOf, checkTables, expectChangeRejected} from './check-folder.ts';
import {type InputTables, minimalInput, removeInputs, writeInput} from './input-folder.ts';
import {validateFolder} from './validate-folder.ts';

afterAll(removeInputs);

const HOUSEHOLD_MEASURES = measureColumns(inputTable('households')).map((c) => c.name);
const VILLAGE_MEASURES = measureColumns(inputTable('villages')).map((c) => c.name);

/** The households and villages tables as each ingest path loads them (real DuckDB), ordered by line. */
async function loadedHouseholds(tables: InputTables, streamingOnly: boolean) {
  return validateFolder(await writeInput(tables), {streamingOnly}, async (connection, log) => ({
    problems: log.problems(),
    rows: await readRows(connection, 'SELECT * FROM households ORDER BY line'),
    villages: await readRows(connection, 'SELECT * FROM villages ORDER BY line')
  }));
}

describe('empty measure cells', () => {
  it('are accepted as not reported (NULL) in every measure of households.csv and villages.csv, on both paths', async () => {
    const tables = minimalInput();
    // One household leaves every measure empty; the other leaves one each, in turn.
    for (const column of HOUSEHOLD_MEASURES) tables.households[0]![column] = '';
    tables.households[3]!.per_capita_income = '';
    for (const column of VILLAGE_MEASURES) tables.villages[1]![column] = '';
    const viaDuckDB = await loadedHouseholds(tables, false);
    const viaStream = await loadedHouseholds(tables, true);
    expect(viaDuckDB.problems).toEqual([]);
    expect(viaStream).toEqual(viaDuckDB);
    expect(viaDuckDB.rows).toHaveLength(4);
    for (const column of HOUSEHOLD_MEASURES) expect(viaDuckDB.rows[0]![column], column).toBeNull();
    expect(viaDuckDB.rows[3]!.per_capita_income).toBeNull();
    expect(viaDuckDB.rows[3]!.family_doctor_signed).toBe(2);
    expect(viaDuckDB.villages).toHaveLength(2);
    for (const column of VILLAGE_MEASURES) expect(viaDuckDB.villages[1]![column], column).toBeNull();
  });

  it('are listed per file and column in the report, so the clerk hears of them before the site says so', async () => {
    const tables = minimalInput();
    tables.households[0]!.safe_water = '';
    tables.households[3]!.safe_water = '';
    tables.villages[1]!.greening_rate = '';
    const checked = await checkTables(tables);
    expect(checked.report.en).toContain(
      'households.csv: read 4 rows, accepted 4, rejected 0\n  cells not reported (empty): safe_water 2'
    );
    expect(checked.report.zh).toContain('未报送（空白）的单元格: greening_rate 1');
    expect(accountOf(checked, 'households').notReported).toEqual({safe_water: 2});
  });

  it('in a key, code, year, members, registered or status still reject the row (E_REQUIRED)', async () => {
    for (const column of ['household_id', 'year', 'village_code', 'members', 'registered', 'status']) {
      const tables = minimalInput();
      tables.households[0]![column] = '';
      const checked = await checkTables(tables);
      expect(accountOf(checked, 'households').rowsRejected, column).toBe(1);
      expect(checked.problems, column).toContainEqual(expect.objectContaining({code: 'E_REQUIRED', column}));
    }
    for (const column of ['village_code', 'year']) {
      const tables = minimalInput();
      tables.villages[0]![column] = '';
      const checked = await checkTables(tables);
      expect(checked.problems, column).toContainEqual(expect.objectContaining({code: 'E_REQUIRED', column}));
    }
  });

  it('that a rule depends on stay required: a monitored household without its type is rejected', async () => {
    await expectChangeRejected('households', 1, {monitor_type: ''}, 'E_MONITOR_FIELDS');
  });

  it('do not excuse a cell that is present but wrong', async () => {
    await expectChangeRejected('households', 0, {family_doctor_signed: '5'}, 'E_MEMBER_BOUND', {members: 4});
    await expectChangeRejected('households', 0, {per_capita_income: '约一万'}, 'E_NUMBER');
    await expectChangeRejected('villages', 0, {greening_rate: '140%'}, 'E_RANGE', {rule: '0–1 (0%–100%)'});
  });
});

describe('project dates (projects.csv)', () => {
  it('may both be empty for a planned project, and the end for work in progress', async () => {
    const tables = minimalInput();
    Object.assign(tables.projects[1]!, {status: 'planned', spent: '0', start_date: '', end_date: ''});
    const planned = await checkTables(tables);
    expect(planned.problems).toEqual([]);
    Object.assign(tables.projects[1]!, {status: 'in_progress', start_date: '2021-05-01', end_date: ''});
    expect((await checkTables(tables)).problems).toEqual([]);
  });

  it('E_STATUS_DATE: a project under way needs its start, a finished one its end too', async () => {
    await expectChangeRejected('projects', 1, {start_date: ''}, 'E_STATUS_DATE', {status: 'in_progress'});
    const checked = await expectChangeRejected('projects', 0, {end_date: ''}, 'E_STATUS_DATE', {status: 'completed'});
    expect(checked.report.zh).toContain('项目状态为完工时不能为空 [E_STATUS_DATE]');
    expect(checked.report.en).toContain('must not be empty for a project whose status is completed [E_STATUS_DATE]');
    await expectChangeRejected('projects', 0, {start_date: '', status: 'accepted'}, 'E_STATUS_DATE', {
      status: 'accepted'
    });
  });
});

describe('targets.csv', () => {
  const target = (indicator_id: string, value: string) => ({
    indicator_id,
    region_code: '360726',
    year: '2021',
    target: value,
    direction: '>=',
    source: '示例'
  });

  it('reads a share target written 95%, ９５％ or 0.95 as the same fraction', async () => {
    const input = await writeInput({
      ...minimalInput(),
      targets: [
        target('family_doctor_rate', '95%'),
        target('safe_water_rate', '９５％'),
        target('medical_insurance_rate', '0.95')
      ]
    });
    const units = new Map(
      ['family_doctor_rate', 'safe_water_rate', 'medical_insurance_rate'].map((id) => [id, 'percent'])
    );
    const {problems, rows} = await validateFolder(input, {indicatorUnits: units}, async (connection, log) => ({
      problems: log.problems(),
      rows: await readRows(connection, 'SELECT indicator_id, target FROM targets ORDER BY line')
    }));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.target)).toEqual([0.95, 0.95, 0.95]);
  });

  it('E_TARGET_UNIT: a percent sign on an indicator that is not a share, naming its unit', async () => {
    const checked = await checkTables({...minimalInput(), targets: [target('collective_income', '95%')]});
    expect(checked.problems).toContainEqual(
      expect.objectContaining({
        code: 'E_TARGET_UNIT',
        column: 'target',
        value: '95%',
        params: {indicator: 'collective_income', unit: 'yuan'}
      })
    );
    expect(checked.report.zh).toContain('带百分号，但指标 collective_income 的单位是元，不是比例 [E_TARGET_UNIT]');
    expect(checked.report.en).toContain('indicator collective_income is measured in yuan, not as a share');
  });

  it('E_RANGE: a share target above 1 written without a percent sign (95 is not 95%)', async () => {
    const checked = await checkTables({...minimalInput(), targets: [target('family_doctor_rate', '95')]});
    expect(checked.problems).toContainEqual(
      expect.objectContaining({code: 'E_RANGE', column: 'target', params: {rule: '0–1 (0%–100%)'}})
    );
  });

  it('E_NUMBER: a target that is no number at all', async () => {
    const checked = await checkTables({...minimalInput(), targets: [target('collective_income', '五万')]});
    expect(checked.problems).toContainEqual(expect.objectContaining({code: 'E_NUMBER', column: 'target'}));
  });
});
