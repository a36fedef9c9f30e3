import type {DuckDBConnection} from '@duckdb/node-api';
import type {FileAccount} from '../validate/rejection-log.ts';
import {type PublishedTable, publishTable} from './publish-table.ts';
import {writeManifest} from './write-manifest.ts';

export interface PublishOptions {
  dataDir: string;
  files: FileAccount[];
  synthetic: boolean;
}

/**
 * Creates the public views over the validated tables and writes each of them
 * with its manifest entry. Only tables listed here leave the pipeline:
 * households never do.
 */
export async function publishTables(connection: DuckDBConnection, {dataDir, files, synthetic}: PublishOptions) {
  await connection.run(`CREATE OR REPLACE VIEW pub_regions AS
    SELECT code, name, level, parent_code, poor_village, deep_poor_village, weak_village FROM regions`);
  const tables: PublishedTable[] = [
    await publishTable(connection, {table: 'pub_regions', name: 'regions', orderBy: ['code'], dir: dataDir, json: true})
  ];
  const manifest = await writeManifest(dataDir, {tables, files, synthetic});
  return {tables, manifest};
}
