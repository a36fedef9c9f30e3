/**
 * Where in the input a leak found in the published data came from: a
 * clerk fixes projects.csv line 3, column responsible_unit, not "somewhere in
 * data/projects.csv". A published row of projects or funds carries its id,
 * and DuckDB still holds the input line of every accepted row by id.
 */
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import type {Problem} from '../lib/error-codes.ts';
import {sqlIdentifier} from '../lib/duckdb.ts';
import type {PiiLeak} from './scan-site-for-pii.ts';
import {unescapeText} from './unescape-text.ts';

/** Published tables whose rows are input rows, by the key both share. */
const SOURCES: Record<string, {table: string; file: string; key: string}> = {
  'projects.csv': {table: 'projects', file: 'projects.csv', key: 'project_id'},
  'funds.csv': {table: 'funds', file: 'funds.csv', key: 'fund_id'}
};

/**
 * Returns the E_PII_LEAK problem for `leaks` found in the published folder
 * `dataDir`: at the input file, line and column of the first leak that a
 * published row leads back to, else at the published file of the first leak.
 */
export async function locateLeak(connection: DuckDBConnection, dataDir: string, leaks: PiiLeak[]): Promise<Problem> {
  const params = {count: leaks.length, kinds: [...new Set(leaks.map((l) => l.kind))].join(', ')};
  // A table is read once, however many of its leaks lead nowhere.
  const texts = new Map<string, string>();
  for (const leak of leaks) {
    const source = SOURCES[leak.file];
    if (!source) continue;
    let text = texts.get(leak.file);
    if (text === undefined)
      texts.set(leak.file, (text = unescapeText(await readFile(join(dataDir, leak.file), 'utf8'))));
    const cell = locateCell(text, leak.offset);
    const keyIndex = cell?.header.indexOf(source.key) ?? -1;
    if (!cell || keyIndex === -1) continue;
    const reader = await connection.runAndReadAll(
      `SELECT line FROM ${sqlIdentifier(source.table)} WHERE ${sqlIdentifier(source.key)} = $key`,
      {key: cell.row[keyIndex]!}
    );
    const line = reader.getRowObjectsJS()[0]?.line;
    if (line === undefined) continue;
    return {code: 'E_PII_LEAK', file: source.file, line: Number(line), column: cell.header[cell.field], params};
  }
  return {code: 'E_PII_LEAK', file: leaks[0]!.file, params};
}

/**
 * The record of the CSV `text` (RFC 4180) that holds `offset`, with the
 * header and the index of the field the offset is in; undefined for an
 * offset in the header or beyond the text.
 */
export function locateCell(text: string, offset: number): {header: string[]; row: string[]; field: number} | undefined {
  let header: string[] | undefined;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let hit = -1;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i <= text.length; i++) {
    if (i === offset) hit = fields.length;
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else if (c !== undefined) field += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r' || c === undefined) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (!header) {
        header = fields;
        hit = -1;
      } else if (hit !== -1) return {header, row: fields, field: hit};
      fields = [];
      field = '';
    } else field += c;
  }
  return undefined;
}
