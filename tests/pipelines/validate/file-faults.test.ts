/**
 * File-level rules of the data contract (section 1, "Reading rules"): a
 * fault in a whole file stops the run with a stable code naming the file and,
 * where there is one, the line. So does rejecting more than 1% of a file.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {DEFAULT_REJECTED_SHARE} from '../../../pipelines/validate/rejected-share.ts';
import {accountOf, checkTables, expectFault} from './check-folder.ts';
import {type InputTables, type Row, minimalInput, removeInputs, toCsv} from './input-folder.ts';

afterAll(removeInputs);

describe('a valid folder', () => {
  it('is publishable: every row accepted, no problem, no fault, targets.csv optional', async () => {
    const checked = await checkTables(minimalInput());
    expect(checked.problems).toEqual([]);
    expect(checked.faults).toEqual([]);
    expect(checked.files.map((f) => [f.file, f.rowsRead, f.rowsAccepted, f.present])).toEqual([
      ['regions.csv', 5, 5, true],
      ['funds.csv', 2, 2, true],
      ['villages.csv', 2, 2, true],
      ['projects.csv', 2, 2, true],
      ['targets.csv', 0, 0, false],
      ['households.csv', 4, 4, true]
    ]);
  });
});

describe('file-level faults stop the run', () => {
  it('E_MISSING_FILE: a required file is absent', async () => {
    const tables: InputTables = minimalInput();
    delete tables.funds;
    await expectFault(tables, {code: 'E_MISSING_FILE', file: 'funds'});
  });

  it('E_MISSING_FILE: households.csv (read by DuckDB when present) is absent', async () => {
    const tables: InputTables = minimalInput();
    delete tables.households;
    await expectFault(tables, {code: 'E_MISSING_FILE', file: 'households'});
  });

  it('E_EMPTY_FILE: no header row (comment and blank lines do not count)', async () => {
    const problem = await expectFault(
      minimalInput(),
      {code: 'E_EMPTY_FILE', file: 'villages'},
      {
        'villages.csv': '# 导出于 2022-01-05\n\n'
      }
    );
    expect(problem.line).toBeUndefined();
  });

  it('E_ENCODING: bytes that are neither UTF-8 nor GBK, named by their line', async () => {
    const text = toCsv('projects', minimalInput().projects);
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from('P2021-03,2021,'), Buffer.from([0xff, 0xfe, 0x0a])]);
    await expectFault(minimalInput(), {code: 'E_ENCODING', file: 'projects', line: 4}, {'projects.csv': bytes});
  });

  it('E_NOT_CSV: an Excel workbook saved under a .csv name', async () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    await expectFault(minimalInput(), {code: 'E_NOT_CSV', file: 'funds'}, {'funds.csv': xlsx});
  });

  it('E_QUOTING: a quoted value never closed, named by the line it starts on', async () => {
    const text = toCsv('projects', minimalInput().projects).replace(',欣山镇脐橙基地,', ',"欣山镇脐橙基地,');
    await expectFault(minimalInput(), {code: 'E_QUOTING', file: 'projects', line: 3}, {'projects.csv': text});
  });

  it('E_RECORD_TOO_LONG: a line longer than the reader will hold', async () => {
    const text = toCsv('villages', minimalInput().villages) + 'x'.repeat(17 << 20);
    await expectFault(minimalInput(), {code: 'E_RECORD_TOO_LONG', file: 'villages', line: 4}, {'villages.csv': text});
  });

  it('E_MISSING_COLUMN: a required column absent under both names, listed with its alias', async () => {
    const input = minimalInput();
    for (const row of input.households) delete row.members;
    const problem = await expectFault(input, {code: 'E_MISSING_COLUMN', file: 'households'});
    expect(problem.params?.columns).toBe('members (家庭人口数)');
  });

  it('E_DUPLICATE_COLUMN: one column named twice (English and Chinese), on the header line', async () => {
    const input = minimalInput();
    for (const row of input.villages) row['年度'] = row.year!;
    const problem = await expectFault(input, {code: 'E_DUPLICATE_COLUMN', file: 'villages', line: 1, column: 'year'});
    expect(problem.params).toEqual({first: 'year', second: '年度'});
  });
});

describe('E_REJECTED_SHARE', () => {
  /** A folder whose households.csv has 100 rows, `bad` of them with members 0. */
  function households(bad: number) {
    const input = minimalInput();
    const template = input.households[0]!;
    input.households = Array.from({length: 100}, (_, i): Row => ({
      ...template,
      household_id: `H${String(i).padStart(4, '0')}`,
      members: i < bad ? '0' : '3',
      family_doctor_signed: '3',
      medical_insured: '3'
    }));
    return input;
  }

  it(`passes at ${100 * DEFAULT_REJECTED_SHARE}% of a file's rows and stops the run above it`, async () => {
    const atLimit = await checkTables(households(1));
    expect(accountOf(atLimit, 'households')).toMatchObject({rowsRead: 100, rowsAccepted: 99, rowsRejected: 1});
    expect(atLimit.faults).toEqual([]);

    const above = await checkTables(households(2));
    expect(accountOf(above, 'households')).toMatchObject({rowsRead: 100, rowsAccepted: 98, rowsRejected: 2});
    expect(above.faults).toEqual([
      {
        code: 'E_REJECTED_SHARE',
        file: 'households.csv',
        params: {read: 100, rejected: 2, share: '2.0%', threshold: '1.0%'}
      }
    ]);
  });
});
