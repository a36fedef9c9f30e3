import {fileURLToPath} from 'node:url';
import {build} from 'astro';

/** The repository root, where astro.config.mjs lives. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildSiteOptions {
  /** Folder of published tables the site reads (never raw input). */
  dataDir: string;
  /** Where the static site is written. */
  outDir: string;
  /** URL path the site is served under, default `/`. */
  base?: string;
}

/**
 * Builds the Astro site from published tables into `outDir`. The site reads
 * GONGSHI_DATA during the build, so it is set for the duration of the call.
 */
export async function buildSite({dataDir, outDir, base = '/'}: BuildSiteOptions): Promise<void> {
  const previous = process.env.GONGSHI_DATA;
  process.env.GONGSHI_DATA = dataDir;
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  try {
    await build({root: PROJECT_ROOT, outDir, base, logLevel: 'warn', mode: 'production'});
  } finally {
    if (previous === undefined) delete process.env.GONGSHI_DATA;
    else process.env.GONGSHI_DATA = previous;
  }
}
