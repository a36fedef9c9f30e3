/**
 * One route per page kind for both languages, the language taken from the
 * path (as Starlight does): each route lives under `src/pages/[...lang]/`,
 * whose rest parameter is empty for the Chinese pages at the root and `en`
 * for the English ones under /en/.
 */
import type {Locale} from './i18n.ts';

/** The `lang` parameter of each language's pages: none for Chinese (the root), `en` for English. */
const LANG_PARAMS: Readonly<Record<Locale, string | undefined>> = {'zh-CN': undefined, en: 'en'};

/**
 * The static paths of a page with no parameter of its own: one per language. A new list each call: Astro keeps
 * its index of a route's paths on the list itself, so routes sharing one list would share the first one's index.
 */
export const localePaths = () => Object.values(LANG_PARAMS).map((lang) => ({params: {lang}}));

/** The language of a page from its `lang` parameter. */
export function localeOf(lang: string | undefined): Locale {
  const locale = (Object.keys(LANG_PARAMS) as Locale[]).find((l) => LANG_PARAMS[l] === lang);
  if (!locale) throw new Error(`no language for the path segment "${lang}"`);
  return locale;
}

/** A page's static paths in every language: each path once per language, Chinese first. */
export function inEveryLocale<P extends {params: Record<string, string>}>(paths: readonly P[]) {
  return localePaths().flatMap(({params: {lang}}) => paths.map((path) => ({...path, params: {...path.params, lang}})));
}
