/**
 * The UTF-8 copy through which DuckDB reads a GBK file: the same text, line
 * for line, or no copy at all when it could not be the same text.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import iconv from 'iconv-lite';
import {afterAll, describe, expect, it} from 'vitest';
import {isGb18030File, transcodeToUtf8} from '../../../pipelines/ingest/transcode-to-utf8.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-transcode-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(root, name);
  writeFileSync(path, bytes);
  return path;
}

const TEXT = '# 合成示例数据\r\n户编号,年度,户主姓名\r\nH1,2021,张㐀€\r\nH2,2021,"李四,五"\r\n';

describe('transcodeToUtf8', () => {
  it('writes the text of a GB18030 file as UTF-8, line for line, four-byte characters included', async () => {
    const gbk = file('gbk.csv', iconv.encode(TEXT, 'gb18030'));
    expect(await isGb18030File(gbk)).toBe(true);
    expect(await transcodeToUtf8(gbk, join(root, 'gbk.utf8.csv'))).toBe(true);
    expect(readFileSync(join(root, 'gbk.utf8.csv'), 'utf8')).toBe(TEXT);
  });

  it('writes no copy of a file with bytes that decode in neither encoding', async () => {
    const broken = iconv.encode(TEXT, 'gb18030');
    const path = file('broken.csv', Buffer.concat([broken, Buffer.from([0x81, 0x0a])]));
    expect(await transcodeToUtf8(path, join(root, 'broken.utf8.csv'))).toBe(false);
    expect(existsSync(join(root, 'broken.utf8.csv'))).toBe(false);
  });

  it('writes no copy of a text that begins with U+FEFF, which UTF-8 would read as a byte order mark', async () => {
    const path = file('feff.csv', iconv.encode(`\ufeff${TEXT}`, 'gb18030'));
    expect(await transcodeToUtf8(path, join(root, 'feff.utf8.csv'))).toBe(false);
    expect(existsSync(join(root, 'feff.utf8.csv'))).toBe(false);
  });

  it('takes UTF-8 and workbook files for what they are, not GB18030', async () => {
    expect(await isGb18030File(file('utf8.csv', TEXT))).toBe(false);
    expect(await isGb18030File(file('book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xb0, 0xa1])))).toBe(false);
  });
});
