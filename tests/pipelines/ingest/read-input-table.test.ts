import iconv from 'iconv-lite';
import {describe, expect, it} from 'vitest';
import {inputTable} from '../../../src/lib/input-tables.ts';
import {readInputTable} from '../../../pipelines/ingest/read-input-table.ts';
import type {IngestedRow} from '../../../pipelines/ingest/read-input-table.ts';
import type {Problem} from '../../../pipelines/lib/error-codes.ts';
import {isPipelineError} from '../../../pipelines/lib/pipeline-error.ts';
import {fixtureFolder} from './fixture-folder.ts';

const regions = inputTable('regions');

async function read(files: Record<string, string | Uint8Array>, table = regions) {
  const folder = await fixtureFolder(files);
  const rows: IngestedRow[] = [];
  const problems: Problem[] = [];
  const result = await readInputTable(
    folder,
    table,
    (row) => rows.push(row),
    (problem) => problems.push(problem)
  );
  return {result, rows, problems, folder};
}

/** The Problem of the PipelineError that reading `files` throws. */
async function fault(files: Record<string, string | Uint8Array>, table = regions): Promise<Problem> {
  try {
    await read(files, table);
  } catch (error) {
    if (isPipelineError(error)) return error.problem;
    throw error;
  }
  throw new Error('expected a PipelineError');
}

describe('readInputTable', () => {
  it('reads a GBK file with Chinese headers and CRLF line ends, Chinese text intact', async () => {
    const text =
      '区划代码,名称,级别,上级代码,是否贫困村\r\n3607,赣州市,市,,\r\n360702,章贡区,县,3607,\r\n' +
      '360702001001,水东村,村,360702001,是\r\n';
    const {result, rows} = await read({'regions.csv': iconv.encode(text, 'gbk')});
    expect(result).toMatchObject({encoding: 'gb18030', rowsRead: 3, rowsRejected: 0, unknownColumns: []});
    expect(rows.map(({line, values}) => ({line, values}))).toEqual([
      {line: 2, values: {code: '3607', name: '赣州市', level: 'city', parent_code: null, poor_village: null}},
      {line: 3, values: {code: '360702', name: '章贡区', level: 'county', parent_code: '3607', poor_village: null}},
      {
        line: 4,
        values: {code: '360702001001', name: '水东村', level: 'village', parent_code: '360702001', poor_village: true}
      }
    ]);
    // The cells as written travel with the values, for the report.
    expect(rows[2]!.raw).toEqual({
      code: '360702001001',
      name: '水东村',
      level: '村',
      parent_code: '360702001',
      poor_village: '是'
    });
  });

  it('reads UTF-8 with a BOM, columns in any order, and lists unknown columns', async () => {
    const text = '\uFEFFparent_code, 备注 ,名称,level,　code　\n,根,赣州市,city,3607\n';
    const {result, rows} = await read({'regions.csv': text});
    expect(result).toMatchObject({encoding: 'utf8', rowsRead: 1, unknownColumns: ['备注'], missing: false});
    expect(rows[0]).toEqual({
      line: 2,
      values: {parent_code: null, name: '赣州市', level: 'city', code: '3607'},
      raw: {parent_code: '', name: '赣州市', level: 'city', code: '3607'}
    });
  });

  it('skips leading comment lines, counts them in line numbers and flags a synthetic sample', async () => {
    const text = '# 合成示例数据：不是真实数据\n\ncode,name,level,parent_code\n3607,赣州市,city,\n';
    const {result, rows} = await read({'regions.csv': text});
    expect(result.synthetic).toBe(true);
    expect(rows.map((r) => r.line)).toEqual([4]);
  });

  it('keeps physical line numbers after quoted fields holding line breaks', async () => {
    const text =
      'code,name,level,parent_code\r\n3607,"赣州\r\n市",city,\r\n360702,"章贡\n\n区",county,3607\r\n360703,南康区,county,3607\r\n';
    const {rows} = await read({'regions.csv': text});
    expect(rows.map((r) => [r.line, r.values.name])).toEqual([
      [2, '赣州\r\n市'],
      [4, '章贡\n\n区'],
      [7, '南康区']
    ]);
  });

  it('rejects bad rows with their line, column and value, counting each row once', async () => {
    const text =
      'code,name,level,parent_code,poor_village\n3607,赣州市,city,,\n1,x,乡,,maybe\n2,y\n\n3,z,county,3607,否\n';
    const {result, rows, problems} = await read({'regions.csv': text});
    expect(result).toMatchObject({rowsRead: 4, rowsRejected: 2, blankRows: 1});
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
    expect(problems).toEqual([
      {
        code: 'E_ENUM',
        file: 'regions.csv',
        line: 3,
        column: 'level',
        value: '乡',
        params: {allowed: 'province 省, city 市, county 县, township 乡镇, village 村'}
      },
      {code: 'E_BOOLEAN', file: 'regions.csv', line: 3, column: 'poor_village', value: 'maybe', params: undefined},
      {code: 'E_COLUMN_COUNT', file: 'regions.csv', line: 4, params: {expected: 5, actual: 2}}
    ]);
  });

  it('faults a missing required column, naming it, its alias and the file', async () => {
    const problem = await fault({'regions.csv': 'code,名称,parent_code\n3607,赣州市,\n'});
    expect(problem).toMatchObject({code: 'E_MISSING_COLUMN', file: 'regions.csv', params: {columns: 'level (级别)'}});
  });

  it('faults a column given twice, by name and by alias', async () => {
    const problem = await fault({'regions.csv': 'code,name,level,parent_code,名称\n'});
    expect(problem).toMatchObject({code: 'E_DUPLICATE_COLUMN', line: 1, column: 'name'});
  });

  it('faults undecodable bytes, naming the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('code,name,level,parent_code\n3607,'),
      Buffer.from([0xff, 0x80, 0xff]),
      Buffer.from(',city,\n')
    ]);
    expect(await fault({'regions.csv': bytes})).toMatchObject({code: 'E_ENCODING', line: 2});
  });

  it('faults a file that mixes UTF-8 and GBK lines', async () => {
    const bytes = Buffer.concat([
      Buffer.from('code,name,level,parent_code\n3607,赣州市,city,\n'),
      iconv.encode('360702,章贡区,county,3607\n', 'gbk')
    ]);
    expect(await fault({'regions.csv': bytes})).toMatchObject({code: 'E_ENCODING', line: 3});
  });

  it('faults broken quoting, naming the line', async () => {
    const unclosed =
      'code,name,level,parent_code\n3607,赣州市,city,\n360702,"章贡区,county,3607\n360703,南康区,county,3607\n';
    expect(await fault({'regions.csv': unclosed})).toMatchObject({code: 'E_QUOTING', line: 3});
    const trailing = 'code,name,level,parent_code\n3607,"赣州"市,city,\n';
    expect(await fault({'regions.csv': trailing})).toMatchObject({code: 'E_QUOTING', line: 2});
  });

  it('faults an empty file, and one holding only comments', async () => {
    expect(await fault({'regions.csv': ''})).toMatchObject({code: 'E_EMPTY_FILE'});
    expect(await fault({'regions.csv': '\uFEFF# 合成示例数据\r\n\r\n'})).toMatchObject({code: 'E_EMPTY_FILE'});
  });

  it('faults an Excel workbook saved under a .csv name', async () => {
    expect(await fault({'regions.csv': Buffer.from('PK\x03\x04rest of a zip', 'latin1')})).toMatchObject({
      code: 'E_NOT_CSV'
    });
  });

  it('faults a missing required file; an optional one reads as missing', async () => {
    expect(await fault({})).toMatchObject({code: 'E_MISSING_FILE', file: 'regions.csv'});
    const {result} = await read({}, inputTable('targets'));
    expect(result).toMatchObject({file: 'targets.csv', missing: true, rowsRead: 0});
  });
});
