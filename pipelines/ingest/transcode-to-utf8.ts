/**
 * A UTF-8 copy of a GB18030 (GBK) file, so that the DuckDB ingest path, which
 * reads UTF-8 only, can take the files Excel on Chinese Windows writes — the
 * usual case in a county office — instead of the streaming path, which reads
 * them many times slower. The copy has the same lines (neither encoding uses
 * the bytes of CR or LF inside a character), so every physical line number
 * holds; it is the text the streaming path would decode.
 */
import {createWriteStream} from 'node:fs';
import {once} from 'node:events';
import {rm} from 'node:fs/promises';
import {detectEncoding, isSpreadsheet} from './detect-encoding.ts';
import {readFileHead} from './read-csv-head.ts';
import {ChunkFault, readTextChunks} from './read-text-chunks.ts';

/**
 * Whether the file at `path` reads as GB18030 and not as UTF-8 in its first
 * MiB: the files worth a UTF-8 copy.
 */
export async function isGb18030File(path: string): Promise<boolean> {
  const {bytes} = await readFileHead(path);
  return !isSpreadsheet(bytes) && detectEncoding(bytes) === 'gb18030';
}

/**
 * Writes the text of the GB18030 file at `path` to `target` as UTF-8 without a
 * BOM. Returns false, leaving no file at `target`, when the copy would not be
 * the same text: bytes that do not decode (the streaming path reports them
 * with their line), a line longer than the reader holds, or a text that begins
 * with U+FEFF (written as UTF-8, it would read as a byte order mark).
 */
export async function transcodeToUtf8(path: string, target: string): Promise<boolean> {
  const out = createWriteStream(target, {mode: 0o600});
  let complete = false;
  try {
    let first = true;
    for await (const {text} of readTextChunks(path)) {
      if (first && text.startsWith('\ufeff')) return false;
      first = false;
      if (!out.write(text, 'utf8')) await once(out, 'drain');
    }
    complete = true;
    return true;
  } catch (error) {
    if (error instanceof ChunkFault) return false;
    throw error;
  } finally {
    out.end();
    await once(out, 'close');
    if (!complete) await rm(target, {force: true});
  }
}
