import iconv from 'iconv-lite';
import {describe, expect, it} from 'vitest';
import {detectEncoding, isSpreadsheet} from '../../../pipelines/ingest/detect-encoding.ts';

describe('detectEncoding', () => {
  const utf8 = Buffer.from('户编号,年度\n');
  it.each([
    ['a UTF-8 BOM', Buffer.from('\uFEFFa,b\n'), 'utf8'],
    ['pure ASCII', Buffer.from('code,name\n'), 'utf8'],
    ['UTF-8 Chinese', utf8, 'utf8'],
    ['UTF-8 cut inside a character', utf8.subarray(0, 4), 'utf8'],
    ['GBK Chinese', iconv.encode('户编号,年度,脱贫状态\r\n', 'gbk'), 'gb18030'],
    ['GB18030 four-byte characters', iconv.encode('㐀,€\n', 'gb18030'), 'gb18030'],
    ['bytes valid in neither', Buffer.from([0x61, 0xff, 0x80, 0xff]), undefined],
    ['UTF-16 with a BOM', Buffer.from('\uFEFFa,b', 'utf16le'), undefined]
  ])('%s', (_, bytes, expected) => expect(detectEncoding(bytes)).toBe(expected));
});

describe('isSpreadsheet', () => {
  it('tells an .xlsx or .xls workbook from text', () => {
    expect(isSpreadsheet(Buffer.from('PK\x03\x04', 'latin1'))).toBe(true);
    expect(isSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(true);
    expect(isSpreadsheet(Buffer.from('PK,name\n'))).toBe(false);
  });
});
