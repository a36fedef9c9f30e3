import {cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  INDICATOR_REGISTRY,
  citationsOf,
  readIndicatorRegistry
} from '../../../pipelines/aggregate/indicator-registry.ts';
import type {SourceCitation} from '../../../pipelines/aggregate/indicator-registry.ts';

// ../shared sits beside the project, in every developer's checkout and in CI.
const SHARED = join(import.meta.dirname, '../../../../shared');
const INDICATORS_MD = readFileSync(join(SHARED, 'INDICATORS.md'), 'utf8');
const SEEDS = join(SHARED, 'seeds');

/** The rows of the INDICATORS.md table: id, default target and source cells. */
const TABLE = INDICATORS_MD.split('\n')
  .filter((line) => /^\| [a-z_]+ \|/.test(line))
  .map((line) => {
    const cells = line.split('|').map((cell) => cell.trim());
    return {id: cells[1]!, target: cells[5]!, source: cells[6]!};
  })
  .filter((row) => row.id !== 'id');

/** The Sources of INDICATORS.md: `- [B] issuer 文号《title》, date (seed 000).` */
const SOURCES = new Map(
  [...INDICATORS_MD.matchAll(/^- \[([A-Z])\] (.*?)(《.+?》), ([\d-]+) \(seed (\d+)\)\.$/gm)].map(
    ([, letter, prefix, title, date, seed]) => {
      const file = readdirSync(SEEDS).find((f) => f.startsWith(`${seed}_`));
      if (!file) throw new Error(`no seed ${seed} in ${SEEDS}`);
      const text = squeeze(readFileSync(join(SEEDS, file), 'utf8'));
      return [letter!, {prefix: prefix!.trim(), title: title!, date: date!, text}];
    }
  )
);

const registry = readIndicatorRegistry();

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The letter of the INDICATORS.md source a citation names by title, issuer, 文号 and date; undefined if none. */
function sourceOf(c: SourceCitation): string | undefined {
  const prefix = [c.issuer, c.documentNumber].filter((part) => part !== null).join(' ');
  return [...SOURCES].find(([, s]) => s.title === c.title && s.prefix === prefix && s.date === c.date)?.[0];
}

/** The year after `word` in a target cell such as "≥ 95% by 2020"; null if none. */
function yearAfter(word: string, target: string): number | null {
  const match = new RegExp(`${word} (\\d{4})`).exec(target);
  return match ? Number(match[1]) : null;
}

/** Whether every `…`-separated part of `quote` occurs in `text`, in order, whitespace aside. */
function quotedIn(quote: string, text: string): boolean {
  let from = 0;
  for (const part of squeeze(quote).split('…')) {
    const at = part === '' ? -1 : text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

describe('readIndicatorRegistry', () => {
  it('reads the indicators of INDICATORS.md, in its order', () => {
    expect(INDICATORS_MD).toContain('## Sources');
    expect(SOURCES.size).toBe(5);
    expect(TABLE).toHaveLength(20);
    expect(registry.map((i) => i.id)).toEqual(TABLE.map((row) => row.id));
    expect(registry.map((i) => i.order)).toEqual(TABLE.map((_, i) => i + 1));
  });

  it('carries the default targets of INDICATORS.md', () => {
    const operators: Record<string, string> = {'≥': '>=', '≤': '<=', '=': '=', '>': '>'};
    for (const [i, {id, target}] of TABLE.entries()) {
      const indicator = registry[i]!;
      if (target === 'none') {
        expect(indicator.targets, id).toEqual([]);
        continue;
      }
      const [, operator, number, percent] = /^(≥|≤|=|>) ([\d,.]+)(%?)/.exec(target)!;
      const value = Number(number!.replaceAll(',', '')) / (percent ? 100 : 1);
      expect(indicator.targets, id).toHaveLength(1);
      expect(indicator.targets[0], id).toMatchObject({
        operator: operators[operator!],
        value: expect.closeTo(value, 12),
        fromYear: yearAfter('from', target),
        byYear: yearAfter('by', target)
      });
    }
  });

  it('cites every clause INDICATORS.md names for an indicator', () => {
    for (const [i, {id, source}] of TABLE.entries()) {
      const cited = citationsOf(registry[i]!);
      for (const [, letter, clause] of source.matchAll(/\[([A-Z])\] ([^;]+)/g)) {
        const want = clause!.trim();
        const found = cited.some(
          (c) => sourceOf(c) === letter && (c.clause.startsWith(want) || c.clause.endsWith(`.${want}`))
        );
        expect(found, `${id} cites [${letter}] ${want}`).toBe(true);
      }
    }
  });

  it('cites each document by its official title, issuer, 文号 and date, and names a clause', () => {
    const titles = new Set([...SOURCES.values()].map((s) => s.title));
    for (const indicator of registry) {
      for (const c of citationsOf(indicator)) {
        expect(titles, indicator.id).toContain(c.title);
        expect(sourceOf(c), `${indicator.id}: ${c.title} ${c.issuer}`).toBeDefined();
        expect(c.clause, indicator.id).not.toBe('');
      }
    }
  });

  it('quotes every clause word for word from the document it cites', () => {
    for (const indicator of registry) {
      for (const c of citationsOf(indicator)) {
        const seed = SOURCES.get(sourceOf(c)!)!;
        expect(quotedIn(c.quote, seed.text), `${indicator.id} ${c.clause}: ${c.quote}`).toBe(true);
      }
    }
  });

  it('marks as sensitive exactly the rates of data contract section 3', () => {
    const sensitive = registry.filter((i) => i.sensitive).map((i) => i.id);
    expect(sensitive).toEqual(['consolidation_rate', 'monitored_share', 'risk_elimination_rate']);
  });

  it.each([
    [
      'an unknown unit',
      (y: string) => y.replace('unit: percent', 'unit: percnt'),
      /unit: "percnt" is not one of percent/
    ],
    ['an unknown field', (y: string) => `${y}colour: red\n`, /colour: is not a known field/],
    ['a missing field', (y: string) => y.replace(/^formula:.*\n/m, ''), /formula: is missing/],
    ['a bad operator', (y: string) => y.replace("operator: '>='", "operator: '≥'"), /targets\[0\]\.operator: "≥"/],
    [
      'a share written as a percent',
      (y: string) => y.replace('value: 0.9', 'value: 90'),
      /targets\[0\]\.value: 90 must/
    ],
    ['a quote left out', (y: string) => y.replace(/^ +quote:.*\n/m, ''), /targets\[0\]\.source\.quote: is missing/]
  ])('rejects a file with %s, naming the file and the field', (_, edit, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'gongshi-indicators-'));
    cpSync(INDICATOR_REGISTRY, dir, {recursive: true});
    const file = join(dir, 'family_doctor_rate.yml');
    const yaml = readFileSync(file, 'utf8');
    const edited = edit(yaml);
    expect(edited).not.toBe(yaml);
    writeFileSync(file, edited);
    expect(() => readIndicatorRegistry(dir)).toThrow(/family_doctor_rate\.yml/);
    expect(() => readIndicatorRegistry(dir)).toThrow(message);
  });
});
