import {cp, mkdir, rename} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'astro';
import {type SiteConfig, siteConfigIntegration} from '../../src/lib/site-config.ts';
import {holdAsWorkDir, removeWorkDir} from '../lib/work-dir.ts';
import {precompressAssets} from './precompress-assets.ts';

/** The repository root, where astro.config.mjs lives. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildSiteOptions {
  /** Folder of published tables the site reads (never raw input). */
  dataDir: string;
  /** Where the static site is written. */
  outDir: string;
  /** URL path the site is served under, default `/`. */
  base?: string;
  /** Origin the site is served from (absolute URLs: QR codes, feed); none by default, and then no such URL. */
  siteUrl?: string | null;
  /** Address "report a problem" mails go to; none by default. */
  contact?: string;
  /** The parts of the site to render (page-parts.ts); all of them when null or absent. */
  parts?: readonly string[] | null;
}

/**
 * Builds the Astro site from published tables into `outDir`, with compressed
 * copies of its large assets. The site gets its configuration (data folder,
 * origin, contact) as one module through an Astro integration, not
 * through the environment.
 */
export async function buildSite({
  dataDir,
  outDir,
  base = '/',
  siteUrl,
  contact,
  parts
}: BuildSiteOptions): Promise<void> {
  const config: SiteConfig = {
    dataDir: resolve(dataDir),
    siteUrl: siteUrl ?? null,
    contact: contact ?? '',
    parts: parts ?? null
  };
  const previousBaseUrl = process.env.BASE_URL;
  const cwd = process.cwd();
  // Astro renders pages from chunks in `<outDir>/.prerender` when outDir lies inside the working
  // directory, else in `<cwd>/.astro`, which two builds at once would share and delete under each
  // other. The chunks import Astro's dependencies, so they must also sit inside the project. Hence a
  // private folder in the project per build, moved to `outDir` afterwards.
  const scratch = join(PROJECT_ROOT, '.gongshi', `site-${process.pid}-${Date.now().toString(36)}`);
  await mkdir(scratch, {recursive: true});
  holdAsWorkDir(scratch);
  // Astro fills import.meta.env of server code from process.env, so a BASE_URL there (Vitest sets one) would
  // override `base`, and every URL of a site built for a sub-path would point at the root.
  delete process.env.BASE_URL;
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  process.chdir(PROJECT_ROOT);
  try {
    await build({
      root: PROJECT_ROOT,
      outDir: scratch,
      base,
      logLevel: 'warn',
      mode: 'production',
      integrations: [siteConfigIntegration(config)]
    });
    await precompressAssets(scratch, {cacheDir: join(PROJECT_ROOT, '.gongshi', 'cache', 'precompressed')});
    await moveFolder(scratch, resolve(cwd, outDir));
  } finally {
    process.chdir(cwd);
    await removeWorkDir(scratch);
    if (previousBaseUrl !== undefined) process.env.BASE_URL = previousBaseUrl;
  }
}

/** Renames a folder, or copies it where source and target are on different file systems. */
async function moveFolder(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, {recursive: true});
  }
}
