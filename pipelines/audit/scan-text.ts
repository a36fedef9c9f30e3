/**
 * Scans a file's text for input PII as one text (scan-files.ts), a piece at a
 * time: a province's published tables are hundreds of megabytes, and their
 * whole text, unescaped and with its name dots folded, was several copies of
 * it in memory at once (2.2 GiB more in a province's final scan).
 */
import {isUtf8} from 'node:buffer';
import {open, readFile} from 'node:fs/promises';
import type {OnPii, PiiMatcher} from './pii-matcher.ts';
import {unescapeText} from './unescape-text.ts';

/**
 * The size of a piece: UTF-8 text is decoded and scanned this much at a time,
 * cut after a line break (a longer line is one piece). Nothing the matcher
 * finds or unescapes spans a line break, and a line break byte is never part
 * of a multi-byte character, so the pieces find what the whole text would.
 */
export const PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Scans the text of `bytes`: UTF-8 (BOM kept, as one character), else
 * GB18030, else UTF-8 with replacement characters. Offsets are those of the
 * whole decoded, unescaped text.
 */
export function scanText(bytes: Buffer, matcher: PiiMatcher, onPii: OnPii): void {
  if (!isUtf8(bytes)) {
    matcher.scan(unescapeText(decodeText(bytes)), onPii);
    return;
  }
  const scan = pieceScanner(matcher, onPii);
  for (let start = 0; start < bytes.length;) {
    const end = pieceEnd(bytes, start);
    scan(bytes.subarray(start, end));
    start = end;
  }
}

/** Scans the text of the file at `path` as {@link scanText} does, reading it a piece at a time. */
export async function scanTextFile(path: string, matcher: PiiMatcher, onPii: OnPii): Promise<void> {
  // Held until the end: a piece that is not UTF-8 means the file is read again whole, in another encoding.
  const found: [Parameters<OnPii>[0], number][] = [];
  const scan = pieceScanner(matcher, (kind, offset) => found.push([kind, offset]));
  const handle = await open(path);
  let utf8 = true;
  try {
    let held: Buffer[] = [];
    for (;;) {
      const block = Buffer.allocUnsafe(PIECE_BYTES);
      const {bytesRead} = await handle.read(block, 0, PIECE_BYTES, null);
      const read = block.subarray(0, bytesRead);
      const lineEnd = bytesRead === 0 ? -1 : read.lastIndexOf(0x0a) + 1;
      if (lineEnd === 0) {
        held.push(read);
        continue;
      }
      const piece = Buffer.concat([...held, lineEnd < 0 ? Buffer.alloc(0) : read.subarray(0, lineEnd)]);
      held = lineEnd < 0 ? [] : [read.subarray(lineEnd)];
      if (!isUtf8(piece)) {
        utf8 = false;
        break;
      }
      if (piece.length > 0) scan(piece);
      if (bytesRead === 0) break;
    }
  } finally {
    await handle.close();
  }
  if (!utf8) return scanText(await readFile(path), matcher, onPii);
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

/** Where the piece of `bytes` from `start` ends: after the last line break within PIECE_BYTES, else after the next. */
function pieceEnd(bytes: Buffer, start: number): number {
  if (bytes.length - start <= PIECE_BYTES) return bytes.length;
  const before = bytes.lastIndexOf(0x0a, start + PIECE_BYTES - 1);
  if (before >= start) return before + 1;
  const after = bytes.indexOf(0x0a, start + PIECE_BYTES);
  return after < 0 ? bytes.length : after + 1;
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
