import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import {describe, expect, it} from 'vitest';
import {MAX_RECORD_CHARS, parseCsvStream} from '../../../pipelines/ingest/parse-csv-stream.ts';
import {readTextChunks} from '../../../pipelines/ingest/read-text-chunks.ts';
import {fixtureFolder} from './fixture-folder.ts';

async function parse(bytes: Uint8Array, chunkBytes?: number, maxLineBytes?: number) {
  const path = join(await fixtureFolder({}), 'x.csv');
  await writeFile(path, bytes);
  const records: [number, string[]][] = [];
  let header: [number, string[]] | undefined;
  const summary = await parseCsvStream(readTextChunks(path, {chunkBytes, maxLineBytes}), 'x.csv', {
    header: (fields, line) => (header = [line, fields]),
    record: (fields, line) => records.push([line, fields])
  });
  return {header, records, summary};
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
// Pieces that stress quoting and chunk cuts: delimiters, quotes, both line ends, multi-byte characters.
const piece = fc.constantFrom('a', 'Z9', '中', '贫困', ',', '"', '""', '\n', '\r\n', ' ', '#');
const field = fc.array(piece, {maxLength: 6}).map((pieces) => pieces.join(''));

describe('parseCsvStream', () => {
  it('gives the same records and physical lines whatever the chunk size, encoding and line end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, {minLength: 2, maxLength: 4}), {maxLength: 6}),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('utf8', 'gbk'),
        fc.integer({min: 1, max: 48}),
        async (records, newline, encoding, chunkBytes) => {
          const text = ['h1,h2', ...records.map((r) => r.map(csvField).join(','))].join(newline) + newline;
          const {header, records: parsed} = await parse(iconv.encode(text, encoding), chunkBytes);
          let line = 2;
          const expected = records.map((fields) => {
            const at = line;
            line += 1 + fields.join('').split('\n').length - 1;
            return [at, fields];
          });
          expect(header).toEqual([1, ['h1', 'h2']]);
          expect(parsed).toEqual(expected);
        }
      ),
      {numRuns: 150}
    );
  });

  it('reads CR-only line ends (old Mac Excel) and a last line without a line end', async () => {
    const {records} = await parse(Buffer.from('a,b\r1,2\r3,"x\ry"\r5,6'));
    expect(records).toEqual([
      [2, ['1', '2']],
      [3, ['3', 'x\ry']],
      [5, ['5', '6']]
    ]);
  });

  it('keeps later lines starting with # as data', async () => {
    const {records, summary} = await parse(Buffer.from('# note one\n  # note two\na,b\n#1,2\n'));
    expect(summary.comments).toEqual(['note one', 'note two']);
    expect(records).toEqual([[4, ['#1', '2']]]);
  });

  it('names the line of an unclosed quote that runs to the end of a long file', async () => {
    const rows = Array.from({length: 2000}, (_, i) => `${i},x`).join('\n');
    const bytes = Buffer.from(`a,b\n${rows}\n7,"open\n${rows}\n`);
    await expect(parse(bytes, 4096)).rejects.toMatchObject({problem: {code: 'E_QUOTING', line: 2002}});
  });

  it('stops at an unclosed quote once the open record passes MAX_RECORD_CHARS, without reading on', async () => {
    const bytes = Buffer.from(`a,b\n1,2\n3,"open\n${'x,y\n'.repeat((MAX_RECORD_CHARS >> 2) + 1000)}`);
    await expect(parse(bytes)).rejects.toMatchObject({problem: {code: 'E_QUOTING', line: 3}});
  });

  it('stops at a line longer than maxLineBytes', async () => {
    const bytes = Buffer.from(`a,b\n1,2\n${'x'.repeat(200)}\n`);
    await expect(parse(bytes, 16, 64)).rejects.toMatchObject({problem: {code: 'E_RECORD_TOO_LONG', line: 3}});
  });
});
