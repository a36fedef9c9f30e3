/**
 * Runs the validate stage (real DuckDB) on an input folder in a private work folder, then hands the open
 * connection and the rejection log to `read` for what a test wants to look at; cleans up after it.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {openDuckDB} from '../../../pipelines/lib/duckdb.ts';
import {createProgress} from '../../../pipelines/lib/progress.ts';
import {RejectionLog} from '../../../pipelines/validate/rejection-log.ts';
import {validateInput} from '../../../pipelines/validate/validate-input.ts';

export interface ValidateFolderOptions {
  /** Read every file with the streaming path instead of DuckDB's. */
  streamingOnly?: boolean;
  /** The known indicators' units (targets.csv); default none. */
  indicatorUnits?: ReadonlyMap<string, string>;
}

/** Validates `input` and returns what `read` makes of the loaded tables, the log and the printed progress. */
export async function validateFolder<T>(
  input: string,
  options: ValidateFolderOptions,
  read: (connection: DuckDBConnection, log: RejectionLog, progress: string) => Promise<T>
): Promise<T> {
  const workDir = await mkdtemp(join(tmpdir(), 'gongshi-validate-'));
  let connection: DuckDBConnection | undefined;
  try {
    connection = await openDuckDB({tempDirectory: join(workDir, 'duckdb')});
    const log = new RejectionLog();
    let progress = '';
    await validateInput({
      input,
      connection,
      workDir,
      indicatorUnits: options.indicatorUnits ?? new Map(),
      log,
      progress: createProgress({write: (text) => (progress += text)}),
      streamingOnly: options.streamingOnly
    });
    log.assertBalanced();
    return await read(connection, log, progress);
  } finally {
    connection?.closeSync();
    await rm(workDir, {recursive: true, force: true});
  }
}
