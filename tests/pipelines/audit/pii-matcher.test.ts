import {describe, expect, it} from 'vitest';
import {createPiiMatcher} from '../../../pipelines/audit/pii-matcher.ts';
import type {PiiKind} from '../../../pipelines/audit/pii-matcher.ts';

// Invented heads of household; 文明 is also part of an office's name, a public word.
const matcher = createPiiMatcher(
  {names: new Set(['肖荣华', '文明', '李新']), idNumbers: new Set(), phones: new Set()},
  ['安远县文明办']
);
const scan = (text: string) => {
  const found: [PiiKind, number][] = [];
  matcher.scan(text, (kind, offset) => found.push([kind, offset]));
  return found;
};

describe('createPiiMatcher: names written with spaces inside', () => {
  it('finds a name padded as a register pads it, copied into a longer text, at its first character', () => {
    const text = '资产归肖\u3000荣华等5户所有';
    expect(scan(text)).toEqual([['name', text.indexOf('肖')]]);
    expect(scan('户主 李 新')).toEqual([['name', 3]]);
    expect(scan('户主李\u00a0\u00a0新')).toEqual([['name', 2]]);
  });

  it('reports a name without spaces once, and none inside a public word, spaced or not', () => {
    expect(scan('肖荣华 家庭')).toEqual([['name', 0]]);
    expect(scan('安远县文明办 通知')).toEqual([]);
    expect(scan('安远县文 明办')).toEqual([]);
  });

  it('finds a transliterated name written with another dot, or none', () => {
    const dotted = createPiiMatcher({names: new Set(['阿卜杜·热合曼']), idNumbers: new Set(), phones: new Set()}, []);
    for (const text of ['户主阿卜杜•热合曼', '户主阿卜杜・热合曼', '户主阿卜杜热合曼', '户主阿卜杜·热合曼']) {
      const found: number[] = [];
      dotted.scan(text, (_, offset) => found.push(offset));
      expect(found, text).toEqual([2]);
    }
  });

  it('does not join words three spaces apart', () => {
    expect(scan('肖   荣华')).toEqual([]);
  });
});

describe('createPiiMatcher: numbers', () => {
  const phones = createPiiMatcher({names: new Set(), idNumbers: new Set(), phones: new Set(['13444423929'])}, []);
  const found = (text: string) => {
    const offsets: number[] = [];
    phones.scan(text, (_, offset) => offsets.push(offset));
    return offsets;
  };

  it('finds a phone wherever it stands alone, a full stop after it included', () => {
    expect(found('联系电话13444423929')).toEqual([4]);
    expect(found('call 13444423929.')).toEqual([5]);
    expect(found('a,13444423929,b')).toEqual([2]);
  });

  it('reads either side of a decimal point between digits as a number, not a phone (a rate of a province)', () => {
    expect(found('village,2020,1.13444423929,,')).toEqual([]);
    expect(found('13444423929.5')).toEqual([]);
  });
});
