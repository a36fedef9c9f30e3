import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Papa from 'papaparse';
import {E2E_SITE} from './paths.ts';

/** Reads a published CSV of the built e2e site as string cells (what a journalist downloads). */
export function readPublishedCsv(name: string): Record<string, string>[] {
  const text = readFileSync(join(E2E_SITE, 'data', `${name}.csv`), 'utf8');
  if (!text.startsWith('\uFEFF')) throw new Error(`${name}.csv has no byte-order mark`);
  return Papa.parse<Record<string, string>>(text.slice(1), {header: true, skipEmptyLines: true}).data;
}
