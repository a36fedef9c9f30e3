import {describe, expect, it} from 'vitest';
import {normalizeSvg} from './snapshot.ts';

describe('normalizeSvg', () => {
  it('puts one element a line, sorts attributes and rounds coordinates', () => {
    const svg =
      '<svg width="640" class="plot"><g stroke="red" aria-label="dot"><circle cy="1.23456" cx="-0.0001" /></g><text y="0.32em" transform="translate(1.005,2)">目标 ≥90.0%</text></svg>';
    expect(normalizeSvg(svg)).toBe(
      [
        '<svg class="plot" width="640">',
        '  <g aria-label="dot" stroke="red">',
        '    <circle cx="0" cy="1.23" />',
        '  </g>',
        '  <text transform="translate(1,2)" y="0.32em">目标 ≥90.0%</text>',
        '</svg>',
        ''
      ].join('\n')
    );
  });

  it('reads a ">" inside an attribute value as text', () => {
    expect(normalizeSvg('<svg aria-label="target > 0 pp"><text>a</text></svg>')).toBe(
      '<svg aria-label="target > 0 pp">\n  <text>a</text>\n</svg>\n'
    );
  });

  it('is idempotent', () => {
    const svg = '<svg><style>:where(.plot) {\n  display: block;\n}</style><g><path d="M0.123,1L2,3" /></g></svg>';
    expect(normalizeSvg(normalizeSvg(svg))).toBe(normalizeSvg(svg));
  });
});
