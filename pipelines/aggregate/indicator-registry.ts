/**
 * The indicator registry: one `data/indicators/<id>.yml` per indicator with its
 * names, definition, unit, how it rolls up, and its default targets, each
 * quoting the policy clause it comes from. The YAML (`IndicatorSpec`) is
 * checked and cleaned once here (`Indicator`); later stages trust it.
 * data/indicators/README.md documents every field.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {basename, isAbsolute, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';
import {CliError} from '../lib/cli-error.ts';

/** How a value is expressed. Shares are fractions (0.9 = 90%); percentage points are plain numbers (1.5 = 1.5 pp). */
export const INDICATOR_UNITS = ['percent', 'yuan', 'people', 'percentage_points'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Which way a value is better; `neutral` where neither is (a control line such as monitored_share). */
export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** The records an indicator is computed over. */
export const INDICATOR_POPULATIONS = [
  'all_households',
  'registered_households',
  'monitored_households',
  'villages',
  'weak_villages',
  'projects'
] as const;
export type IndicatorPopulation = (typeof INDICATOR_POPULATIONS)[number];

/** How a region's value is formed from its records and children (never as a mean of child rates). */
export const INDICATOR_AGGREGATIONS = [
  'ratio_of_sums',
  'weighted_mean_by_households',
  'median_of_villages',
  'sum',
  'growth_gap'
] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

/** How a value is compared with a target: `value <operator> target`. */
export const TARGET_OPERATORS = ['>=', '<=', '=', '>'] as const;
export type TargetOperator = (typeof TARGET_OPERATORS)[number];

/** A text in both site languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The clause of a policy document that sets a target or grounds a definition. */
export interface SourceCitation {
  /** Official title in 《》, as data/sources/documents.yml gives it. Two documents may share a title: the issuer tells them apart. */
  title: string;
  /** Issuing body; null where the document names none (a draft for comment). */
  issuer: string | null;
  /** 文号 such as 赣市扶攻字〔2019〕8号; null where it has none. */
  documentNumber: string | null;
  /** Date of issue, `YYYY-MM-DD`, or `YYYY` where only the year is known. */
  date: string | null;
  /** Clause in the document's numbering, such as 二(六). */
  clause: string;
  /** The clause's own words, briefly; `…` marks omitted text. */
  quote: string;
}

/** A default target of an indicator. */
export interface IndicatorTarget {
  operator: TargetOperator;
  /** In the indicator's unit: shares as fractions, yuan, people or percentage points. */
  value: number;
  /** First year the target is in force; null when it always is. */
  fromYear: number | null;
  /** Target year: before it, status follows the straight-line trend; in and after it the target is kept (保持). */
  byYear: number | null;
  /** The clause whose words the target encodes. */
  source: SourceCitation;
  /** Further clauses setting the same or a kindred target (their scope may differ: see the indicator's note). */
  seeAlso: SourceCitation[];
}

/** An indicator of the registry, checked and ready for the aggregate and publish stages. */
export interface Indicator {
  /** snake_case id: the YAML file stem, the SQL name, the URL segment. */
  id: string;
  /** Position in the indicator list (the site and the published tables show them in this order), 1-based. */
  order: number;
  name: Bilingual;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  definition: Bilingual;
  /** Plain-language formula over the input columns. */
  formula: string;
  /** Set for `ratio_of_sums` and `weighted_mean_by_households`, null otherwise. */
  numerator: Bilingual | null;
  denominator: Bilingual | null;
  population: IndicatorPopulation;
  aggregation: IndicatorAggregation;
  /** Sensitive rates get the stricter suppression rules (data contract, section 3). */
  sensitive: boolean;
  /** Default targets, by fromYear; empty where no document sets one. */
  targets: IndicatorTarget[];
  /** Clauses that ground the indicator without setting a target. */
  references: SourceCitation[];
  note: Bilingual | null;
}

/** A citation as written in YAML. */
export interface SourceCitationSpec {
  title: string;
  issuer?: string | null;
  document_number?: string | null;
  date?: string | null;
  clause: string;
  quote: string;
}

/** A target as written in YAML. */
export interface IndicatorTargetSpec {
  operator: TargetOperator;
  value: number;
  from_year?: number | null;
  by_year?: number | null;
  source: SourceCitationSpec;
  see_also?: SourceCitationSpec[];
}

/** One data/indicators/<id>.yml file as authored. */
export interface IndicatorSpec {
  id: string;
  order: number;
  name_zh: string;
  name_en: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  definition_zh: string;
  definition_en: string;
  formula: string;
  numerator_zh?: string;
  numerator_en?: string;
  denominator_zh?: string;
  denominator_en?: string;
  population: IndicatorPopulation;
  aggregation: IndicatorAggregation;
  sensitive: boolean;
  targets: IndicatorTargetSpec[];
  references?: SourceCitationSpec[];
  note_zh?: string;
  note_en?: string;
}

/** The registry shipped with Gongshi. */
export const INDICATOR_REGISTRY = fileURLToPath(new URL('../../data/indicators/', import.meta.url));

const INDICATOR_FIELDS = {
  required: [
    'id',
    'order',
    'name_zh',
    'name_en',
    'unit',
    'direction',
    'definition_zh',
    'definition_en',
    'formula',
    'population',
    'aggregation',
    'sensitive',
    'targets'
  ],
  optional: ['numerator_zh', 'numerator_en', 'denominator_zh', 'denominator_en', 'references', 'note_zh', 'note_en']
};
const TARGET_FIELDS = {required: ['operator', 'value', 'source'], optional: ['from_year', 'by_year', 'see_also']};
const CITATION_FIELDS = {required: ['title', 'clause', 'quote'], optional: ['issuer', 'document_number', 'date']};
const RATIO_AGGREGATIONS: readonly IndicatorAggregation[] = ['ratio_of_sums', 'weighted_mean_by_households'];

/**
 * Reads, checks and returns every `<id>.yml` in `dir` (default: data/indicators),
 * in the order of their `order` fields (the indicator list). Throws a
 * CliError (E_INDICATOR_SPEC) naming the file and field on the first fault: a
 * YAML syntax error, an unknown or missing field, a value outside its allowed
 * set, a share written as 90 instead of 0.9, an id that is not the file stem,
 * an `order` used twice, or one document cited with two different dates or 文号.
 */
export function readIndicatorRegistry(dir: string = INDICATOR_REGISTRY): Indicator[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort();
  if (files.length === 0) throw new CliError('E_INDICATOR_SPEC', `no indicator files (*.yml) in ${dir}`, 1);
  const orders = new Map<number, string>();
  const documents = new Map<string, string>();
  const indicators = files.map((name) => {
    const file = join(dir, name);
    let spec: unknown;
    try {
      spec = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(file, '(YAML)', error instanceof Error ? error.message.split('\n')[0]! : String(error));
    }
    const indicator = normalizeIndicator(spec, file);
    const other = orders.get(indicator.order);
    if (other !== undefined) fail(file, 'order', `${indicator.order} is also the order of ${other}`);
    orders.set(indicator.order, name);
    for (const c of citationsOf(indicator)) {
      // Two documents may share a title (both 《关于打赢脱贫攻坚战三年行动的实施意见》), so the issuer is part of the key.
      const key = `${c.title} ${c.issuer ?? ''}`;
      const seen = documents.get(key);
      const facts = `文号 ${c.documentNumber ?? '(none)'}, date ${c.date ?? '(none)'}`;
      if (seen !== undefined && seen !== facts) {
        fail(file, 'source', `${c.title} has ${facts} here but ${seen} elsewhere`);
      }
      documents.set(key, facts);
    }
    return indicator;
  });
  return indicators.sort((a, b) => a.order - b.order);
}

/** Returns every citation of an indicator: target sources, their see_also clauses, then references. */
export function citationsOf(indicator: Indicator): SourceCitation[] {
  return [...indicator.targets.flatMap((t) => [t.source, ...t.seeAlso]), ...indicator.references];
}

/**
 * Returns the Indicator described by `spec`, the parsed YAML of `file` (whose
 * stem must be the id). Optional fields left out become null or empty lists;
 * targets are sorted by from_year. Throws as readIndicatorRegistry does.
 */
export function normalizeIndicator(spec: unknown, file: string): Indicator {
  const raw = mapping(file, '', spec, INDICATOR_FIELDS.required, INDICATOR_FIELDS.optional);
  const field = (name: string): Field => ({file, field: name, value: raw[name]});
  const id = text(field('id'));
  const stem = basename(file).replace(/\.yml$/, '');
  if (!/^[a-z][a-z0-9_]*$/.test(id)) fail(file, 'id', `"${id}" must be snake_case`);
  if (id !== stem) fail(file, 'id', `"${id}" must equal the file name ${stem}`);
  const unit = oneOf(field('unit'), INDICATOR_UNITS);
  const aggregation = oneOf(field('aggregation'), INDICATOR_AGGREGATIONS);
  const numerator = pair(file, raw, 'numerator');
  const denominator = pair(file, raw, 'denominator');
  const ratio = RATIO_AGGREGATIONS.includes(aggregation);
  if (ratio && (!numerator || !denominator)) {
    fail(file, 'numerator_zh', `${aggregation} needs numerator_zh/_en and denominator_zh/_en`);
  }
  if (!ratio && (numerator || denominator)) {
    fail(file, 'numerator_zh', `${aggregation} has no numerator or denominator`);
  }
  const targets = list(field('targets')).map((t, i) => normalizeTarget(file, `targets[${i}]`, t, unit));
  targets.sort((a, b) => (a.fromYear ?? 0) - (b.fromYear ?? 0));
  targets.forEach((t, i) => {
    if (i > 0 && t.fromYear === targets[i - 1]!.fromYear) fail(file, 'targets', 'two targets share one from_year');
  });
  const references = list({...field('references'), value: raw.references ?? []}).map((c, i) =>
    citation(file, `references[${i}]`, c)
  );
  if (targets.length === 0 && references.length === 0) {
    fail(file, 'references', 'an indicator without targets must cite the clause it rests on');
  }
  return {
    id,
    order: integer(field('order'), 1, 999),
    name: {zh: text(field('name_zh')), en: text(field('name_en'))},
    unit,
    direction: oneOf(field('direction'), INDICATOR_DIRECTIONS),
    definition: {zh: text(field('definition_zh')), en: text(field('definition_en'))},
    formula: text(field('formula')),
    numerator,
    denominator,
    population: oneOf(field('population'), INDICATOR_POPULATIONS),
    aggregation,
    sensitive: bool(field('sensitive')),
    targets,
    references,
    note: pair(file, raw, 'note')
  };
}

function normalizeTarget(file: string, at: string, spec: unknown, unit: IndicatorUnit): IndicatorTarget {
  const raw = mapping(file, at, spec, TARGET_FIELDS.required, TARGET_FIELDS.optional);
  const field = (name: string): Field => ({file, field: `${at}.${name}`, value: raw[name]});
  const value = number(field('value'));
  // A share written as 90 instead of 0.9 would make every value miss its target.
  if (unit === 'percent' && (value < 0 || value > 1))
    fail(file, `${at}.value`, `${value} must be a fraction 0–1 (0.9 = 90%)`);
  const fromYear = raw.from_year == null ? null : integer(field('from_year'), 2000, 2100);
  const byYear = raw.by_year == null ? null : integer(field('by_year'), 2000, 2100);
  if (fromYear !== null && byYear !== null && byYear < fromYear) fail(file, `${at}.by_year`, 'is before from_year');
  return {
    operator: oneOf(field('operator'), TARGET_OPERATORS),
    value,
    fromYear,
    byYear,
    source: citation(file, `${at}.source`, raw.source),
    seeAlso: list({...field('see_also'), value: raw.see_also ?? []}).map((c, i) =>
      citation(file, `${at}.see_also[${i}]`, c)
    )
  };
}

function citation(file: string, at: string, spec: unknown): SourceCitation {
  const raw = mapping(file, at, spec, CITATION_FIELDS.required, CITATION_FIELDS.optional);
  const field = (name: string): Field => ({file, field: `${at}.${name}`, value: raw[name]});
  const optionalText = (name: string) => (raw[name] == null ? null : text(field(name)));
  const title = text(field('title'));
  if (!/^《.+》$/.test(title)) fail(file, `${at}.title`, `"${title}" must be the official title in 《》`);
  // An unquoted `date: 2020` reads as a number; the year alone is allowed.
  const date = typeof raw.date === 'number' ? String(raw.date) : optionalText('date');
  if (date !== null && !/^\d{4}(-\d{2}-\d{2})?$/.test(date))
    fail(file, `${at}.date`, `"${date}" must be YYYY or YYYY-MM-DD`);
  return {
    title,
    issuer: optionalText('issuer'),
    documentNumber: optionalText('document_number'),
    date,
    clause: text(field('clause')),
    quote: text(field('quote'))
  };
}

interface Field {
  file: string;
  field: string;
  value: unknown;
}

/** Throws the registry's error: file, field, what is wrong, where the fields are explained. */
function fail(file: string, field: string, problem: string): never {
  const rel = relative(process.cwd(), file);
  const shown = rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  throw new CliError(
    'E_INDICATOR_SPEC',
    `指标定义文件有误 ${shown} 字段 ${field}: ${problem}; see data/indicators/README.md [E_INDICATOR_SPEC]`,
    1
  );
}

function mapping(
  file: string,
  field: string,
  value: unknown,
  required: readonly string[],
  optional: readonly string[]
): Record<string, unknown> {
  const shown = (key: string) => (field ? `${field}.${key}` : key);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(file, field || '(top level)', 'must be a mapping of fields');
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!required.includes(key) && !optional.includes(key)) fail(file, shown(key), 'is not a known field');
  }
  for (const key of required) if (raw[key] == null) fail(file, shown(key), 'is missing');
  return raw;
}

function pair(file: string, raw: Record<string, unknown>, name: string): Bilingual | null {
  const [zh, en] = [raw[`${name}_zh`], raw[`${name}_en`]];
  if (zh == null && en == null) return null;
  if (zh == null || en == null)
    fail(file, `${name}_${zh == null ? 'zh' : 'en'}`, `is missing (${name}_zh and _en go together)`);
  return {zh: text({file, field: `${name}_zh`, value: zh}), en: text({file, field: `${name}_en`, value: en})};
}

function text({file, field, value}: Field): string {
  if (typeof value !== 'string' || value.trim() === '') fail(file, field, `must be non-empty text, not ${show(value)}`);
  return value.trim();
}

function number({file, field, value}: Field): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(file, field, `must be a number, not ${show(value)}`);
  return value;
}

function integer(field: Field, min: number, max: number): number {
  const value = number(field);
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(field.file, field.field, `must be a whole number ${min}–${max}, not ${value}`);
  }
  return value;
}

function bool({file, field, value}: Field): boolean {
  if (typeof value !== 'boolean') fail(file, field, `must be true or false, not ${show(value)}`);
  return value;
}

function oneOf<T extends string>({file, field, value}: Field, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) fail(file, field, `${show(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

function list({file, field, value}: Field): unknown[] {
  if (!Array.isArray(value)) fail(file, field, `must be a list, not ${show(value)}`);
  return value;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
