import {readFileSync} from 'node:fs';
import Papa from 'papaparse';
import {YEARS} from './calendar.ts';

/** The poverty line per year shipped with Gongshi (data/reference/poverty-lines.csv). */
export const REFERENCE_POVERTY_LINES = new URL('../../data/reference/poverty-lines.csv', import.meta.url);

/**
 * Reads the income line per person per year (yuan). Throws when a year of the
 * sample is missing, since incomes below the line are drawn against it.
 */
export function readPovertyLines(path: URL | string = REFERENCE_POVERTY_LINES): Map<number, number> {
  const {data} = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {header: true, skipEmptyLines: true});
  const lines = new Map(data.map((row) => [Number(row.year), Number(row.line)]));
  for (const year of YEARS) {
    const line = lines.get(year);
    if (line === undefined || !(line > 0)) throw new Error(`poverty line missing for year ${year}`);
  }
  return lines;
}
