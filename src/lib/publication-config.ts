/**
 * Who publishes the data, under which licence and how to cite it: the site
 * configuration (`site.yml` in the input folder, normalised by the pipelines)
 * as published in `datapackage.json`, and the citation built from it.
 */
import type {Locale} from './i18n.ts';
import {fillPlaceholders} from './fill-placeholders.ts';

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The normalised site configuration. */
export interface PublicationConfig {
  publisher: Bilingual;
  title: Bilingual;
  licence: {name: string; url: string | null; text: Bilingual};
  /** Citation templates with `{publisher}`, `{title}`, `{release}`, `{date}`, `{url}`; null: the default wording. */
  citation: Bilingual | null;
  /** Address the site is published at (ends with `/`); citations take its origin; null when unknown. */
  site_url: string | null;
  /** The release's date (`YYYY-MM-DD`) as the office states it; null: the latest date in the input. */
  release_date: string | null;
  /** Below this share of its expected units reporting, a value's status is `incomplete` (contract v2). */
  coverage_threshold: number;
}

/** The coverage threshold when the configuration names none: 80 % of the expected units must report. */
export const DEFAULT_COVERAGE_THRESHOLD = 0.8;

/** The licence when the configuration names none: CC BY 4.0, the usual open-data licence. */
export const DEFAULT_LICENCE: PublicationConfig['licence'] = {
  name: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  text: {
    zh: '本数据依据知识共享署名 4.0 国际许可协议（CC BY 4.0）公开：可自由复制、转载、分析和再发布，须注明出处。',
    en: 'Published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): copy, redistribute, analyse and republish freely, citing the source.'
  }
};

/** What a citation names: the release and where it can be found. */
export interface CitationRelease {
  id: string;
  date: string | null;
  /** Site path of the release page, e.g. `/releases/<id>/` (made absolute with `site_url` when set). */
  path: string;
}

/**
 * Returns the citation line of a release in `locale`: the configured template
 * filled in, or by default "publisher. title, release id (date). url". The
 * URL is absolute when the configuration gives `site_url`, else the page path.
 */
export function citeRelease(config: PublicationConfig, release: CitationRelease, locale: Locale): string {
  const lang = locale === 'en' ? 'en' : 'zh';
  // The page path already holds the base path (`--base`): only the origin of site_url is taken.
  const url = config.site_url ? new URL(release.path, config.site_url).href : release.path;
  const fields: Record<string, string> = {
    publisher: config.publisher[lang],
    title: config.title[lang],
    release: release.id,
    date: release.date ?? '',
    url
  };
  if (config.citation) return fillPlaceholders(config.citation[lang], fields);
  const dated = release.date ? (lang === 'en' ? ` (${release.date})` : `（${release.date}）`) : '';
  return lang === 'en'
    ? `${fields.publisher}. ${fields.title}, release ${release.id}${dated}. ${url}`
    : `${fields.publisher}．《${fields.title}》，版本 ${release.id}${dated}．${url}`;
}
