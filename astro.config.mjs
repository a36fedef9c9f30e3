// The Astro site renders published tables only. `gongshi build` calls Astro's build API with the base path,
// the output folder and one integration that hands the site its configuration (src/lib/site-config.ts).
import {defineConfig} from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: {format: 'directory'},
  devToolbar: {enabled: false},
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
