import Papa from 'papaparse';
import {describe, expect, it} from 'vitest';
import type {ResultColumn} from '../../../src/lib/query-result-types.ts';
import {resultCsv} from '../../../src/client/result-csv.ts';

const columns: ResultColumn[] = [
  {name: '县', kind: 'string', type: 'Utf8'},
  {name: 'amount', kind: 'number', type: 'Float64'},
  {name: 'note', kind: 'string', type: 'Utf8'}
];

describe('resultCsv', () => {
  it('writes UTF-8 CSV with a BOM that parses back to the same cells, NULL as empty', () => {
    const rows = [
      ['安远县', 1012979.37, 'a, "quoted"\nnote'],
      ['寻乌县', null, '=1+1']
    ];
    const text = resultCsv(columns, rows);
    expect(text.startsWith('\uFEFF县,amount,note\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), {skipEmptyLines: true}).data;
    expect(parsed).toEqual([
      ['县', 'amount', 'note'],
      ['安远县', '1012979.37', 'a, "quoted"\nnote'],
      ['寻乌县', '', '=1+1']
    ]);
  });

  it('keeps a NULL row of a one-column result as a row', () => {
    const text = resultCsv([columns[0]!], [['a'], [null]]);
    // Quoted, so that readers which skip blank lines (pandas, Excel) still see the row.
    expect(text).toBe('\uFEFF县\r\na\r\n""\r\n');
  });

  it('writes only the header for an empty result', () => {
    expect(resultCsv(columns, [])).toBe('\uFEFF县,amount,note\r\n');
  });
});
