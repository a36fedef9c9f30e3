import {describe, expect, it} from 'vitest';
import {DEFAULT_MEMORY_LIMIT, closeDuckDB, exactSum, openDuckDB} from '../../../pipelines/lib/duckdb.ts';

/** A setting of the connection's database, as DuckDB reports it. */
async function setting(connection: Awaited<ReturnType<typeof openDuckDB>>, name: string): Promise<string> {
  const reader = await connection.runAndReadAll(`SELECT current_setting('${name}')::VARCHAR AS v`);
  return String(reader.getRowObjectsJS()[0]!.v);
}

describe('openDuckDB', () => {
  it('applies the memory limit it is given, 1GB by default, and never loads an extension on its own', async () => {
    const small = await openDuckDB({memoryLimit: '256MB'});
    const byDefault = await openDuckDB();
    // DuckDB reports limits in its own units (256MB as 244.1 MiB).
    expect(await setting(small, 'memory_limit')).toMatch(/^244\.1 MiB$/);
    expect(DEFAULT_MEMORY_LIMIT).toBe('1GB');
    expect(await setting(byDefault, 'memory_limit')).toMatch(/^953\.6 MiB$/);
    expect(await setting(byDefault, 'autoload_known_extensions')).toBe('false');
    expect(await setting(byDefault, 'autoinstall_known_extensions')).toBe('false');
    // The ingest numbers lines by load order; freed memory goes back to the system early.
    expect(await setting(byDefault, 'preserve_insertion_order')).toBe('true');
    expect(await setting(byDefault, 'allocator_flush_threshold')).toMatch(/^30\.5 MiB$/);
    closeDuckDB(small);
    closeDuckDB(byDefault);
    await expect(small.run('SELECT 1')).rejects.toThrow();
  });
});

describe('exactSum', () => {
  it('gives the same sum in any row order, where a sum of doubles does not', async () => {
    const connection = await openDuckDB();
    const sum = async (order: string, expression: string) => {
      const reader = await connection.runAndReadAll(
        `SELECT (${expression})::VARCHAR AS s FROM (SELECT x FROM (VALUES (1, 0.1::DOUBLE), (2, 0.2), (3, 0.3)) t(i, x)
         ORDER BY i ${order})`
      );
      return String(reader.getRowObjectsJS()[0]!.s);
    };
    // The plain sum shows why: 0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1 in doubles.
    expect(await sum('ASC', 'sum(x)')).not.toBe(await sum('DESC', 'sum(x)'));
    expect(await sum('ASC', exactSum('x'))).toBe(await sum('DESC', exactSum('x')));
    expect(Number(await sum('ASC', exactSum('x')))).toBe(0.6);
    closeDuckDB(connection);
  });
});
