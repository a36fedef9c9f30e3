import {describe, expect, it} from 'vitest';
import {simplifyRing} from '../../../src/lib/simplify-ring.ts';

describe('simplifyRing', () => {
  it('drops points within the tolerance of their neighbours’ line and keeps the corners', () => {
    const square = [
      [0, 0],
      [0.5, 0.001],
      [1, 0],
      [1, 0.5],
      [1.002, 1],
      [0, 1],
      [0, 0]
    ];
    expect(simplifyRing(square, 0.01)).toEqual([
      [0, 0],
      [1, 0],
      [1.002, 1],
      [0, 1],
      [0, 0]
    ]);
  });

  it('keeps a point farther than the tolerance, and the ends of a closed ring', () => {
    const notch = [
      [0, 0],
      [1, 0.2],
      [2, 0],
      [1, -1],
      [0, 0]
    ];
    expect(simplifyRing(notch, 0.1)).toEqual(notch);
    expect(simplifyRing(notch, 0.3)).toEqual([
      [0, 0],
      [2, 0],
      [1, -1],
      [0, 0]
    ]);
  });

  it('returns short lines as they are, copied', () => {
    const line = [
      [0, 0],
      [1, 1]
    ];
    const result = simplifyRing(line, 5);
    expect(result).toEqual(line);
    expect(result[0]).not.toBe(line[0]);
  });
});
