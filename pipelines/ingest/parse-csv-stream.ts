/**
 * Streaming CSV parsing (RFC 4180; LF, CRLF or CR line ends) with PapaParse's
 * core parser, fed one decoded chunk at a time. Every record is reported with
 * the physical line its first line is on, so a quoted field holding line
 * breaks does not shift the line numbers of later records.
 */
import Papa from 'papaparse';
import type {Parser} from 'papaparse';
import type {ErrorCode} from '../lib/error-codes.ts';
import {PipelineError} from '../lib/pipeline-error.ts';
import type {TextEncodingName} from './detect-encoding.ts';
import {ChunkFault} from './read-text-chunks.ts';
import type {TextChunk} from './read-text-chunks.ts';
import {splitPreamble} from './split-preamble.ts';

/** Receives the header and then each record, in file order, with the physical line it starts on. */
export interface CsvHandlers {
  header(fields: string[], line: number): void;
  record(fields: string[], line: number): void;
}

/** What the parse saw besides records. */
export interface CsvSummary {
  encoding: TextEncodingName;
  /** The leading `#` comment lines, without the `#`. */
  comments: string[];
}

interface PapaResult {
  data: string[][];
  errors: {type: string; row: number}[];
  meta: {cursor: number};
}

/** A record still unfinished after this many characters is a fault, not a field. */
export const MAX_RECORD_CHARS = 4 << 20;

/**
 * Parses the decoded `chunks` of `file`: skips leading `#` comment and blank
 * lines, then calls `handlers.header` once and `handlers.record` for every
 * later record, a blank line included (as `['']`). Throws a PipelineError:
 * E_EMPTY_FILE when there is no header, E_QUOTING for broken quoting, and
 * E_ENCODING, E_NOT_CSV or E_RECORD_TOO_LONG from the bytes, each naming the
 * line. Records before a fault have been handed on already: a caller must
 * discard them when this throws.
 */
export async function parseCsvStream(
  chunks: AsyncIterable<TextChunk>,
  file: string,
  handlers: CsvHandlers
): Promise<CsvSummary> {
  let encoding: TextEncodingName = 'utf8';
  let comments: string[] = [];
  let parser: Parser | undefined;
  let pending = '';
  let line = 1;
  let terminator = '\n';
  let headerSeen = false;
  const fault = (code: ErrorCode, at: number | undefined, params?: Record<string, string | number>) =>
    new PipelineError({code, file, line: at, params});

  const feed = (text: string, last: boolean) => {
    let input = pending + text;
    if (!parser) {
      const preamble = splitPreamble(input, last);
      if (!preamble) return void (pending = input);
      ({comments, rest: input} = preamble);
      line += preamble.skipped;
      terminator = preamble.newline === '\r' ? '\r' : '\n';
      parser = new Papa.Parser({delimiter: ',', newline: preamble.newline, quoteChar: '"'});
    }
    const {data, errors, meta} = parser.parse(input, 0, !last) as PapaResult;
    // A record cut off at the end of a chunk is parsed again with the next one,
    // so until the last chunk only errors in finished records count.
    const quoting = errors.find((e) => e.type === 'Quotes' && (last || e.row < data.length));
    // Line breaks inside fields are rare: when the chunk has one line break per finished
    // record, lines simply count up and no field needs scanning.
    const sequential = countOf(input, terminator, meta.cursor) === data.length - (last ? 1 : 0);
    for (let i = 0; i < data.length; i++) {
      const fields = data[i]!;
      if (quoting?.row === i) throw fault('E_QUOTING', line);
      if (headerSeen) handlers.record(fields, line);
      else {
        headerSeen = true;
        handlers.header(fields, line);
      }
      line += sequential ? 1 : 1 + lineBreaksIn(fields, terminator);
    }
    pending = input.slice(meta.cursor);
    if (pending.length > MAX_RECORD_CHARS) {
      throw fault(pending.includes('"') ? 'E_QUOTING' : 'E_RECORD_TOO_LONG', line, {limit: MAX_RECORD_CHARS});
    }
  };

  try {
    for await (const chunk of chunks) {
      encoding = chunk.encoding;
      feed(chunk.text, false);
    }
  } catch (error) {
    if (!(error instanceof ChunkFault)) throw error;
    const at = error.code === 'E_NOT_CSV' ? undefined : line + countOf(pending, terminator) + error.lineOffset;
    throw fault(error.code, at, error.params);
  }
  feed('', true);
  if (!headerSeen) throw fault('E_EMPTY_FILE', undefined);
  return {encoding, comments};
}

/** How often `char` occurs in `text` before `end`. */
function countOf(text: string, char: string, end = text.length): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1 && i < end; i = text.indexOf(char, i + 1)) count++;
  return count;
}

function lineBreaksIn(fields: string[], terminator: string): number {
  let count = 0;
  for (const field of fields) if (field.includes(terminator)) count += countOf(field, terminator);
  return count;
}
