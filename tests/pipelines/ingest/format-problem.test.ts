import {describe, expect, it} from 'vitest';
import {ERROR_CODES, formatProblem} from '../../../pipelines/lib/error-codes.ts';
import {PipelineError} from '../../../pipelines/lib/pipeline-error.ts';
import {isCliError} from '../../../pipelines/lib/cli-error.ts';

// Lives beside the ingest tests until tests/pipelines/lib/ exists; it covers pipelines/lib/error-codes.ts.
describe('formatProblem', () => {
  const problem = {
    code: 'E_RANGE',
    file: 'households.csv',
    line: 1043,
    column: 'members',
    value: '0',
    params: {rule: '≥ 1'}
  } as const;

  it('renders the contract example in Chinese and English, with a hint line', () => {
    expect(formatProblem(problem, 'zh', {hint: false})).toBe(
      'households.csv:1043 列 members: 值 "0" 必须 ≥ 1 [E_RANGE]'
    );
    expect(formatProblem(problem, 'en', {hint: false})).toBe(
      'households.csv:1043 column members: value "0" must be ≥ 1 [E_RANGE]'
    );
    expect(formatProblem(problem).split('\n')).toEqual([
      'households.csv:1043 列 members: 值 "0" 必须 ≥ 1 [E_RANGE]',
      '  提示：检查数值和单位'
    ]);
  });

  it('never prints the value of a PII column, even when given one', () => {
    const pii = {
      code: 'E_REQUIRED',
      file: 'households.csv',
      line: 7,
      column: 'id_number',
      value: '360702199001011234'
    } as const;
    expect(formatProblem(pii, 'en')).not.toContain('3607021990');
    expect(formatProblem(pii, 'en', {hint: false})).toBe(
      'households.csv:7 column id_number: must not be empty [E_REQUIRED]'
    );
  });

  it('spells out characters that print as nothing, so a cell does not look empty (black-box finding)', () => {
    const problem = {
      code: 'E_INTEGER',
      file: 'households.csv',
      line: 3,
      column: 'labor_count',
      value: '\u200b'
    } as const;
    expect(formatProblem(problem, 'en', {hint: false})).toBe(
      'households.csv:3 column labor_count: value "\\u200b" is not a whole number [E_INTEGER]'
    );
  });

  it('keeps a value with quotes or line breaks on one line and shortens long ones', () => {
    expect(
      formatProblem({code: 'E_DATE', file: 'f.csv', line: 2, column: 'd', value: 'a"\nb'}, 'en', {hint: false})
    ).toBe('f.csv:2 column d: value "a\\"\\nb" is not a valid date [E_DATE]');
    expect(formatProblem({code: 'E_DATE', file: 'f.csv', value: 'x'.repeat(200)}, 'en')).toContain(
      `${'x'.repeat(80)}…"`
    );
  });

  it('puts the words a problem carries as params in the language of the report, lists item by item', () => {
    const leak = {
      code: 'E_PII_LEAK',
      file: 'data/projects.csv',
      params: {count: 2, kinds: 'name, phone', first: 'x'}
    } as const;
    expect(formatProblem(leak, 'zh', {hint: false})).toContain('2 处个人信息（姓名、电话）');
    expect(formatProblem(leak, 'en', {hint: false})).toContain('personal data (name, phone) found 2 times');
    // The input's own text is quoted as written, even where it is one of those words.
    const twice = {
      code: 'E_DUPLICATE_COLUMN',
      file: 'households.csv',
      params: {first: 'phone', second: '联系电话'}
    } as const;
    expect(formatProblem(twice, 'zh', {hint: false})).toContain('（"phone" 和 "联系电话"）');
    const missing = {code: 'E_MISSING_FILE', file: 'regions.csv', params: {folder: 'village'}} as const;
    expect(formatProblem(missing, 'zh', {hint: false})).toContain('输入目录 village 中');
    const range = {code: 'E_RANGE', file: 'funds.csv', line: 3, params: {rule: '> 0, ≤ 2 decimals'}} as const;
    expect(formatProblem(range, 'zh', {hint: false})).toBe('funds.csv:3 必须 > 0，且最多两位小数 [E_RANGE]');
  });

  it('has a message and hint in both languages for every code', () => {
    for (const template of Object.values(ERROR_CODES)) {
      for (const text of [template.message.zh, template.message.en, template.hint.zh, template.hint.en])
        expect(text).not.toBe('');
    }
  });
});

describe('PipelineError', () => {
  it('is a CliError with exit status 1, a Chinese message and an English rendering', () => {
    const error = new PipelineError({code: 'E_MISSING_COLUMN', file: 'regions.csv', params: {columns: 'level (级别)'}});
    expect(isCliError(error)).toBe(true);
    expect(error).toMatchObject({code: 'E_MISSING_COLUMN', exitCode: 1});
    expect(error.message).toMatch(/^regions\.csv 缺少必需列 level \(级别\) \[E_MISSING_COLUMN\]/);
    expect(error.format('en')).toMatch(/^regions\.csv missing required column level \(级别\) \[E_MISSING_COLUMN\]/);
  });
});
