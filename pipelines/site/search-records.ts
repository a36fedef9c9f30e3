import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Papa from 'papaparse';
import {projectTypeLabel} from '../../src/lib/data-labels.ts';
import type {Locale} from '../../src/lib/i18n.ts';
import {isAboveCounty} from '../../src/lib/input-tables.ts';
import {postsNotices} from '../../src/lib/notice-places.ts';
import {placeName} from '../../src/lib/place-name.ts';

/** A search record as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
}

interface Region {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/** The base path as URLs start with it: `/` or `/gongshi/`. */
export const basePrefix = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** The languages of the site's pages, as Pagefind names their indexes (from `<html lang>`). */
const LANGUAGES: readonly (readonly [Locale, string, string])[] = [
  ['zh-CN', 'zh-cn', ''],
  ['en', 'en', 'en/']
];

/**
 * The search records of the site's projects, from the published tables
 * (never the pages: parsing 120,000 project pages is what made Pagefind take
 * half an hour on the default sample). One record per project and language,
 * found by its name, its places (county, township, village; with pinyin in
 * English), its type, its fund's 文号 and its id; its meta carry the place and
 * the URL of the notice it is posted on, so that a result leads to both.
 * `base` is the site's base path (`/`, `/gongshi/`): the notice's URL carries
 * it; the record's own URL does not, as Pagefind prefixes the path it is
 * served from, as it does for the pages it indexes.
 */
export function projectSearchRecords(dataDir: string, base: string): SearchRecord[] {
  const data = dataDir;
  const regions = new Map(
    (JSON.parse(readFileSync(join(data, 'regions.json'), 'utf8')) as Region[]).map((r) => [r.code, r])
  );
  const documents = new Map(
    (JSON.parse(readFileSync(join(data, 'funds.json'), 'utf8')) as {fund_id: string; document_no: string}[]).map(
      (f) => [f.fund_id, f.document_no]
    )
  );
  const text = readFileSync(join(data, 'projects.csv'), 'utf8').replace(/^\uFEFF/, '');
  const projects = Papa.parse<Record<string, string>>(text, {header: true, skipEmptyLines: true}).data;
  // The places below the city (and province), from the county down to the project's own.
  const placesOf = (code: string): Region[] => {
    const chain: Region[] = [];
    for (
      let r = regions.get(code);
      r && !isAboveCounty(r.level);
      r = r.parent_code ? regions.get(r.parent_code) : undefined
    ) {
      chain.unshift(r);
    }
    return chain;
  };
  const prefix = basePrefix(base);
  const records: SearchRecord[] = [];
  for (const p of projects) {
    const places = placesOf(p.region_code!);
    const noticePath = `notices/${p.year}/${p.region_code}/`;
    const hasNotice = postsNotices(regions.get(p.region_code!)?.level ?? '');
    for (const [locale, language, path] of LANGUAGES) {
      const place = places.map((r) => placeName(r.name, locale)).join(' · ');
      const type = projectTypeLabel(p.type!, locale);
      records.push({
        url: `/${path}projects/${encodeURIComponent(p.project_id!)}/`,
        content: [p.name, place, type, p.type, documents.get(p.fund_id!) ?? '', p.project_id, p.year].join(' '),
        language,
        meta: {
          title: p.name!,
          place: `${place} · ${p.year}`,
          ...(hasNotice ? {notice: `${prefix}${path}${noticePath}`} : {})
        }
      });
    }
  }
  return records;
}
