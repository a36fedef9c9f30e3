/** What a page adds to the site-wide Content-Security-Policy. */
export interface PageCsp {
  /** `script-src` sources; when any is given it replaces Astro's default `'self'`, so `'self'` is listed too. */
  scriptResources: string[];
  /** Further directives, such as `worker-src`. */
  directives: string[];
}

const NONE: PageCsp = {scriptResources: [], directives: []};

// Pagefind's search runs WebAssembly in the page; the SQL console runs DuckDB-wasm in a Web Worker and hands
// it the engine's module, downloaded once by the page, as a blob: URL (a worker under this policy, as where a
// server sends it as a header, may fetch it); the project filter's Arquero compiles its table verbs (sort keys, row
// readers) with Function() from column names, never from page text, so it needs 'unsafe-eval'.
// None of them allows an inline script: everywhere, scripts come from the site itself or match a hash.
const WIDENED: Record<string, PageCsp> = {
  'search/': {scriptResources: ["'self'", "'wasm-unsafe-eval'"], directives: []},
  'projects/': {scriptResources: ["'self'", "'unsafe-eval'"], directives: []},
  'explore/': {
    scriptResources: ["'self'", "'wasm-unsafe-eval'"],
    directives: ["worker-src 'self' blob:", "connect-src 'self' blob:"]
  }
};

/**
 * Returns what the page at `path` (below the base path, e.g. `/en/explore/`)
 * adds to the Content-Security-Policy: `'wasm-unsafe-eval'` on the search and
 * SQL console pages, `worker-src` and `connect-src 'self' blob:` on the console, `'unsafe-eval'`
 * on the project list (Arquero); nothing elsewhere.
 */
export function pageCsp(path: string): PageCsp {
  const page = path.replace(/^\/(en\/)?/, '');
  return WIDENED[page] ?? NONE;
}
