import type {DuckDBConnection} from '@duckdb/node-api';

/** Returns the rows of a query as plain JSON-safe objects (BIGINT becomes number). */
export async function readRows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = toJsonValue(value);
    return out;
  });
}

// DATE columns are published as ISO dates, BIGINT counts as plain numbers.
function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}
