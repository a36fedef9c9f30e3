/**
 * The site's configuration: what it is built with that is not data — the
 * folder of published tables it reads, the origin it is served from, and whom
 * the public writes to (the base path is Astro's own `base`, as
 * `import.meta.env.BASE_URL` gives it). `gongshi build` hands it to Astro in one
 * piece through {@link siteConfigIntegration}; pages read it from
 * `site-settings.ts`. (Publisher, licence and citation are publication
 * metadata: they come with the input folder's site.yml and travel in the
 * published data, `publication-config.ts`.)
 */
import type {AstroIntegration} from 'astro';

export interface SiteConfig {
  /** Absolute path of the folder of published tables the site is built from (never raw input). */
  dataDir: string;
  /**
   * The origin the site is served from (`https://gongshi.example.gov.cn`): absolute URLs build on it.
   * `null` when none is configured: the site then carries no absolute URL at all (no QR code, feed or
   * sitemap) rather than one that leads nowhere.
   */
  siteUrl: string | null;
  /** Address "report a problem" mails go to; `''` when none is configured. */
  contact: string;
  /**
   * The parts of the site this build renders (page-parts.ts): an incremental rebuild renders the changed ones, a
   * shard its share. Null (the default) renders them all.
   */
  parts?: readonly string[] | null;
}

/** The national supervision and complaints hotline for rural poverty-consolidation work (农业农村部 12317). */
export const SUPERVISION_HOTLINE = '12317';

/** The module id under which the site imports its configuration. */
export const SITE_CONFIG_MODULE = 'virtual:gongshi/site-config';

/** A URL's origin as absolute URLs use it: without a trailing slash. */
export const originOf = (url: string) => url.replace(/\/+$/, '');

/**
 * A Vite plugin that serves `config` as the module {@link SITE_CONFIG_MODULE}
 * (as JSON: the configuration is plain data).
 */
export function siteConfigPlugin(config: SiteConfig) {
  const resolved = `\0${SITE_CONFIG_MODULE}`;
  return {
    name: 'gongshi-site-config',
    resolveId: (id: string) => (id === SITE_CONFIG_MODULE ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export default ${JSON.stringify(config)};` : undefined)
  };
}

/** The Astro integration that hands the site `config` (see {@link siteConfigPlugin}). */
export function siteConfigIntegration(config: SiteConfig): AstroIntegration {
  return {
    name: 'gongshi-site-config',
    hooks: {
      'astro:config:setup': ({updateConfig}) => {
        updateConfig({vite: {plugins: [siteConfigPlugin(config)]}});
      }
    }
  };
}
