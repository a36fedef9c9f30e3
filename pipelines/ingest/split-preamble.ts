/**
 * Finds where a CSV text's header starts: past leading `#` comment lines
 * (the synthetic sample opens with one) and blank lines, and which line break
 * the file uses.
 */

/** The lines before the header, and the text from the header on. */
export interface Preamble {
  /** The line break of the file: `\r\n` (Excel on Windows), `\n` or `\r` (old Mac Excel). */
  newline: '\r\n' | '\n' | '\r';
  /** The comment lines, without `#` and surrounding spaces. */
  comments: string[];
  /** How many physical lines come before the header. */
  skipped: number;
  /** The text from the header line on; empty when the text has no header. */
  rest: string;
}

/**
 * Splits the comment and blank lines off the start of `text`. Returns
 * undefined while `text` is too short to tell (no complete line yet) unless
 * `last` says no more text will come. A line is a comment when, trimmed, it
 * starts with `#`; later lines starting with `#` are data.
 */
export function splitPreamble(text: string, last: boolean): Preamble | undefined {
  const newline = detectNewline(text, last);
  if (!newline) return undefined;
  const comments: string[] = [];
  let start = 0;
  for (let skipped = 0; ; skipped++) {
    const end = text.indexOf(newline, start);
    if (end === -1 && !last) return undefined;
    const trimmed = text.slice(start, end === -1 ? text.length : end).trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return {newline, comments, skipped, rest: text.slice(start)};
    if (trimmed !== '') comments.push(trimmed.slice(1).trim());
    if (end === -1) return {newline, comments, skipped, rest: ''};
    start = end + newline.length;
  }
}

/** The line break that ends the first line of `text`; `\n` for a text of one unfinished line at its end. */
function detectNewline(text: string, last: boolean): Preamble['newline'] | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf !== -1 || last ? '\n' : undefined;
  // A CR at the very end may be the first half of a CRLF still to come.
  if (cr + 1 < text.length) return text[cr + 1] === '\n' ? '\r\n' : '\r';
  return last ? '\r' : undefined;
}
