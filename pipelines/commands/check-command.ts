import {statSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {INPUT_TABLES} from '../../src/lib/input-tables.ts';
import {CliError} from '../lib/cli-error.ts';
import {DEFAULT_MEMORY_LIMIT, MEMORY_SIZE} from '../lib/duckdb.ts';
import type {Lang} from '../lib/error-codes.ts';
import {formatProblem} from '../lib/error-codes.ts';
import {isPipelineError} from '../lib/pipeline-error.ts';
import {createProgress} from '../lib/progress.ts';
import {checkInput} from '../run.ts';
import {formatReport, reportJson} from '../validate/format-report.ts';
import type {CommandContext} from './command-context.ts';
import {chooseOption, parseOptions, requireOption} from './parse-options.ts';

const LANGS = ['zh', 'en'] as const;

/** The options `check` and `build` share. */
export const INPUT_OPTIONS = {
  input: {type: 'string'},
  lang: {type: 'string', default: 'zh'},
  report: {type: 'string'},
  'memory-limit': {type: 'string', default: process.env.GONGSHI_MEMORY_LIMIT ?? DEFAULT_MEMORY_LIMIT},
  'allow-empty': {type: 'string', multiple: true}
} as const;

/** Reads the shared options after parsing, with their usage errors. */
export function readInputOptions(
  command: string,
  values: {input?: string; lang?: string; report?: string; 'memory-limit'?: string; 'allow-empty'?: string[]}
) {
  const memoryLimit = String(values['memory-limit']);
  if (!MEMORY_SIZE.test(memoryLimit)) {
    throw new CliError(
      'E_USAGE',
      `${command}: --memory-limit (or GONGSHI_MEMORY_LIMIT) must be a size such as 1GB or 512MB, not "${memoryLimit}"`
    );
  }
  const input = requireOption(command, 'input', values.input);
  const lang = chooseOption(command, 'lang', String(values.lang), LANGS) as Lang;
  const kind = pathKind(input);
  if (kind !== 'folder') {
    const why =
      lang === 'zh'
        ? `${command}：--input 应为存放 CSV 文件的文件夹，"${input}" ${kind === 'missing' ? '不存在' : '是一个文件'}`
        : `${command}: --input must be the folder holding the CSV files; "${input}" ${kind === 'missing' ? 'does not exist' : 'is a file'}`;
    throw new CliError('E_USAGE', why);
  }
  return {input, lang, report: values.report || undefined, memoryLimit, allowEmpty: allowEmptyFiles(command, values)};
}

/**
 * The files `--allow-empty` names (`households.csv` or `households`, repeated or comma-separated): required
 * input files only, since an optional one may be empty anyway.
 */
function allowEmptyFiles(command: string, values: {'allow-empty'?: string[]}): string[] {
  const required = INPUT_TABLES.filter((t) => t.required).map((t) => t.file);
  return (values['allow-empty'] ?? []).flatMap((value) =>
    value.split(',').map((name) => {
      const file = name.trim().endsWith('.csv') ? name.trim() : `${name.trim()}.csv`;
      if (!required.includes(file)) {
        throw new CliError(
          'E_USAGE',
          `${command}: --allow-empty takes a required input file (${required.join(', ')}), not "${name}"`
        );
      }
      return file;
    })
  );
}

function pathKind(path: string): 'folder' | 'file' | 'missing' {
  const stats = statSync(path, {throwIfNoEntry: false});
  return stats === undefined ? 'missing' : stats.isDirectory() ? 'folder' : 'file';
}

/**
 * `gongshi check --input DIR [--lang zh|en] [--report FILE.json]`: validates
 * only, prints the rejection report, and returns 0 when the folder can be
 * published, 1 when it cannot.
 */
export async function checkCommand(argv: string[], {stdout, stderr}: CommandContext): Promise<number> {
  const {input, lang, report, memoryLimit, allowEmpty} = readInputOptions(
    'check',
    parseOptions('check', argv, INPUT_OPTIONS)
  );
  const progress = createProgress(stderr);
  let result;
  try {
    result = await checkInput({
      input,
      lang,
      memoryLimit,
      allowEmpty,
      progress
    });
  } catch (error) {
    if (!isPipelineError(error)) throw error;
    stdout.write(`${error.format(lang)}\n${lang === 'zh' ? '不能发布。' : 'Not publishable.'}\n`);
    return 1;
  }
  stdout.write(formatReport(result.files, result.problems, lang));
  if (report) await writeFile(report, reportJson(result.files, result.problems, result.faults));
  for (const fault of result.faults) stdout.write(`${formatProblem(fault, lang)}\n`);
  const ok = result.faults.length === 0;
  stderr.write(`${progress.warnings} ${lang === 'zh' ? '条警告' : 'warnings'}\n`);
  stdout.write(
    ok ? (lang === 'zh' ? '可以发布。\n' : 'Publishable.\n') : lang === 'zh' ? '不能发布。\n' : 'Not publishable.\n'
  );
  return ok ? 0 : 1;
}
