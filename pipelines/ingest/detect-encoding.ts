/**
 * Encoding detection from bytes: UTF-8 (with or without BOM) or GB18030, the
 * superset of GBK that Excel on Chinese Windows writes as "CSV".
 */
import {isAscii} from 'node:buffer';

/** The text encodings an input file may use. */
export type TextEncodingName = 'utf8' | 'gb18030';

/** The WHATWG label of each encoding, for `TextDecoder`. */
export const DECODER_LABELS: Record<TextEncodingName, string> = {utf8: 'utf-8', gb18030: 'gb18030'};

/** Whether `bytes` starts with the UTF-8 byte order mark EF BB BF. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Whether `bytes` starts like an Excel workbook (.xlsx is a zip, .xls an OLE file) rather than text. */
export function isSpreadsheet(bytes: Uint8Array): boolean {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/**
 * Returns the encoding of `bytes` (a prefix of a file is enough): `utf8` for a
 * BOM, pure ASCII or valid UTF-8, else `gb18030` when the bytes decode as
 * GB18030, else undefined (undecodable). A multi-byte character cut off at the
 * end of the prefix does not count against either encoding.
 *
 * UTF-8 is tried first because GBK text is almost never valid UTF-8, while
 * Chinese UTF-8 text often also decodes (wrongly) as GB18030.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName | undefined {
  if (hasUtf8Bom(bytes) || isAscii(bytes)) return 'utf8';
  for (const encoding of ['utf8', 'gb18030'] as const) {
    if (decodes(bytes, encoding)) return encoding;
  }
  return undefined;
}

/**
 * Whether `bytes` decodes without error in `encoding`. An incomplete character
 * at the end is allowed unless `complete` is true (the bytes are a whole text).
 */
export function decodes(bytes: Uint8Array, encoding: TextEncodingName, complete = false): boolean {
  try {
    // `stream: true` keeps a trailing incomplete sequence pending instead of failing on it.
    new TextDecoder(DECODER_LABELS[encoding], {fatal: true}).decode(bytes, {stream: !complete});
    return true;
  } catch {
    return false;
  }
}
