/**
 * Rules of regions.csv (data contract, section 1): codes of 2/4/6/9/12 digits
 * by level, unique; every region but the top one (the province, or the city
 * where there is none) has an accepted parent exactly one level up whose code
 * begins its own, so the accepted regions form one tree.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {accountOf, checkTables, expectRejected} from './check-folder.ts';
import {type Row, lineOf, minimalInput, removeInputs} from './input-folder.ts';

afterAll(removeInputs);

/** The minimal folder plus `extra` regions after its five, which nothing else refers to. */
function withRegions(...extra: Row[]) {
  const input = minimalInput();
  input.regions.push(...extra);
  return input;
}

const village = (code: string, parent_code: string): Row => ({code, name: '南门村', level: 'village', parent_code});

/** The minimal folder with 江西省 (`36`, parent `provinceParent`) after its five, its city's parent `cityParent`. */
function underProvince(cityParent: string, provinceParent = '') {
  const input = minimalInput();
  input.regions[0]!.parent_code = cityParent;
  input.regions.push({code: '36', name: '江西省', level: 'province', parent_code: provinceParent});
  return input;
}

describe('regions.csv', () => {
  it('E_CODE_FORMAT: a village code that is not 12 digits', async () => {
    const checked = await checkTables(withRegions(village('36072610103', '360726101')));
    expectRejected(checked, {
      code: 'E_CODE_FORMAT',
      file: 'regions',
      line: lineOf(5),
      column: 'code',
      value: '36072610103',
      params: {level: 'village', digits: 12}
    });
    expect(accountOf(checked, 'regions').rowsAccepted).toBe(5);
    expect(checked.report.zh).toContain('值 "36072610103" 格式不对：村级代码应为 12 位数字 [E_CODE_FORMAT]');
    expect(checked.report.en).toContain('value "36072610103" has the wrong format: a village code has 12 digits');
  });

  it('E_DUPLICATE: a code twice rejects both rows, each naming the other line', async () => {
    const copy = village('360726101003', '360726101');
    const checked = await checkTables(withRegions(copy, {...copy}));
    const duplicate = {code: 'E_DUPLICATE', file: 'regions', column: 'code', value: '360726101003'} as const;
    expectRejected(
      checked,
      {...duplicate, line: lineOf(5), params: {firstLine: lineOf(6), key: 'code'}},
      {rejected: 2}
    );
    expectRejected(
      checked,
      {...duplicate, line: lineOf(6), params: {firstLine: lineOf(5), key: 'code'}},
      {rejected: 2}
    );
  });

  it('E_UNKNOWN_PARENT: a parent code not in the file', async () => {
    const checked = await checkTables(withRegions(village('360726102001', '360726102')));
    expectRejected(checked, {
      code: 'E_UNKNOWN_PARENT',
      file: 'regions',
      line: lineOf(5),
      column: 'parent_code',
      value: '360726102'
    });
  });

  it('E_UNKNOWN_PARENT: an empty parent below the city', async () => {
    const checked = await checkTables(withRegions({code: '360727', name: '龙南市', level: 'county', parent_code: ''}));
    expectRejected(checked, {
      code: 'E_UNKNOWN_PARENT',
      file: 'regions',
      line: lineOf(5),
      column: 'parent_code',
      value: ''
    });
  });

  it('E_PARENT_LEVEL: a village whose parent is a county', async () => {
    const checked = await checkTables(withRegions(village('360726101003', '360726')));
    expectRejected(checked, {
      code: 'E_PARENT_LEVEL',
      file: 'regions',
      line: lineOf(5),
      column: 'parent_code',
      value: '360726',
      params: {expected: 'township', actual: 'county'}
    });
    expect(checked.report.zh).toContain('上级应为乡镇级，实际为县级 [E_PARENT_LEVEL]');
    expect(checked.report.en).toContain('the parent must be a township, not a county [E_PARENT_LEVEL]');
  });

  it('E_PARENT_PREFIX: a parent one level up whose code does not begin the child’s', async () => {
    const checked = await checkTables(withRegions(village('360726102001', '360726101')));
    expectRejected(checked, {
      code: 'E_PARENT_PREFIX',
      file: 'regions',
      line: lineOf(5),
      column: 'parent_code',
      value: '360726101',
      params: {code: '360726102001'}
    });
    expect(checked.report.zh).toContain('值 "360726101" 不是本行代码 360726102001 的开头 [E_PARENT_PREFIX]');
  });

  it('E_ROOT_PARENT: the city of a city’s file with a parent, even its province as the official lists give', async () => {
    const input = minimalInput();
    input.regions[0]!.parent_code = '36';
    const checked = await checkTables(input);
    expectRejected(
      checked,
      {
        code: 'E_ROOT_PARENT',
        file: 'regions',
        line: lineOf(0),
        column: 'parent_code',
        value: '36',
        params: {level: 'city'}
      },
      {rejected: 5}
    );
    expect(checked.report.zh).toContain('市为最高一级，不应填上级代码 [E_ROOT_PARENT]');
    expect(checked.report.en).toContain('the city is the top level and has no parent [E_ROOT_PARENT]');
  });

  it('E_SECOND_ROOT: a second city without a parent, naming the first', async () => {
    const checked = await checkTables(withRegions({code: '3608', name: '吉安市', level: 'city', parent_code: ''}));
    expectRejected(checked, {
      code: 'E_SECOND_ROOT',
      file: 'regions',
      line: lineOf(5),
      column: 'code',
      value: '3608',
      params: {firstLine: lineOf(0), level: 'city'}
    });
    expect(checked.report.zh).toContain(`第 ${lineOf(0)} 行已是没有上级的市级区划；一份数据只能有一个最高一级区划`);
    expect(accountOf(checked, 'regions').rowsAccepted).toBe(5);
  });

  it('accepts a province above the city: the province is then the top, and the city must name it', async () => {
    const accepted = await checkTables(underProvince('36'));
    expect(accountOf(accepted, 'regions')).toMatchObject({rowsAccepted: 6, rowsRejected: 0});

    const checked = await checkTables(underProvince(''));
    expectRejected(
      checked,
      {
        code: 'E_SECOND_ROOT',
        file: 'regions',
        line: lineOf(0),
        column: 'parent_code',
        value: '',
        params: {firstLine: lineOf(5), level: 'province'}
      },
      {rejected: 5}
    );
    expect(checked.report.zh).toContain(`第 ${lineOf(5)} 行已是没有上级的省级区划`);
  });

  it('E_ROOT_PARENT: a province with a parent', async () => {
    const checked = await checkTables(underProvince('36', '3607'));
    expectRejected(
      checked,
      {
        code: 'E_ROOT_PARENT',
        file: 'regions',
        line: lineOf(5),
        column: 'parent_code',
        value: '3607',
        params: {level: 'province'}
      },
      {rejected: 6}
    );
    expect(checked.report.zh).toContain('省为最高一级，不应填上级代码 [E_ROOT_PARENT]');
  });

  it('rejects the children of a rejected region, and rows of other files that point into them', async () => {
    const input = minimalInput();
    input.regions[2]!.parent_code = '3607';
    const checked = await checkTables(input);
    expectRejected(
      checked,
      {code: 'E_PARENT_LEVEL', file: 'regions', line: lineOf(2), column: 'parent_code', value: '3607'},
      {rejected: 3}
    );
    for (const index of [3, 4]) {
      expectRejected(checked, {code: 'E_UNKNOWN_PARENT', file: 'regions', line: lineOf(index)}, {rejected: 3});
    }
    expect(accountOf(checked, 'regions').rowsAccepted).toBe(2);
    expect(accountOf(checked, 'households')).toMatchObject({rowsAccepted: 0, rejectedByCode: {E_UNKNOWN_VILLAGE: 4}});
    expect(accountOf(checked, 'villages')).toMatchObject({rowsAccepted: 0, rejectedByCode: {E_UNKNOWN_VILLAGE: 2}});
    expect(accountOf(checked, 'projects')).toMatchObject({rowsAccepted: 0, rejectedByCode: {E_UNKNOWN_REGION: 2}});
    expect(accountOf(checked, 'funds')).toMatchObject({rowsAccepted: 1, rejectedByCode: {E_UNKNOWN_REGION: 1}});
  });
});
