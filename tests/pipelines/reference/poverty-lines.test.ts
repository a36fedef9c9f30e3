import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readPovertyLines} from '../../../pipelines/reference/poverty-lines.ts';

const folder = mkdtempSync(join(tmpdir(), 'gongshi-lines-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

function table(text: string): string {
  const file = join(mkdtempSync(join(folder, 'table-')), 'poverty-lines.csv');
  writeFileSync(file, text);
  return file;
}

describe('readPovertyLines', () => {
  it('reads the shipped table, year by year, with the source of every figure', () => {
    const lines = readPovertyLines();
    expect([...lines.keys()]).toEqual(Array.from({length: 12}, (_, i) => 2014 + i));
    expect(lines.get(2014)).toEqual({line: 2800, source: '国家农村扶贫标准（2010年不变价2300元）当年现价'});
    expect(lines.get(2021)?.source).toContain('示例值');
  });

  it('accepts a BOM, CRLF, thousands separators, blank lines and any column order', () => {
    const lines = readPovertyLines(table('\uFEFFsource,year,line\r\n甲,2019,"3,218"\r\n\r\n乙,2020,４０００\r\n'));
    expect([...lines]).toEqual([
      [2019, {line: 3218, source: '甲'}],
      [2020, {line: 4000, source: '乙'}]
    ]);
  });

  it.each([
    ['a missing column', 'year,line\n2019,3218\n', /poverty-lines\.csv 缺少列 source/],
    ['a year twice', 'year,line,source\n2019,3218,甲\n2019,3300,乙\n', /poverty-lines\.csv:3 列 year: 年份 2019 重复/],
    [
      'a bad line',
      'year,line,source\n2019,3218,甲\n2020,about 4000,乙\n',
      /poverty-lines\.csv:3 列 line: 值 "about 4000"/
    ],
    ['an empty source', 'year,line,source\n2019,3218,\n', /poverty-lines\.csv:2 列 source: 不能为空/]
  ])('rejects %s, naming file, line and column', (_, text, message) => {
    expect(() => readPovertyLines(table(text))).toThrow(message);
  });
});
