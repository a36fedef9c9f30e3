/**
 * Reads a published CSV table as an outsider would: the file alone, streamed
 * through the ingest reader (PapaParse, BOM and encoding detection), handing
 * on only the columns asked for so that a large table never sits in memory
 * as row objects.
 */
import {stat} from 'node:fs/promises';
import {basename} from 'node:path';
import {parseCsvStream} from '../ingest/parse-csv-stream.ts';
import {readTextChunks} from '../ingest/read-text-chunks.ts';

/**
 * Calls `onRow` with the fields of `columns`, in that order, for every record
 * of the CSV file at `path`; blank lines are skipped. Returns false when the
 * file does not exist; a column named with a trailing `?` may be absent (its
 * fields read as empty). Throws when a column is missing or a record has the
 * wrong number of fields: an audit that cannot read a table must not pass it.
 */
export async function readPublishedCsv(
  path: string,
  columns: readonly string[],
  onRow: (values: string[], line: number) => void
): Promise<boolean> {
  if (!(await isFile(path))) return false;
  const file = basename(path);
  let indices: number[] = [];
  let width = 0;
  await parseCsvStream(readTextChunks(path), file, {
    header(fields) {
      const names = fields.map((f) => f.trim());
      width = fields.length;
      indices = columns.map((column) => {
        const optional = column.endsWith('?');
        const index = names.indexOf(optional ? column.slice(0, -1) : column);
        if (index === -1 && !optional) throw new Error(`published table ${file} has no column ${column}`);
        return index;
      });
    },
    record(fields, line) {
      if (fields.length === 1 && fields[0] === '') return;
      if (fields.length !== width) throw new Error(`published table ${file} line ${line}: ${fields.length} fields`);
      onRow(
        indices.map((i) => (i === -1 ? '' : fields[i]!)),
        line
      );
    }
  });
  return true;
}

/** Parses a published number: empty (or not a finite number) is null. */
export function publishedNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Parses a published boolean (`true`/`false`, as DuckDB writes them); throws on anything else. */
export function publishedBoolean(text: string, what: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw new Error(`published ${what} is not a boolean: ${text}`);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
