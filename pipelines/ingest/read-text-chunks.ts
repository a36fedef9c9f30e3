/**
 * Streams a file as decoded text, a chunk of whole lines at a time, so a
 * 1.7 GB households file never sits in memory. The encoding is decided from
 * the first bytes that are not ASCII (ASCII reads the same in UTF-8 and
 * GB18030), and every later byte must decode in it.
 */
import {isAscii} from 'node:buffer';
import {createReadStream} from 'node:fs';
import type {ErrorCode} from '../lib/error-codes.ts';
import {DECODER_LABELS, decodes, detectEncoding, hasUtf8Bom, isSpreadsheet} from './detect-encoding.ts';
import type {TextEncodingName} from './detect-encoding.ts';

/** Decoded text ending at a line break (or at the end of the file), with the encoding decided so far. */
export interface TextChunk {
  text: string;
  /** `utf8` until the first non-ASCII byte, then the detected encoding. */
  encoding: TextEncodingName;
}

/**
 * A fault in the bytes of the chunk about to be yielded. `lineOffset` counts
 * the line breaks in that chunk before the fault, so the reader, which knows
 * on which line the chunk starts, can name the line.
 */
export class ChunkFault extends Error {
  readonly code: ErrorCode;
  readonly lineOffset: number;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, lineOffset: number, params: Record<string, string | number>) {
    super(`${code} at line offset ${lineOffset}`);
    this.name = 'ChunkFault';
    this.code = code;
    this.lineOffset = lineOffset;
    this.params = params;
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Yields the text of the file at `path`, in chunks that end at a line break.
 * Cutting at line breaks means no character is ever split between chunks:
 * neither UTF-8 nor GB18030 uses the bytes of CR or LF inside a character.
 * Throws a ChunkFault for undecodable bytes (E_ENCODING), for an Excel
 * workbook (E_NOT_CSV), and for a line longer than `maxLineBytes`
 * (E_RECORD_TOO_LONG).
 */
export async function* readTextChunks(
  path: string,
  {chunkBytes = 1 << 20, maxLineBytes = 16 << 20}: {chunkBytes?: number; maxLineBytes?: number} = {}
): AsyncGenerator<TextChunk> {
  let encoding: TextEncodingName | undefined;
  let decoder: TextDecoder | undefined;
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let first = true;

  const decode = (bytes: Buffer): TextChunk => {
    if (!decoder) {
      encoding = detectEncoding(bytes);
      if (!encoding) throw undecodable(bytes, ['utf8', 'gb18030']);
      // Until a non-ASCII byte shows up the choice is open: ASCII decodes the same either way.
      if (isAscii(bytes)) return {text: bytes.toString('latin1'), encoding};
      decoder = new TextDecoder(DECODER_LABELS[encoding], {fatal: true, ignoreBOM: true});
    }
    try {
      return {text: decoder.decode(bytes), encoding: encoding!};
    } catch {
      throw undecodable(bytes, [encoding!]);
    }
  };

  for await (const chunk of createReadStream(path, {highWaterMark: chunkBytes})) {
    let bytes = chunk as Buffer;
    if (first) {
      first = false;
      if (isSpreadsheet(bytes)) throw new ChunkFault('E_NOT_CSV', 0, {});
      if (hasUtf8Bom(bytes)) {
        bytes = bytes.subarray(3);
        encoding = 'utf8';
        decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});
      }
    }
    const cut = lastLineBreak(bytes) + 1;
    if (cut === 0) {
      carry.push(bytes);
      carryBytes += bytes.length;
      if (carryBytes > maxLineBytes) throw new ChunkFault('E_RECORD_TOO_LONG', 0, {limit: maxLineBytes});
      continue;
    }
    const whole = carry.length > 0 ? Buffer.concat([...carry, bytes.subarray(0, cut)]) : bytes.subarray(0, cut);
    carry = cut < bytes.length ? [bytes.subarray(cut)] : [];
    carryBytes = bytes.length - cut;
    yield decode(whole);
  }
  if (carryBytes > 0) yield decode(Buffer.concat(carry));
}

function lastLineBreak(bytes: Buffer): number {
  const lf = bytes.lastIndexOf(LF);
  return lf !== -1 ? lf : bytes.lastIndexOf(CR);
}

const LABELS: Record<TextEncodingName, string> = {utf8: 'UTF-8', gb18030: 'GB18030'};

/**
 * The fault for the first line of `bytes` that decodes in none of `encodings`
 * (or, when each line decodes in one of them but the lines disagree, the first
 * line that is not UTF-8).
 */
function undecodable(bytes: Buffer, encodings: TextEncodingName[]): ChunkFault {
  const params = {encoding: encodings.map((e) => LABELS[e]).join('/')};
  const breakByte = bytes.includes(LF) ? LF : CR;
  let fallback = -1;
  let start = 0;
  for (let offset = 0; start <= bytes.length; offset++) {
    const end = bytes.indexOf(breakByte, start);
    const line = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (encodings.every((e) => !decodes(line, e, true))) return new ChunkFault('E_ENCODING', offset, params);
    if (fallback === -1 && !decodes(line, 'utf8', true)) fallback = offset;
    if (end === -1) break;
    start = end + 1;
  }
  return new ChunkFault('E_ENCODING', Math.max(fallback, 0), params);
}
