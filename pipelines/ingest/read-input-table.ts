/**
 * The ingest stage for one input file: decode, parse, map the header, drop
 * PII columns and normalise every cell, handing on each row as either typed
 * values or rejections (data contract, section 1).
 */
import {stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {InputTableSpec} from '../../src/lib/input-tables.ts';
import type {Problem} from '../lib/error-codes.ts';
import {PipelineError} from '../lib/pipeline-error.ts';
import {isInvalid} from './cell-value.ts';
import type {CellValue, Invalid} from './cell-value.ts';
import type {TextEncodingName} from './detect-encoding.ts';
import {mapHeaders} from './map-headers.ts';
import {columnNormalizer} from './normalize-value.ts';
import {parseCsvStream} from './parse-csv-stream.ts';
import {readTextChunks} from './read-text-chunks.ts';
import {rowObjectMaker} from './row-object-maker.ts';

/**
 * One accepted row: its physical line, its values by canonical column name
 * and the cells as written (so a report shows what the clerk typed, not our
 * reading of it). PII columns are never present in either.
 */
export interface IngestedRow {
  line: number;
  values: Record<string, CellValue>;
  raw: Record<string, string>;
}

/** What was read from one file. `rowsRead` = accepted + `rowsRejected`. */
export interface IngestResult {
  file: string;
  encoding: TextEncodingName;
  /** Data records: not the header, comment lines or blank rows. */
  rowsRead: number;
  /** Rows with at least one bad cell or the wrong number of fields, each counted once. */
  rowsRejected: number;
  /** Empty lines and rows whose every field is empty: skipped, neither read nor rejected. */
  blankRows: number;
  unknownColumns: string[];
  /** The PII columns present in the file, dropped unread. */
  piiColumns: string[];
  /** Whether a leading comment line says the file is synthetic (`合成示例数据`). */
  synthetic: boolean;
  /** True only for an optional file that is absent: then every count is 0 and the lists are empty. */
  missing: boolean;
}

/**
 * Reads `spec.file` from `folder`, calling `onRow` for each accepted row and
 * `onReject` for each problem of a rejected row (one per bad cell; a row
 * counts once in `rowsRejected`). An optional file (`spec.required` false)
 * that is absent gives an empty result with `missing: true` rather than null,
 * so callers count and report every file alike.
 *
 * Throws a PipelineError for a file-level fault: E_MISSING_FILE,
 * E_EMPTY_FILE, E_ENCODING, E_NOT_CSV, E_QUOTING, E_RECORD_TOO_LONG,
 * E_MISSING_COLUMN, E_DUPLICATE_COLUMN. Rows handed on before such a fault
 * must be discarded by the caller. Cell values of PII columns are never
 * stored, handed on or put in a Problem.
 */
export async function readInputTable(
  folder: string,
  spec: InputTableSpec,
  onRow: (row: IngestedRow) => void,
  onReject: (problem: Problem) => void
): Promise<IngestResult> {
  const path = join(folder, spec.file);
  const file = spec.file;
  const result = {
    file,
    rowsRead: 0,
    rowsRejected: 0,
    blankRows: 0,
    unknownColumns: [] as string[],
    piiColumns: [] as string[]
  };
  if (!(await isFile(path))) {
    if (!spec.required) return {...result, encoding: 'utf8', synthetic: false, missing: true};
    throw new PipelineError({code: 'E_MISSING_FILE', file, params: {folder}});
  }
  // Per kept column, in parallel arrays: the hot loop below runs once per cell of a 1.7 GB file.
  let indices: number[] = [];
  let names: string[] = [];
  let normalizers: ((raw: string) => CellValue | Invalid)[] = [];
  let params: (Record<string, string> | undefined)[] = [];
  let makeRow = rowObjectMaker([]);
  let makeRaw = rowObjectMaker<string>([]);
  let width = 0;

  const header = (fields: string[], line: number) => {
    const mapping = mapHeaders(fields, spec, line);
    ({width, unknownColumns: result.unknownColumns, piiColumns: result.piiColumns} = mapping);
    indices = mapping.columns.map((c) => c.index);
    names = mapping.columns.map((c) => c.column.name);
    normalizers = mapping.columns.map((c) => columnNormalizer(c.column));
    params = mapping.columns.map(({column}) => (column.values ? {allowed: allowedValues(column.values)} : undefined));
    makeRow = rowObjectMaker(names);
    makeRaw = rowObjectMaker<string>(names);
  };

  const record = (fields: string[], line: number) => {
    if (fields[0]!.trim() === '' && fields.every((f) => f.trim() === '')) return void result.blankRows++;
    result.rowsRead++;
    if (fields.length !== width) {
      result.rowsRejected++;
      return onReject({code: 'E_COLUMN_COUNT', file, line, params: {expected: width, actual: fields.length}});
    }
    const values: CellValue[] = new Array(indices.length);
    let rejected = false;
    for (let i = 0; i < indices.length; i++) {
      const raw = fields[indices[i]!]!;
      const value = normalizers[i]!(raw);
      if (!isInvalid(value)) values[i] = value;
      else {
        rejected = true;
        onReject({code: value.invalid, file, line, column: names[i], value: raw, params: params[i]});
      }
    }
    if (rejected) return void result.rowsRejected++;
    const raw: string[] = new Array(indices.length);
    for (let i = 0; i < indices.length; i++) raw[i] = fields[indices[i]!]!;
    onRow({line, values: makeRow(values), raw: makeRaw(raw)});
  };

  const {encoding, comments} = await parseCsvStream(readTextChunks(path), file, {header, record});
  return {...result, encoding, synthetic: comments.some((c) => c.includes('合成示例数据')), missing: false};
}

/** Whether `path` is a file; false when it does not exist, an error for anything else that stops a look. */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    // Only absence means missing; a permission error is reported as it is.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The allowed values of an enum column as its E_ENUM message lists them (`poor 未脱贫, exited 已脱贫, …`). */
export function allowedValues(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([code, label]) => (code === label ? code : `${code} ${label}`))
    .join(', ');
}
