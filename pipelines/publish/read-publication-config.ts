import {existsSync, readFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {parse} from 'yaml';
import {
  type Bilingual,
  DEFAULT_COVERAGE_THRESHOLD,
  DEFAULT_LICENCE,
  type PublicationConfig
} from '../../src/lib/publication-config.ts';
import {PipelineError} from '../lib/pipeline-error.ts';

/** The configuration files looked for in the input folder, in this order. */
export const PUBLICATION_CONFIG_FILES = ['site.yml', 'site.yaml', 'site.json'];

/** What a publisher writes in `site.yml`: every field optional; texts either one string or `{zh, en}`. */
export interface PublicationConfigSpec {
  publisher?: string | Partial<Bilingual>;
  title?: string | Partial<Bilingual>;
  site_url?: string;
  licence?: string | {name?: string; url?: string; text?: string | Partial<Bilingual>};
  citation?: string | Partial<Bilingual>;
  coverage_threshold?: number | string;
  /** `YYYY-MM-DD` (YAML reads an unquoted date as a Date). */
  release_date?: string | Date;
}

export interface PublicationConfigDefaults {
  /** Name of the region at the root of the hierarchy, the default publisher (e.g. 赣州市). */
  publisher: string;
  title: Bilingual;
}

/**
 * Reads the site configuration: `file` when given (`gongshi build --site-config`),
 * else the first of site.yml, site.yaml, site.json in the input folder, else
 * none. Returns it normalised over `defaults`; throws an E_SITE_CONFIG
 * PipelineError naming the field that is wrong.
 */
export function readPublicationConfig(
  input: string,
  defaults: PublicationConfigDefaults,
  file?: string
): PublicationConfig {
  const path = file ?? PUBLICATION_CONFIG_FILES.map((name) => join(input, name)).find((p) => existsSync(p));
  if (!path) return normalizePublicationConfig({}, defaults);
  if (!existsSync(path)) throw configError(basename(path), 'file', 'not found');
  let spec: unknown;
  try {
    // YAML is a superset of JSON, so one parser reads both.
    spec = parse(readFileSync(path, 'utf8')) ?? {};
  } catch (error) {
    throw configError(basename(path), 'file', (error as Error).message.split('\n')[0]!);
  }
  if (typeof spec !== 'object' || Array.isArray(spec)) throw configError(basename(path), 'file', 'not a mapping');
  return normalizePublicationConfig(spec as PublicationConfigSpec, defaults, basename(path));
}

/** Fills in the defaults and checks the types of a configuration spec. */
export function normalizePublicationConfig(
  spec: PublicationConfigSpec,
  defaults: PublicationConfigDefaults,
  file = 'site.yml'
): PublicationConfig {
  const known = new Set([
    'publisher',
    'title',
    'site_url',
    'licence',
    'license',
    'citation',
    'coverage_threshold',
    'release_date'
  ]);
  const unknown = Object.keys(spec).find((key) => !known.has(key));
  if (unknown) throw configError(file, unknown, 'unknown field');
  const text = (field: string, value: unknown, fallback: Bilingual | null): Bilingual | null => {
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string') return {zh: value, en: value};
    if (typeof value === 'object' && !Array.isArray(value)) {
      const {zh, en} = value as Partial<Bilingual>;
      if ((zh === undefined || typeof zh === 'string') && (en === undefined || typeof en === 'string') && (zh || en)) {
        return {zh: zh ?? en!, en: en ?? zh!};
      }
    }
    throw configError(file, field, 'expected text or {zh, en}');
  };
  const licenceSpec = spec.licence ?? (spec as {license?: PublicationConfigSpec['licence']}).license;
  let licence = DEFAULT_LICENCE;
  if (typeof licenceSpec === 'string') {
    licence = {name: licenceSpec, url: null, text: {zh: licenceSpec, en: licenceSpec}};
  } else if (licenceSpec && typeof licenceSpec === 'object') {
    const name = licenceSpec.name ?? DEFAULT_LICENCE.name;
    if (typeof name !== 'string') throw configError(file, 'licence.name', 'expected text');
    if (licenceSpec.url !== undefined) assertUrl(file, 'licence.url', licenceSpec.url);
    licence = {
      name,
      url: licenceSpec.url ?? (name === DEFAULT_LICENCE.name ? DEFAULT_LICENCE.url : null),
      text: text('licence.text', licenceSpec.text, name === DEFAULT_LICENCE.name ? DEFAULT_LICENCE.text : null) ?? {
        zh: name,
        en: name
      }
    };
  } else if (licenceSpec !== undefined && licenceSpec !== null) {
    throw configError(file, 'licence', 'expected text or {name, url, text}');
  }
  if (spec.site_url !== undefined) assertUrl(file, 'site_url', spec.site_url);
  return {
    coverage_threshold: coverageThreshold(file, spec.coverage_threshold),
    publisher: text('publisher', spec.publisher, {zh: defaults.publisher, en: defaults.publisher})!,
    title: text('title', spec.title, defaults.title)!,
    licence,
    citation: text('citation', spec.citation, null),
    site_url: spec.site_url ? spec.site_url.replace(/\/?$/, '/') : null,
    release_date: releaseDate(file, spec.release_date)
  };
}

/** The configured release date as `YYYY-MM-DD`, or null when none is given. */
function releaseDate(file: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(text)) {
    throw configError(file, 'release_date', 'expected a date YYYY-MM-DD');
  }
  return text;
}

/** The coverage threshold: a share in (0, 1], written 0.8 or 80%; default 0.8. */
function coverageThreshold(file: string, value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_COVERAGE_THRESHOLD;
  const text = String(value).trim();
  const share = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === '' || !Number.isFinite(share) || share <= 0 || share > 1) {
    throw configError(file, 'coverage_threshold', 'expected a share above 0 and at most 1, like 0.8 or 80%');
  }
  return share;
}

function assertUrl(file: string, field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/.test(value)) {
    throw configError(file, field, 'expected an http(s) URL');
  }
}

function configError(file: string, field: string, reason: string) {
  return new PipelineError({code: 'E_SITE_CONFIG', file, params: {field, reason}});
}
