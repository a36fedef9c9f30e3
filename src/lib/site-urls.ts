import type {Locale} from './i18n.ts';

/**
 * Returns a site-internal URL under the configured base path (`--base`,
 * e.g. `/gongshi/`), so the site works when served from a sub-path.
 */
export function siteUrl(path: string): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** The URL of a page in a language: Chinese at the root, English under `/en/`. */
export const localeUrl = (path: string, locale: Locale) =>
  siteUrl(`${locale === 'en' ? 'en/' : ''}${path.replace(/^\//, '')}`);

/** The stable page of a region, by its official code. */
export const regionUrl = (code: string, locale: Locale) => localeUrl(`regions/${code}/`, locale);

/** The page of a project, by its project id. */
export const projectUrl = (id: string, locale: Locale) => localeUrl(`projects/${encodeURIComponent(id)}/`, locale);

/** The page of a fund (its trail to the projects it pays for), by its fund id. */
export const fundUrl = (id: string, locale: Locale) => localeUrl(`funds/${encodeURIComponent(id)}/`, locale);

/** The page of a release, by its id. */
export const releaseUrl = (id: string, locale: Locale) => localeUrl(`releases/${id}/`, locale);

/** The fixed URL of a file of a release (the same for both languages). */
export const releaseFileUrl = (id: string, path: string) => siteUrl(`releases/${id}/${path}`);

/** The `tel:` link of a phone number as printed (`0797-6031261` → `tel:07976031261`), so a phone can dial it. */
export const telUrl = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;
