import {describe, expect, it} from 'vitest';
import {inputTable} from '../../../src/lib/input-tables.ts';
import {mapHeaders, normalizeHeader} from '../../../pipelines/ingest/map-headers.ts';

describe('normalizeHeader', () => {
  it.each([
    ['\uFEFFcode', 'code'],
    ['  Year ', 'year'],
    ['\u3000年度\u3000', '年度'],
    ['ｍｅｍｂｅｒｓ', 'members']
  ])('%j -> %j', (text, expected) => expect(normalizeHeader(text)).toBe(expected));
});

describe('mapHeaders', () => {
  const households = inputTable('households');
  const header = households.columns.map((c, i) => (i % 2 ? c.alias : c.name.toUpperCase())).reverse();

  it('maps names and aliases in any order, sets PII columns apart and lists unknown ones', () => {
    const mapping = mapHeaders([...header, '备注', ''], households);
    expect(mapping.width).toBe(header.length + 2);
    expect(mapping.piiColumns.sort()).toEqual(['head_name', 'id_number', 'phone']);
    expect(mapping.unknownColumns).toEqual(['备注', `#${header.length + 2}`]);
    const found = Object.fromEntries(mapping.columns.map(({index, column}) => [column.name, index]));
    expect(found.dropout_children).toBe(0);
    expect(Object.keys(found)).toHaveLength(households.columns.length - 3);
  });

  it('names every missing required column with its alias', () => {
    const without = header.filter((h) => !['家庭人口数', 'MEMBERS', 'YEAR', '年度'].includes(h));
    expect(() => mapHeaders(without, households)).toThrow(/year \(年度\), members \(家庭人口数\)/);
  });

  it('does not require optional columns', () => {
    const optional = new Set(
      households.columns.filter((c) => !c.required).flatMap((c) => [c.name.toUpperCase(), c.alias])
    );
    expect(
      mapHeaders(
        header.filter((h) => !optional.has(h)),
        households
      ).piiColumns
    ).toEqual([]);
  });
});
