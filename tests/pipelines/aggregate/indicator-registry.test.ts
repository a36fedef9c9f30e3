import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {
  INDICATOR_REGISTRY,
  citationsOf,
  readIndicatorRegistry
} from '../../../pipelines/aggregate/indicator-registry.ts';
import type {SourceCitation} from '../../../pipelines/aggregate/indicator-registry.ts';

// The registry's expected shape: the project's indicator list (ids in order, default targets, the clauses of the
// policy documents each rests on), written out here as the test's expectation. The documents are the ones in
// data/sources/documents.yml, by their letters in this order.
const DOCUMENT_LETTERS = ['A', 'B', 'C', 'D', 'E'];
const TABLE: {id: string; target: string; source: string}[] = [
  {id: 'consolidation_rate', target: '≥ 100% from 2020', source: '[A] 一(二)'},
  {id: 'collective_income', target: '≥ 50,000 per village', source: '[B] 二.5; [C] 三(一)'},
  {id: 'collective_income_compliance', target: '≥ 100%', source: '[B] 二.5'},
  {id: 'weak_village_compliance', target: '≥ 100% from 2020', source: '[A] 一(二)'},
  {id: 'family_doctor_rate', target: '≥ 90%', source: '[A] 二(六)'},
  {id: 'sanitary_toilet_rate', target: '≥ 95% by 2020', source: '[A] 二(七)'},
  {id: 'medical_insurance_rate', target: '≥ 100%', source: '[A] 一(二)'},
  {id: 'safe_housing_rate', target: '≥ 100%', source: '[A] 二(六); [C] 三(三)'},
  {id: 'safe_water_rate', target: '≥ 100%', source: '[E] 一.2'},
  {id: 'dropout_children', target: '= 0', source: '[C] 三(四)'},
  {id: 'income_support_coverage', target: '≥ 100%', source: '[B] 二.4'},
  {id: 'income_above_line_rate', target: '≥ 100%', source: '[B] 二.4'},
  {id: 'income_growth_gap', target: '> 0', source: '[A] 一(二); [C] 二'},
  {id: 'monitored_share', target: '≤ 5% (control line, not a goal)', source: '[D] 一(一)'},
  {id: 'risk_elimination_rate', target: 'none', source: '[D] 二(二)'},
  {id: 'garbage_collection_rate', target: '≥ 98% by 2020', source: '[A] 二(七)'},
  {id: 'greening_rate', target: '≥ 30% by 2020', source: '[A] 二(七)'},
  {id: 'tap_water_rate', target: '≥ 85% by 2020', source: '[C] 三(七)'},
  {id: 'fund_execution_rate', target: 'none', source: '[C] 四(四)'},
  {id: 'notice_compliance_rate', target: '≥ 100%', source: '[C] 四(四); [E] 5'}
];

interface DocumentSpec {
  title: string;
  issuer: string | null;
  document_number: string | null;
  date: string;
  excerpts: {clause: string; text: string}[];
}

/** The cited documents with their quoted sentences (data/sources/documents.yml), by letter. */
const SOURCES = new Map(
  (parse(readFileSync(join(import.meta.dirname, '../../../data/sources/documents.yml'), 'utf8')) as DocumentSpec[]).map(
    (d, i) => [
      DOCUMENT_LETTERS[i]!,
      {
        title: d.title,
        prefix: [d.issuer, d.document_number].filter((part) => part !== null).join(' '),
        date: d.date,
        text: squeeze(d.excerpts.map((e) => e.text).join(''))
      }
    ]
  )
);

const registry = readIndicatorRegistry();

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The letter of the source document a citation names by title, issuer, 文号 and date; undefined if none. */
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
  it('reads the indicators of the project list, in its order', () => {
    expect(SOURCES.size).toBe(5);
    expect(TABLE).toHaveLength(20);
    expect(registry.map((i) => i.id)).toEqual(TABLE.map((row) => row.id));
    expect(registry.map((i) => i.order)).toEqual(TABLE.map((_, i) => i + 1));
  });

  it('carries the default targets of the list', () => {
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

  it('cites every clause the list names for an indicator', () => {
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
    try {
      expect(() => readIndicatorRegistry(dir)).toThrow(/family_doctor_rate\.yml/);
      expect(() => readIndicatorRegistry(dir)).toThrow(message);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
