/**
 * Scans a file's text for input PII (scan-files.ts) a piece at a time, with the
 * offsets of the whole text: a province's published tables are hundreds of
 * megabytes, and their whole text, unescaped and with its name dots folded,
 * was several copies of it in memory at once (2.3 GiB more in a province's
 * final scan).
 */
import {isUtf8} from 'node:buffer';
import {open, readFile} from 'node:fs/promises';
import type {OnPii, PiiKind, PiiMatcher} from './pii-matcher.ts';
import {unescapeText} from './unescape-text.ts';

/**
 * The size of a piece: UTF-8 text is decoded and scanned at least this much
 * at a time (a block read and what was left of the one before it: at most
 * twice this), cut after a line break (a longer line is one piece). Nothing the matcher
 * finds or unescapes spans a line break, and a line break byte is never part
 * of a multi-byte character, so the pieces find what the whole text would.
 */
export const PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Scans the text of `bytes`: UTF-8 (BOM kept, as one character), else
 * GB18030, else UTF-8 with replacement characters. Offsets are those of the
 * whole decoded, unescaped text.
 */
export async function scanText(bytes: Buffer, matcher: PiiMatcher, onPii: OnPii): Promise<void> {
  const blocks = function* () {
    for (let start = 0; start < bytes.length; start += PIECE_BYTES) yield bytes.subarray(start, start + PIECE_BYTES);
  };
  await scanTextChunks(blocks(), () => Promise.resolve(bytes), matcher, onPii);
}

/** Scans the text of the file at `path` as {@link scanText} does, reading it a piece at a time. */
export async function scanTextFile(path: string, matcher: PiiMatcher, onPii: OnPii): Promise<void> {
  const blocks = async function* () {
    const handle = await open(path);
    try {
      for (;;) {
        const block = Buffer.allocUnsafe(PIECE_BYTES);
        const {bytesRead} = await handle.read(block, 0, PIECE_BYTES, null);
        if (bytesRead === 0) return;
        yield block.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  };
  await scanTextChunks(blocks(), () => readFile(path), matcher, onPii);
}

/**
 * Scans the text of a file given as `chunks` of its bytes, in order, as
 * {@link scanText} does, a piece at a time; `whole` gives all its bytes again
 * should they prove not to be UTF-8 (and to be decoded otherwise).
 */
export async function scanTextChunks(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  whole: () => Promise<Buffer>,
  matcher: PiiMatcher,
  onPii: OnPii
): Promise<void> {
  // Held until the end: a piece that is not UTF-8 means the text is read again whole, in another encoding.
  const found: [PiiKind, number][] = [];
  const scan = pieceScanner(matcher, (kind, offset) => found.push([kind, offset]));
  let held: Buffer[] = [];
  let heldBytes = 0;
  const scanPiece = (piece: Buffer) => {
    if (!isUtf8(piece)) return false;
    if (piece.length > 0) scan(piece);
    return true;
  };
  for await (const chunk of chunks) {
    held.push(chunk);
    heldBytes += chunk.length;
    // A piece ends after the last line break of the chunk that makes it large enough (a long line waits for one).
    const lineEnd = heldBytes < PIECE_BYTES ? 0 : chunk.lastIndexOf(0x0a) + 1;
    if (lineEnd === 0) continue;
    if (!scanPiece(joined(held, heldBytes - chunk.length + lineEnd))) return scanDecoded(await whole(), matcher, onPii);
    held = [chunk.subarray(lineEnd)];
    heldBytes = chunk.length - lineEnd;
  }
  if (!scanPiece(joined(held, heldBytes))) return scanDecoded(await whole(), matcher, onPii);
  for (const [kind, offset] of found) onPii(kind, offset);
}

/** Scans UTF-8 pieces given in order as one text. */
function pieceScanner(matcher: PiiMatcher, onPii: OnPii): (piece: Buffer) => void {
  let scanned = 0;
  return (piece) => {
    const text = unescapeText(piece.toString('utf8'));
    const base = scanned;
    matcher.scan(text, (kind, offset) => onPii(kind, base + offset));
    scanned += text.length;
  };
}

/**
 * The first `length` bytes of `buffers` as one buffer: a view where they lie side by side in one block of memory
 * (a small file; the blocks of {@link scanText}'s buffer, which may hold a line of hundreds of megabytes), else a copy.
 */
function joined(buffers: Buffer[], length: number): Buffer {
  const first = buffers[0];
  if (!first) return Buffer.alloc(0);
  const adjacent = buffers.every(
    (b, i) =>
      i === 0 || (b.buffer === first.buffer && b.byteOffset === buffers[i - 1]!.byteOffset + buffers[i - 1]!.length)
  );
  return adjacent ? Buffer.from(first.buffer, first.byteOffset, length) : Buffer.concat(buffers, length);
}

/** Scans the text of `bytes`, not UTF-8, decoded whole. */
function scanDecoded(bytes: Buffer, matcher: PiiMatcher, onPii: OnPii): void {
  matcher.scan(unescapeText(decodeText(bytes)), onPii);
}

/** The text of `bytes`: UTF-8 (BOM kept, as one character), else GB18030, else UTF-8 with replacement characters. */
function decodeText(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  try {
    return new TextDecoder('gb18030', {fatal: true}).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}
