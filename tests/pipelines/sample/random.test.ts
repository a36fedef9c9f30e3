import {describe, expect, it} from 'vitest';
import {createRandom, hashKey} from '../../../pipelines/sample/random.ts';

describe('createRandom', () => {
  it('gives the same stream for the same key and another for another key', () => {
    const draw = (...key: (string | number)[]) => {
      const random = createRandom(...key);
      return Array.from({length: 5}, () => random.next());
    };
    expect(draw(1, 'households', '360726101201')).toEqual(draw(1, 'households', '360726101201'));
    expect(draw(1, 'households', '360726101201')).not.toEqual(draw(2, 'households', '360726101201'));
    expect(draw(1, 'households', '360726101201')).not.toEqual(draw(1, 'households', '360726101202'));
  });

  it('keeps key parts apart', () => {
    expect(hashKey(['1', '23'])).not.toEqual(hashKey(['12', '3']));
  });

  it('draws within bounds', () => {
    const random = createRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(1, 4);
      expect(n >= 1 && n <= 4 && Number.isInteger(n)).toBe(true);
    }
  });

  it('picks by weight roughly in proportion', () => {
    const random = createRandom(3, 'weights');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[random.weighted([1, 2, 0])]!++;
    expect(counts[2]).toBe(0);
    expect(counts[1]! / counts[0]!).toBeGreaterThan(1.8);
    expect(counts[1]! / counts[0]!).toBeLessThan(2.2);
  });
});
