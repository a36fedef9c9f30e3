/**
 * The contract's rule that a project's 责任单位 and 资产权属 name an office
 * and its 监督电话 is an office line, checked against the households' own
 * names, ID and phone numbers: `check` finds what the build's scans would.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {formatReport, reportJson} from '../../../pipelines/validate/format-report.ts';
import {formatProblem} from '../../../pipelines/lib/error-codes.ts';
import {personalDataCandidates} from '../../../pipelines/validate/personal-data-in-projects.ts';
import {checkTables} from './check-folder.ts';
import {type CsvStyle, lineOf, minimalInput, removeInputs, toCsv} from './input-folder.ts';

afterAll(removeInputs);

describe('personalDataCandidates', () => {
  it('takes a whole office text shaped like a name, and ID and phone numbers from any text', () => {
    expect(personalDataCandidates('responsible_unit', ' 肖荣华 ')).toEqual([{kind: 'name', token: '肖荣华'}]);
    expect(personalDataCandidates('asset_owner', '阿卜杜·热合曼')).toEqual([{kind: 'name', token: '阿卜杜·热合曼'}]);
    expect(personalDataCandidates('asset_owner', '阿卜杜•热合曼')).toEqual([{kind: 'name', token: '阿卜杜·热合曼'}]);
    expect(personalDataCandidates('responsible_unit', '李科')).toEqual([{kind: 'name', token: '李科'}]);
    expect(personalDataCandidates('hotline', '+86 139-1234-5671')).toEqual([{kind: 'phone', token: '13912345671'}]);
    expect(personalDataCandidates('name', '脐橙基地（联系人 36072619800101123x）')).toEqual([
      {kind: 'id_number', token: '36072619800101123X'}
    ]);
    // Two numbers in one text, one number after another's dash, full-width digits, an ID in its groups.
    for (const text of ['0797-5900199 13912345671', '12317-13912345671', '１３９１２３４５６７１']) {
      expect(personalDataCandidates('hotline', text), text).toContainEqual({kind: 'phone', token: '13912345671'});
    }
    expect(personalDataCandidates('name', '联系人 360726 19800101 1233')).toContainEqual({
      kind: 'id_number',
      token: '360726198001011233'
    });
  });

  it('leaves offices, office lines and project names alone', () => {
    for (const [column, text] of [
      ['responsible_unit', '安远县农业农村局'],
      ['responsible_unit', '欣山镇人民政府'],
      ['asset_owner', '村集体'],
      ['hotline', '12317'],
      ['hotline', '0797-5900199'],
      ['name', '肖荣华']
    ] as const) {
      expect(personalDataCandidates(column, text), text).toEqual([]);
    }
  });
});

describe('check', () => {
  const broken = () => {
    const input = minimalInput();
    input.households[1]!.head_name = '肖荣华';
    input.projects[1]!.responsible_unit = '肖荣华';
    input.projects[0]!.hotline = '139-1234-5671'; // the phone of H0001
    input.projects[0]!.name = `东门村道路硬化（联系人 ${input.households[2]!.id_number}）`;
    // An office whose name is a name no household has is no one's personal data.
    input.projects[0]!.asset_owner = '钟秀英';
    return input;
  };

  for (const style of [{}, {encoding: 'gbk', chinese: true, newline: '\r\n'}] as CsvStyle[]) {
    it(`names each project text holding a household's name, ID or phone, never the value (${style.encoding ?? 'utf8'})`, async () => {
      const input = broken();
      const checked = await checkTables(input, style);
      expect(checked.faults.map((f) => `${f.file}:${f.line} ${f.column} ${f.code} ${f.params?.kind}`)).toEqual([
        `projects.csv:${lineOf(0)} name E_PERSONAL_DATA id_number`,
        `projects.csv:${lineOf(0)} hotline E_PERSONAL_DATA phone`,
        `projects.csv:${lineOf(1)} responsible_unit E_PERSONAL_DATA name`
      ]);
      // The rows are not rejected: a project cannot be left out of a disclosure, it must be corrected.
      expect(checked.problems).toEqual([]);
      const printed = [
        checked.report.zh,
        ...checked.faults.flatMap((f) => [formatProblem(f, 'zh'), formatProblem(f, 'en')])
      ].join('\n');
      expect(printed).toContain(
        'projects.csv:3 列 responsible_unit: 填写了住户的姓名：此列随项目公开发布 [E_PERSONAL_DATA]'
      );
      expect(printed).toContain('projects.csv:2 column hotline: holds a household’s phone');
      for (const value of ['肖荣华', '1391234567', input.households[2]!.id_number!])
        expect(printed).not.toContain(value);
      expect(formatReport(checked.files, checked.problems, 'en')).not.toContain('肖荣华');
      const json = reportJson(checked.files, checked.problems, checked.faults);
      expect((JSON.parse(json) as {faults: unknown[]}).faults).toHaveLength(3);
      expect(json).not.toContain('肖荣华');
    });
  }

  it('reads a households file that DuckDB refuses (bare CR line ends) with the streaming reader', async () => {
    const input = broken();
    const households = toCsv('households', input.households).replaceAll('\n', '\r');
    const checked = await checkTables(input, {}, {'households.csv': households});
    expect(checked.faults.map((f) => `${f.line} ${f.column}`)).toEqual([
      `${lineOf(0)} name`,
      `${lineOf(0)} hotline`,
      `${lineOf(1)} responsible_unit`
    ]);
  });

  it('compares names as the scans do, whatever white space pads them in the register', async () => {
    const input = minimalInput();
    input.households[1]!.head_name = '肖\u00a0荣华';
    input.projects[1]!.responsible_unit = ' 肖荣华';
    input.projects[0]!.hotline = '１３９１２３４５６７１';
    const checked = await checkTables(input);
    expect(checked.faults.map((f) => `${f.line} ${f.column} ${f.params?.kind}`)).toEqual([
      `${lineOf(0)} hotline phone`,
      `${lineOf(1)} responsible_unit name`
    ]);
  });

  it('finds nothing in a folder whose projects name offices, or whose households have no personal columns', async () => {
    expect((await checkTables(minimalInput())).faults).toEqual([]);
    const input = broken();
    for (const household of input.households) {
      delete household.head_name;
      delete household.id_number;
      delete household.phone;
    }
    expect((await checkTables(input)).faults).toEqual([]);
  });
});
