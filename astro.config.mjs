// The Astro site renders published tables only. `gongshi build` calls Astro's build API with the base path,
// the output folder and one integration that hands the site its configuration (src/lib/site-config.ts).
import {defineConfig} from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // Four pages at a time: rendering one while others are written to disk (a city's build: 194,000 pages) took the
  // site stage from about 500 s to 356 s on 2 cores. Astro 7.4's parallelPrerender (worker threads) did no better
  // there, its workers idle half the time on the one thread that writes, and held 0.7 GiB more (docs/scale.md).
  // Style sheets are linked, never inlined: the notice pages carried 2.3 KB of CSS each, 61,000 times.
  build: {format: 'directory', inlineStylesheets: 'never', concurrency: 4},
  devToolbar: {enabled: false},
  // No page is written in Markdown; without this Astro warns that Shiki's inline styles clash with the CSP.
  markdown: {syntaxHighlight: false},
  compressHTML: true,
  // Every page gets a Content-Security-Policy <meta>: scripts only from the site itself or by the
  // SHA-256 of an inline script Astro emitted, so a script smuggled into a free-text field cannot run.
  // Styles allow 'unsafe-inline': Plot's SVG charts carry <style> elements and style attributes that
  // Astro does not hash, and CSS cannot run code. src/lib/page-csp.ts widens script-src on the pages
  // that run WebAssembly.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'"
      ],
      styleDirective: {resources: ["'self'", "'unsafe-inline'"]}
    }
  }
});
