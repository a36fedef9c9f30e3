import {describe, expect, it} from 'vitest';
import {fillPlaceholders} from '../../../src/lib/fill-placeholders.ts';

describe('fillPlaceholders', () => {
  it('fills every placeholder named, numbers as text, each as often as it occurs', () => {
    expect(fillPlaceholders('第 {from}–{to} 行，共 {rows} 行（{rows}）', {from: 1, to: 100, rows: '1,234'})).toBe(
      '第 1–100 行，共 1,234 行（1,234）'
    );
  });

  it('leaves a placeholder that is not given as it is', () => {
    expect(fillPlaceholders('{count} rows in {seconds} s', {count: 3})).toBe('3 rows in {seconds} s');
  });

  it('takes a replacement literally: a search for "$&" or "$1" is shown as typed', () => {
    expect(fillPlaceholders('Results for “{q}”', {q: '$& $1 $$'})).toBe('Results for “$& $1 $$”');
  });
});
