/**
 * Runs `checkInput` (real DuckDB) on rows written as an input folder and
 * asserts what every check must satisfy: each file's rows read are its data
 * rows, and rows read = accepted + rejected.
 */
import {expect} from 'vitest';
import type {ErrorCode, Lang, Problem} from '../../../pipelines/lib/error-codes.ts';
import {isPipelineError} from '../../../pipelines/lib/pipeline-error.ts';
import {type CheckResult, checkInput} from '../../../pipelines/run.ts';
import {formatReport} from '../../../pipelines/validate/format-report.ts';
import type {FileAccount} from '../../../pipelines/validate/rejection-log.ts';
import {type InputTableName, inputTable} from '../../../src/lib/input-tables.ts';
import {type CsvStyle, type InputTables, type Row, lineOf, minimalInput, writeInput} from './input-folder.ts';

/** A check's result with the printed report in both languages. */
export interface Checked extends CheckResult {
  report: Record<Lang, string>;
}

/** Writes `tables` (and any raw `files`) as an input folder, checks it, and asserts the row accounting. */
export async function checkTables(
  tables: InputTables,
  style: CsvStyle = {},
  files: Record<string, string | Uint8Array> = {}
): Promise<Checked> {
  const input = await writeInput(tables, style, files);
  const result = await checkInput({input, lang: 'zh'});
  for (const account of result.files.filter((f) => f.present)) {
    expect(account.rowsRead, account.file).toBe(account.rowsAccepted + account.rowsRejected);
  }
  for (const [table, rows] of Object.entries(tables)) {
    if (!(inputTable(table as InputTableName).file in files)) {
      expect(accountOf(result, table as InputTableName).rowsRead, table).toBe(rows.length);
    }
  }
  const report = (lang: Lang) => formatReport(result.files, result.problems, lang);
  return {...result, report: {zh: report('zh'), en: report('en')}};
}

/** The accounting of one input table. */
export function accountOf(result: CheckResult, table: InputTableName): FileAccount {
  const file = inputTable(table).file;
  const account = result.files.find((f) => f.file === file);
  if (!account) throw new Error(`no account for ${file}`);
  return account;
}

/**
 * Asserts that `expected` is among the problems, that `rejected` rows of its
 * file were rejected (default 1), and that both reports print it on one line
 * as `file:line column: value "…" … [CODE]` — the value only when `expected`
 * names one (never for a PII column).
 */
export function expectRejected(
  checked: Checked,
  expected: Omit<Problem, 'file'> & {file: InputTableName},
  {rejected = 1}: {rejected?: number} = {}
): void {
  const problem = {...expected, file: inputTable(expected.file).file};
  expect(checked.problems).toContainEqual(expect.objectContaining(problem));
  expect(accountOf(checked, expected.file).rowsRejected).toBe(rejected);
  for (const lang of ['zh', 'en'] as const) {
    const words = WORDS[lang];
    let head = `${problem.file}:${problem.line}`;
    if (problem.column !== undefined) head += ` ${words.column} ${problem.column}:`;
    if (problem.value !== undefined) head += ` ${words.value} ${JSON.stringify(problem.value)}`;
    const lines = checked.report[lang].split('\n');
    const printed = lines.some((line) => line.startsWith(`${head} `) && line.endsWith(`[${problem.code}]`));
    expect(printed, `"${head} … [${problem.code}]" in the ${lang} report:\n${checked.report[lang]}`).toBe(true);
  }
}

/**
 * Checks the minimal folder with row `index` of `table` changed by `change`,
 * and asserts that this row alone is rejected with `code` on the cell named
 * first in `change`, showing the value written there (see expectRejected).
 * Later entries of `change` only keep the rest of the row consistent.
 */
export async function expectChangeRejected(
  table: InputTableName,
  index: number,
  change: Row,
  code: ErrorCode,
  params?: Problem['params']
): Promise<Checked> {
  const input: InputTables = minimalInput();
  Object.assign(input[table]![index]!, change);
  const checked = await checkTables(input);
  const [column, value] = Object.entries(change)[0]!;
  expectRejected(checked, {code, file: table, line: lineOf(index), column, value, ...(params && {params})});
  return checked;
}

const WORDS = {zh: {column: '列', value: '值'}, en: {column: 'column', value: 'value'}};

/**
 * Checks a folder that has a file-level fault and returns the PipelineError's
 * problem, after asserting that it matches `expected` and that its message
 * names the file (and line, when there is one) and the code in both languages.
 */
export async function expectFault(
  tables: InputTables,
  expected: Omit<Problem, 'file'> & {file: InputTableName},
  files: Record<string, string | Uint8Array> = {}
): Promise<Problem> {
  const input = await writeInput(tables, {}, files);
  const error: unknown = await checkInput({input, lang: 'zh'}).then(
    () => undefined,
    (e: unknown) => e
  );
  if (!isPipelineError(error)) throw new Error(`expected a PipelineError, got ${String(error)}`);
  const file = inputTable(expected.file).file;
  expect(error.problem).toMatchObject({...expected, file});
  const where = expected.line === undefined ? file : `${file}:${expected.line}`;
  for (const lang of ['zh', 'en'] as const) expect(error.format(lang)).toMatch(`${where} `);
  expect(error.format('en')).toContain(`[${expected.code}]`);
  return error.problem;
}
