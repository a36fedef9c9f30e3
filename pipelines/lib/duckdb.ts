import {type DuckDBConnection, DuckDBInstance} from '@duckdb/node-api';

export interface DuckDBOptions {
  /** Folder DuckDB may spill to when a query outgrows memory. */
  tempDirectory?: string;
  /** Upper bound on DuckDB's memory, e.g. `4GB`. */
  memoryLimit?: string;
}

/**
 * Opens an in-memory DuckDB with extension autoloading and autoinstalling off:
 * the machines (and many government intranets) are offline, so only the
 * built-in parquet, json and icu extensions may be used.
 */
export async function openDuckDB({tempDirectory, memoryLimit = '4GB'}: DuckDBOptions = {}): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    memory_limit: memoryLimit,
    ...(tempDirectory ? {temp_directory: tempDirectory} : {})
  });
  const connection = await instance.connect();
  // Published files must not depend on the time zone of the machine.
  await connection.run("SET TimeZone = 'UTC'");
  return connection;
}

/** Quotes a string as a SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes a SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
