import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream} from 'node:fs';
import {rm, stat, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {pipeline} from 'node:stream/promises';
import type {DuckDBConnection} from '@duckdb/node-api';
import {sqlIdentifier, sqlString} from '../lib/duckdb.ts';
import {readRows} from '../lib/read-rows.ts';

/** A file written by the publish stage, as the manifest records it. */
export interface PublishedFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface PublishedTable {
  name: string;
  rows: number;
  files: PublishedFile[];
}

export interface PublishTableOptions {
  /** DuckDB table or view holding the rows to publish. */
  table: string;
  /** Published name: `<name>.csv`, `<name>.parquet`, `<name>.json`. */
  name: string;
  /** Columns that fix the row order, so that output is byte-identical run to run. */
  orderBy: string[];
  /** Folder of published files. */
  dir: string;
  /** Also write JSON (for small tables the site and scripts read directly). */
  json?: boolean;
}

const BOM = '\uFEFF';

/**
 * Writes one published table as CSV (UTF-8 with BOM, so Excel opens Chinese
 * text correctly), Parquet (zstd) and optionally JSON, in a fixed row order,
 * and returns the files with their sizes and sha256.
 */
export async function publishTable(
  connection: DuckDBConnection,
  options: PublishTableOptions
): Promise<PublishedTable> {
  const {table, name, orderBy, dir} = options;
  const ordered = `SELECT * FROM ${sqlIdentifier(table)} ORDER BY ${orderBy.map(sqlIdentifier).join(', ')}`;
  const csv = join(dir, `${name}.csv`);
  const raw = `${csv}.raw`;
  await connection.run(`COPY (${ordered}) TO ${sqlString(raw)} (FORMAT csv, HEADER true)`);
  await prependBom(raw, csv);
  const parquet = join(dir, `${name}.parquet`);
  await connection.run(`COPY (${ordered}) TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
  const paths = [csv, parquet];
  if (options.json) {
    const path = join(dir, `${name}.json`);
    await writeFile(path, JSON.stringify(await readRows(connection, ordered)));
    paths.push(path);
  }
  const count = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${sqlIdentifier(table)}`);
  return {name, rows: Number(count.getRowObjectsJS()[0]!.n), files: await Promise.all(paths.map(describeFile))};
}

async function prependBom(raw: string, target: string): Promise<void> {
  const out = createWriteStream(target);
  out.write(BOM);
  await pipeline(createReadStream(raw), out);
  await rm(raw);
}

/** Size and sha256 of a published file. */
export async function describeFile(path: string): Promise<PublishedFile> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return {path, bytes: (await stat(path)).size, sha256: hash.digest('hex')};
}
