import {type DuckDBConnection, DuckDBInstance} from '@duckdb/node-api';

export interface DuckDBOptions {
  /** Folder DuckDB may spill to when a query outgrows memory. */
  tempDirectory?: string;
  /** Upper bound on DuckDB's memory, e.g. `4GB`. */
  memoryLimit?: string;
}

/**
 * DuckDB's memory limit unless told otherwise. Above it DuckDB spills to its
 * temporary directory: with 1 GB, the full sample's data (11.4 million
 * household rows) are published in 1.6–2.0 GiB of memory in all; more is
 * somewhat faster (BENCHMARKS.md).
 */
export const DEFAULT_MEMORY_LIMIT = '1GB';

/** A memory size as DuckDB reads it: `1GB`, `512MB`, `1.5GiB`. */
export const MEMORY_SIZE = /^\d+(\.\d+)?\s*(K|M|G|T)i?B$/i;

/**
 * Opens an in-memory DuckDB with extension autoloading and autoinstalling off:
 * the machines (and many government intranets) are offline, so only the
 * built-in parquet, json and icu extensions may be used.
 */
export async function openDuckDB({
  tempDirectory,
  memoryLimit = DEFAULT_MEMORY_LIMIT
}: DuckDBOptions = {}): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    memory_limit: memoryLimit,
    // The default, said aloud: the DuckDB ingest path numbers a file's lines by the order it loads them in.
    preserve_insertion_order: 'true',
    // Memory DuckDB frees (the households table once it is counted) goes back to the system after the next
    // query instead of staying with its allocator: 128MB by default, above which the build's JavaScript stages
    // then stack their own heap (full sample: peak 2.2 GiB -> 1.8 GiB, no slower; BENCHMARKS.md).
    allocator_flush_threshold: '32MB',
    ...(tempDirectory ? {temp_directory: tempDirectory} : {})
  });
  const connection = await instance.connect();
  instances.set(connection, instance);
  // Published files must not depend on the time zone of the machine.
  await connection.run("SET TimeZone = 'UTC'");
  return connection;
}

/**
 * A sum of a non-integer expression that does not depend on the order of its
 * rows: a sum of doubles does (DuckDB's threads add up their share of the
 * rows in whatever order they get them), which can flip a rounded digit
 * between two runs on the same input. Exact to 1e-8; the result is DECIMAL.
 */
export function exactSum(expression: string): string {
  return `sum((${expression})::${EXACT_SUM_TYPE})`;
}

/** The type each value summed with {@link exactSum} is cast to (up to 10^20; inputs stay below 10^15). */
export const EXACT_SUM_TYPE = 'DECIMAL(28, 8)';
/** The type of a sum of such sums (up to 10^30), as DuckDB gives a sum of DECIMAL(28, 8). */
export const EXACT_TOTAL_TYPE = 'DECIMAL(38, 8)';

const instances = new WeakMap<DuckDBConnection, DuckDBInstance>();

/**
 * Closes a connection of {@link openDuckDB} and its database, which frees its
 * memory and its temporary files at once rather than whenever the garbage
 * collector gets to them (a second build in the same process must not meet
 * the first one's files in its temporary directory).
 */
export function closeDuckDB(connection: DuckDBConnection): void {
  const instance = instances.get(connection);
  instances.delete(connection);
  try {
    connection.closeSync();
  } finally {
    instance?.closeSync();
  }
}

/** Quotes a string as a SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes a SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
