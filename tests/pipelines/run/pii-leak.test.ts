/**
 * A head of household's name in a project's name (validation looks only at
 * 责任单位, 资产权属 and 监督电话 for names: personal-data-in-projects.ts):
 * the build stops as soon as the tables are published, before the site is
 * built, naming the input file, line and column — never the value — and
 * leaves the last good output alone.
 */
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {locateCell} from '../../../pipelines/audit/locate-leak.ts';
import {formatProblem} from '../../../pipelines/lib/error-codes.ts';
import {createProgress} from '../../../pipelines/lib/progress.ts';
import {type PipelineError, isPipelineError} from '../../../pipelines/lib/pipeline-error.ts';
import {buildRelease} from '../../../pipelines/run.ts';
import {lineOf, minimalInput, removeInputs, writeInput} from '../validate/input-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-leak-'));
afterAll(async () => {
  rmSync(root, {recursive: true, force: true});
  await removeInputs();
});

describe('personal data in the published tables', () => {
  it('stops the build before the site, at the input line and column of the first leak', async () => {
    const input = minimalInput();
    input.households[1]!.head_name = '肖荣华';
    input.projects[1]!.name = '肖荣华脐橙基地';
    const out = join(root, 'site');
    writeFileSync(join(root, 'keep.txt'), '');
    let printed = '';
    const error = await buildRelease({
      input: await writeInput(input),
      out,
      lang: 'zh',
      progress: createProgress({write: (text: string) => void (printed += text)})
    }).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(isPipelineError(error)).toBe(true);
    const {problem} = error as PipelineError;
    expect(problem).toMatchObject({code: 'E_PII_LEAK', file: 'projects.csv', line: lineOf(1), column: 'name'});
    expect(problem.params!.kinds).toBe('name');
    const text = formatProblem(problem, 'zh');
    expect(text).toMatch(/^projects\.csv:3 列 name: 要发布的数据或网站中有 \d+ 处个人信息（姓名），首处在此/);
    expect(text + printed).not.toContain('肖荣华');
    expect(printed).not.toMatch(/^site/m);
    expect(readdirSync(root).sort()).toEqual(['keep.txt']);
  });
});

describe('locateCell', () => {
  const csv = '\uFEFFid,name,unit\r\nP1,"道路\n硬化",局\r\nP2,"说""明",张三\r\n';
  it('finds the record and field of an offset, across quoted line breaks and quotes', () => {
    expect(locateCell(csv, csv.indexOf('张三'))).toEqual({
      header: ['id', 'name', 'unit'],
      row: ['P2', '说"明', '张三'],
      field: 2
    });
    expect(locateCell(csv, csv.indexOf('硬化'))).toMatchObject({row: ['P1', '道路\n硬化', '局'], field: 1});
    expect(locateCell(csv, csv.indexOf('name'))).toBeUndefined();
  });
});
