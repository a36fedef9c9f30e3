/**
 * `gongshi check` on a folder with bad rows in every file, through the real
 * CLI: exit 1, and one line per bad row naming file, physical line, column,
 * value and code (data contract, section 1), in Chinese and in English.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type Row, lineOf, minimalInput, removeInputs, toCsv, writeInput} from '../validate/input-folder.ts';
import {type CommandRun, gongshi} from './gongshi.ts';

const runs: Partial<Record<'zh' | 'en', CommandRun>> = {};

/** The minimal folder with one bad row in each file (projects.csv by hand: its bad row spans two lines). */
async function brokenFolder(): Promise<string> {
  const input = minimalInput();
  input.regions.push({code: '36072610103', name: '南门村', level: 'village', parent_code: '360726101'});
  input.households[2]!.per_capita_income = '-1';
  input.villages[1]!.greening_rate = '1.5';
  input.funds[1]!.issued_date = '2019-12-31';
  const projects: Row[] = [{...input.projects[0]!, name: '东门村道路硬化\n（一期）'}, input.projects[1]!];
  projects[1]!.spent = '600000';
  return writeInput(input, {}, {'projects.csv': toCsv('projects', projects)});
}

beforeAll(async () => {
  const input = await brokenFolder();
  [runs.zh, runs.en] = await Promise.all(
    ['zh', 'en'].map((lang) => gongshi('check', '--input', input, '--lang', lang))
  );
});
afterAll(removeInputs);

describe('gongshi check on a broken folder', () => {
  it('exits 1 and says the folder is not publishable', () => {
    expect(runs.zh!.status).toBe(1);
    expect(runs.zh!.stdout).toMatch(/不能发布。\n$/);
    expect(runs.en!.status).toBe(1);
    expect(runs.en!.stdout).toMatch(/Not publishable\.\n$/);
  });

  // file, physical line, column, value as printed, code
  const BAD_ROWS = [
    ['regions.csv', lineOf(5), 'code', '36072610103', 'E_CODE_FORMAT'],
    ['households.csv', lineOf(2), 'per_capita_income', '-1', 'E_RANGE'],
    ['villages.csv', lineOf(1), 'greening_rate', '1.5', 'E_RANGE'],
    ['funds.csv', lineOf(1), 'issued_date', '2019-12-31', 'E_DATE_YEAR'],
    ['projects.csv', lineOf(1) + 1, 'spent', '600000', 'E_SPENT_OVER_BUDGET']
  ] as const;
  const WORDS = {
    zh: {column: '列', value: '值', hint: '  提示：'},
    en: {column: 'column', value: 'value', hint: '  hint: '}
  };

  for (const lang of ['zh', 'en'] as const) {
    it(`names each bad row by file, line, column, value and code, with a hint (--lang ${lang})`, () => {
      const lines = runs[lang]!.stdout.split('\n');
      const words = WORDS[lang];
      for (const [file, line, column, value, code] of BAD_ROWS) {
        const head = `${file}:${line} ${words.column} ${column}: ${words.value} "${value}" `;
        const at = lines.findIndex((text) => text.startsWith(head) && text.endsWith(` [${code}]`));
        expect(at, `${head}… [${code}] in\n${runs[lang]!.stdout}`).toBeGreaterThanOrEqual(0);
        expect(lines[at + 1]).toMatch(new RegExp(`^${words.hint}\\S`));
      }
    });
  }

  it('words a line as the contract’s example does', () => {
    expect(runs.zh!.stdout).toContain(
      `households.csv:${lineOf(2)} 列 per_capita_income: 值 "-1" 必须 ≥ 0 [E_RANGE]\n  提示：检查数值和单位\n`
    );
    expect(runs.en!.stdout).toContain(
      `households.csv:${lineOf(2)} column per_capita_income: value "-1" must be ≥ 0 [E_RANGE]\n  hint: check the value and its unit\n`
    );
  });

  it('accounts for every row of every file and names each file over the rejection limit', () => {
    expect(runs.en!.stdout).toContain('regions.csv: read 6 rows, accepted 5, rejected 1\n');
    expect(runs.en!.stdout).toContain('households.csv: read 4 rows, accepted 3, rejected 1\n');
    expect(runs.en!.stdout).toContain('projects.csv: read 2 rows, accepted 1, rejected 1\n');
    expect(runs.zh!.stdout).toContain('villages.csv: 读取 2 行, 接受 1, 拒绝 1\n');
    expect(runs.zh!.stdout).toContain('funds.csv: 读取 2 行, 接受 1, 拒绝 1\n');
    expect(runs.en!.stdout).toContain(
      'households.csv 1 of 4 rows were rejected (25.0%), above the limit of 1.0% [E_REJECTED_SHARE]'
    );
    expect(runs.zh!.stdout).toContain('households.csv 4 行中有 1 行被拒绝（25.0%），超过上限 1.0% [E_REJECTED_SHARE]');
  });

  it('prints no personal data', () => {
    for (const row of minimalInput().households) {
      for (const run of [runs.zh!, runs.en!]) {
        for (const pii of [row.head_name!, row.id_number!, row.phone!])
          expect(run.stdout + run.stderr).not.toContain(pii);
      }
    }
  });
});
