/**
 * The poverty line per year (扶贫标准, from 2021 the 防返贫监测收入线), yuan per
 * person per year, with the source of each figure. `income_above_line_rate`
 * compares household income with it. The shipped table says which figures are
 * illustrative; a local authority replaces them with its own.
 */
import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {fileURLToPath} from 'node:url';
import Papa from 'papaparse';
import {isInvalid} from '../ingest/cell-value.ts';
import {normalizeDecimal, normalizeInteger} from '../ingest/normalize-number.ts';
import {CliError} from '../lib/cli-error.ts';

/** One year's line and where the figure comes from. */
export interface PovertyLine {
  /** Yuan per person per year. */
  line: number;
  source: string;
}

/** The table shipped with Gongshi: data/reference/poverty-lines.csv (columns year, line, source). */
export const POVERTY_LINES = new URL('../../data/reference/poverty-lines.csv', import.meta.url);

const COLUMNS = ['year', 'line', 'source'] as const;

/**
 * Reads the poverty-line table at `path` (default POVERTY_LINES) and returns
 * it by year, in year order. Numbers may carry thousands separators or
 * full-width digits, as everywhere in Gongshi's input. Throws a CliError
 * (E_POVERTY_LINES) naming the file, line and column for a missing column, a
 * year that is not a whole number 1978–2100 or appears twice, a line that is
 * not a positive number, or an empty source.
 */
export function readPovertyLines(path: URL | string = POVERTY_LINES): Map<number, PovertyLine> {
  const name = basename(path instanceof URL ? fileURLToPath(path) : path);
  // No header mode: rows keep their index, so a message can give the file's line number.
  const {data} = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const header = (data[0] ?? []).map((h) => h.trim());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  for (const c of COLUMNS)
    if (index[c] < 0) fail(name, '', `缺少列 ${c} (missing column ${c}; expected year,line,source)`);

  const rows: [number, PovertyLine][] = [];
  data.forEach((cells, i) => {
    if (i === 0 || cells.every((cell) => cell.trim() === '')) return;
    const cell = (c: (typeof COLUMNS)[number]) => ({where: `:${i + 1} 列 ${c}:`, raw: (cells[index[c]] ?? '').trim()});
    const year = cell('year');
    const value = normalizeInteger(year.raw);
    if (value === null || isInvalid(value) || value < 1978 || value > 2100) {
      fail(name, year.where, `值 "${year.raw}" 不是 1978–2100 的年份 (must be a year 1978–2100)`);
    }
    if (rows.some(([y]) => y === value)) fail(name, year.where, `年份 ${value} 重复 (year ${value} appears twice)`);
    const line = cell('line');
    const amount = normalizeDecimal(line.raw);
    if (amount === null || isInvalid(amount) || !(amount > 0)) {
      fail(name, line.where, `值 "${line.raw}" 不是正数 (must be a positive number of yuan)`);
    }
    const source = cell('source');
    if (source.raw === '') fail(name, source.where, '不能为空 (say where the figure comes from)');
    rows.push([value, {line: amount, source: source.raw}]);
  });
  return new Map(rows.sort(([a], [b]) => a - b));
}

function fail(file: string, where: string, problem: string): never {
  throw new CliError('E_POVERTY_LINES', `${file}${where} ${problem} [E_POVERTY_LINES]`, 1);
}

/** The shipped table's lines alone: yuan per person per year, by year. */
export const povertyLineAmounts = (path: URL | string = POVERTY_LINES): Map<number, number> =>
  new Map([...readPovertyLines(path)].map(([year, {line}]) => [year, line]));
