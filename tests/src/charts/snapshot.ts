/**
 * Chart snapshots, as in Plot's own tests: the rendered SVG is normalised
 * (one element a line, attributes sorted, coordinates rounded to 0.01 px)
 * and compared with `snapshots/<name>.svg`. On a mismatch the new rendering
 * is written beside it as `<name>-changed.svg` and the test fails; open both
 * to review, and replace the snapshot if the change is intended. A missing
 * snapshot is written and the test passes, except on CI.
 */
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'snapshots');

/** Compares `svg` with the committed snapshot `name`, writing `name-changed.svg` on a mismatch. */
export function expectSnapshot(name: string, svg: string): void {
  const actual = normalizeSvg(svg);
  const file = join(SNAPSHOTS, `${name}.svg`);
  const changed = join(SNAPSHOTS, `${name}-changed.svg`);
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`missing chart snapshot: ${file}`);
    mkdirSync(SNAPSHOTS, {recursive: true});
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) {
    rmSync(changed, {force: true});
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`chart ${name} differs from its snapshot; compare ${changed} with ${file}`);
}

/**
 * Returns `svg` pretty-printed and stable: each element on its own line,
 * indented two spaces a level, an element holding only text kept on one
 * line (whitespace in `<text>` is significant); attributes sorted by name;
 * decimals in coordinate attributes rounded to two places, so a last-digit
 * change in floating-point arithmetic does not fail the test. The result is
 * still a valid SVG file that opens in a browser.
 */
export function normalizeSvg(svg: string): string {
  // A tag runs to the first ">" outside quotes: attribute values may hold ">" ("target > 0.0 pp").
  const tokens = svg.match(/<!--[\s\S]*?-->|<(?:[^>"]|"[^"]*")*>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const pad = '  '.repeat(depth);
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push('  '.repeat(depth) + token);
    } else if (token.startsWith('<!--')) {
      lines.push(pad + token);
    } else if (token.startsWith('<')) {
      const tag = normalizeTag(token);
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      if (token.endsWith('/>')) {
        lines.push(pad + tag);
      } else if (text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
        lines.push(pad + tag + (tag.startsWith('<style') ? indentBlock(text, pad) : text) + close);
        i += 2;
      } else {
        lines.push(pad + tag);
        depth++;
      }
    } else if (token.trim() !== '') {
      lines.push(pad + token.trim());
    }
  }
  return `${lines.join('\n')}\n`;
}

/** An opening tag with its attributes sorted by name and their decimals rounded. */
function normalizeTag(tag: string): string {
  const match = /^<([\w:-]+)([\s\S]*?)(\/?)>$/.exec(tag);
  if (!match) return tag;
  const [, name, rest, selfClosing] = match;
  const attributes = [...rest!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)]
    .map(([, key, value]) =>
      value === undefined ? key! : `${key}="${GEOMETRY.test(key!) ? roundNumbers(value) : value}"`
    )
    .sort((a, b) => (a.split('=')[0]! < b.split('=')[0]! ? -1 : 1));
  return `<${name}${attributes.map((a) => ` ${a}`).join('')}${selfClosing ? ' />' : '>'}`;
}

/** Attributes holding coordinates; text such as aria-description keeps its decimals ("≥90.0%"). */
const GEOMETRY = /^(d|transform|x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox|points|dx|dy)$/;

function roundNumbers(value: string): string {
  return value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100 || 0));
}

/** A `<style>` body on its own lines, one level in, its own indentation kept relative to its least indented line. */
function indentBlock(text: string, pad: string): string {
  const lines = text.replace(/^\s*\n|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  const body = lines.map((line) => (line.trim() ? `${pad}  ${line.slice(indent)}` : ''));
  return `\n${body.join('\n')}\n${pad}`;
}
