import {AsyncDuckDB, type AsyncDuckDBConnection, VoidLogger} from '@duckdb/duckdb-wasm';
// The exception-handling build: every browser the site supports has wasm exceptions, and it is faster and smaller
// than the MVP build. Vite copies both files into the site under content-hashed names (below the base path).
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import {type ExploreTable, createTableSql} from '../lib/explore-tables.ts';
import type {Cell, QueryResult} from '../lib/query-result-types.ts';
import {appendRows, resultColumns} from './query-result.ts';

/** Thrown by {@link DuckDBSession.run} when the query was cancelled. */
export class QueryCancelled extends Error {
  constructor() {
    super('query cancelled');
  }
}

// Statements that read the catalogue rather than a named table: load every table first, so they list them all.
const CATALOGUE = /\b(show|describe|summarize|information_schema|duckdb_(tables|columns|views)|pragma)\b/i;
// How long a cancel may take through DuckDB before the worker is terminated instead (a query busy inside one
// step, e.g. streaming a filter that matches nothing, does not look at the cancel flag until that step ends).
const CANCEL_GRACE_MS = 1500;

/**
 * A DuckDB-wasm database in a worker, holding the published tables: each is
 * loaded from its CSV the first time a query names it (the first result comes
 * sooner than if all were loaded up front). Runs one query at a time.
 */
export class DuckDBSession {
  readonly #tables: Map<string, ExploreTable>;
  #db: Promise<Database> | undefined;
  #loaded = new Map<string, Promise<void>>();
  #downloads = new Map<string, Promise<Uint8Array>>();
  #running: {cancel: () => void} | undefined;

  constructor(tables: readonly ExploreTable[]) {
    this.#tables = new Map(tables.map((t) => [t.name, t]));
  }

  /** Starts the worker and the database; called early so that the first query finds it ready. */
  start(): Promise<Database> {
    this.#db ??= openDatabase();
    return this.#db;
  }

  /**
   * Runs `sql` and returns its result, keeping at most `limit` rows (a result
   * of millions of rows streams in and stops there). Throws DuckDB's error as
   * it words it, or {@link QueryCancelled} after {@link cancel}.
   */
  async run(sql: string, limit: number): Promise<QueryResult> {
    if (this.#running) throw new Error('a query is already running');
    const started = performance.now();
    let cancelled = false;
    let rejectCancel: (error: Error) => void = () => undefined;
    const cancelledPromise = new Promise<never>((_, reject) => (rejectCancel = reject));
    cancelledPromise.catch(() => undefined);
    // Download the CSVs the query seems to name while the engine starts (a word match: a miss costs a download).
    for (const name of this.#tables.keys()) if (new RegExp(`\\b${name}\\b`, 'i').test(sql)) void this.#download(name);
    let connection: AsyncDuckDBConnection | undefined;
    const running = {
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        // Nothing sent to DuckDB yet (the engine is still starting): the query simply never runs.
        if (!connection) return rejectCancel(new QueryCancelled());
        void connection.cancelSent().catch(() => undefined);
        // If DuckDB does not stop in time, end the worker: the console starts a fresh one for the next query.
        setTimeout(() => {
          if (this.#running !== running) return;
          void this.#restart();
          rejectCancel(new QueryCancelled());
        }, CANCEL_GRACE_MS);
      }
    };
    this.#running = running;
    try {
      const execute = async (): Promise<QueryResult> => {
        const database = await this.start();
        if (cancelled) throw new QueryCancelled();
        connection = database.connection;
        await this.#loadTablesOf(connection, sql);
        performance.mark('gongshi:tables-ready');
        if (cancelled) throw new QueryCancelled();
        const reader = await this.#send(connection, sql);
        const rows: Cell[][] = [];
        let columns = resultColumns(reader.schema?.fields ?? []);
        // One row past the limit tells whether there were more.
        for await (const batch of reader) {
          if (cancelled) throw new QueryCancelled();
          if (!columns.length) columns = resultColumns(batch.schema.fields);
          if (!appendRows(rows, batch, limit + 1)) break;
        }
        const truncated = rows.length > limit;
        if (truncated) {
          rows.length = limit;
          // Stop the stream left unread so the next query starts at once.
          await connection.cancelSent().catch(() => false);
        }
        if (cancelled) throw new QueryCancelled();
        performance.mark('gongshi:result');
        return {columns, rows, truncated, ms: performance.now() - started};
      };
      return await Promise.race([execute(), cancelledPromise]);
    } catch (error) {
      if (cancelled) throw new QueryCancelled();
      throw error;
    } finally {
      if (this.#running === running) this.#running = undefined;
    }
  }

  /** Cancels the running query, if any. */
  cancel(): void {
    this.#running?.cancel();
  }

  /** True while a query runs. */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  async #send(connection: AsyncDuckDBConnection, sql: string) {
    try {
      return await connection.send(sql, true);
    } catch (error) {
      // A table named in a way the parser's table list misses (inside a macro, a string): load it, try again.
      const missing = /Table with name (\w+) does not exist/.exec(String(error))?.[1];
      if (!missing || !this.#tables.has(missing) || this.#loaded.has(missing)) throw error;
      await this.#load(connection, missing);
      return connection.send(sql, true);
    }
  }

  async #loadTablesOf(connection: AsyncDuckDBConnection, sql: string): Promise<void> {
    let names: string[];
    if (CATALOGUE.test(sql)) names = [...this.#tables.keys()];
    else {
      // DuckDB's own parser lists the tables a statement reads; a query it cannot parse loads nothing and
      // fails with DuckDB's syntax error below.
      const named = await connection.getTableNames(sql).catch(() => [] as string[]);
      names = named.map((n) => n.replace(/^.*\./, '').replaceAll('"', '')).filter((n) => this.#tables.has(n));
    }
    await Promise.all(names.map((name) => this.#load(connection, name)));
  }

  #load(connection: AsyncDuckDBConnection, name: string): Promise<void> {
    let loading = this.#loaded.get(name);
    if (!loading) {
      const table = this.#tables.get(name)!;
      loading = (async () => {
        const bytes = await this.#download(name);
        const {db} = await this.#db!;
        // The buffer moves to the worker; a later load (after a restart) downloads again, from the HTTP cache.
        this.#downloads.delete(name);
        await db.registerFileBuffer(table.file, bytes);
        await connection.query(createTableSql(table));
        // The CSV's bytes are not needed once the table holds the rows.
        await db.dropFile(table.file);
      })();
      loading.catch(() => this.#loaded.delete(name));
      this.#loaded.set(name, loading);
    }
    return loading;
  }

  #download(name: string): Promise<Uint8Array> {
    let download = this.#downloads.get(name);
    if (!download) {
      const url = this.#tables.get(name)!.url;
      download = fetch(url).then(async (response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      });
      download.catch(() => this.#downloads.delete(name));
      this.#downloads.set(name, download);
    }
    return download;
  }

  async #restart(): Promise<void> {
    const previous = this.#db;
    this.#db = undefined;
    this.#loaded.clear();
    this.#running = undefined;
    previous?.then(({db}) => db.terminate()).catch(() => undefined);
    await this.start();
  }
}

interface Database {
  db: AsyncDuckDB;
  connection: AsyncDuckDBConnection;
}

async function openDatabase(): Promise<Database> {
  // Marks on the page's timeline (DevTools, bench:explore) show where a cold start spends its time.
  performance.mark('gongshi:engine-start');
  const worker = new Worker(workerUrl);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    // The page downloads the module (taking over its preload) and hands the worker an address of the bytes in
    // memory: given the module's own URL the worker would fetch it again, a second 34 MB download wherever the server
    // does not mark it cacheable (a plain static server, many intranet ones). A restarted worker gets the same bytes.
    const module = URL.createObjectURL(await downloadModule());
    try {
      await db.instantiate(module);
    } finally {
      URL.revokeObjectURL(module);
    }
  } catch (error) {
    await db.terminate().catch(() => undefined);
    throw error;
  }
  performance.mark('gongshi:engine-instantiated');
  await db.open({path: ':memory:', query: {castBigIntToDouble: false, castDecimalToDouble: false}});
  const connection = await db.connect();
  // Never fetch an extension at run time (the page allows no other host anyway): built-in functions only.
  await connection.query('SET autoinstall_known_extensions = false');
  await connection.query('SET autoload_known_extensions = false');
  performance.mark('gongshi:engine-ready');
  return {db, connection};
}

let module: Promise<Blob> | undefined;

/** DuckDB's module, downloaded once for the page, typed so that the worker compiles it as it reads it. */
function downloadModule(): Promise<Blob> {
  module ??= fetch(wasmUrl).then(async (response) => {
    if (!response.ok) throw new Error(`${wasmUrl}: HTTP ${response.status}`);
    // From the bytes: a Blob of the response's own blob could not be read by the worker (Chromium: "Failed to fetch").
    return new Blob([await response.arrayBuffer()], {type: 'application/wasm'});
  });
  // A failed download is tried again by the next start.
  module.catch(() => (module = undefined));
  return module;
}
