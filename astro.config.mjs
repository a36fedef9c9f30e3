// The Astro site renders published tables only (GONGSHI_DATA, written by the
// pipelines); `gongshi build` sets the environment and calls Astro's build API.
import {defineConfig} from 'astro/config';

export default defineConfig({
  output: 'static',
  base: process.env.GONGSHI_BASE ?? '/',
  outDir: process.env.GONGSHI_SITE_OUT ?? './dist',
  trailingSlash: 'always',
  build: {format: 'directory'},
  devToolbar: {enabled: false},
  compressHTML: true
});
