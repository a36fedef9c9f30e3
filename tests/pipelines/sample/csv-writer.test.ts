import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {csvCell, openCsvWriter} from '../../../pipelines/sample/csv-writer.ts';
import type {ColumnSpec} from '../../../src/lib/input-tables.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongshi-csv-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const columns: ColumnSpec[] = [
  {name: 'name', alias: '名称', type: 'string', required: true},
  {name: 'n', alias: '数', type: 'int', required: true},
  {name: 'flag', alias: '是否', type: 'bool', required: false}
];

describe('csv writer', () => {
  it('quotes only what RFC 4180 requires', () => {
    expect(csvCell('2;3')).toBe('2;3');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(true)).toBe('1');
    expect(csvCell(null)).toBe('');
  });

  it('writes comment lines, the header and rows, UTF-8 without BOM and with LF', async () => {
    const path = join(dir, 'a.csv');
    const writer = openCsvWriter(path, columns, ['合成 synthetic']);
    writer.push({name: '下魏村"一村一品",项目', n: 3, flag: false});
    writer.pushCells(['x', 1, undefined]);
    expect(await writer.close()).toBe(2);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.toString('utf8')).toBe('# 合成 synthetic\nname,n,flag\n"下魏村""一村一品"",项目",3,0\nx,1,\n');
  });

  it('refuses a row whose columns drift from the contract', () => {
    const writer = openCsvWriter(join(dir, 'b.csv'), columns, []);
    expect(() => writer.push({name: 'x', n: 1})).toThrow(/missing flag/);
    writer.abort();
  });
});
