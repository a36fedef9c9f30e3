/**
 * The site's configuration as its pages read it, from the module that
 * `gongshi build` serves (site-config.ts). Site code only: the pipelines have
 * the configuration in hand and never import this.
 */
import config from 'virtual:gongshi/site-config';
import {originOf} from './site-config.ts';

/**
 * Returns the origin the site is served from, without a trailing slash
 * (`https://gongshi.example.gov.cn`), or null when the build was given none.
 * Absolute URLs — the QR code of a notice, the Atom feed, citations — are
 * built on it, and left out without it: a printed QR code that leads to
 * `localhost` is worse than none.
 */
export const siteOrigin = (): string | null => (config.siteUrl ? originOf(config.siteUrl) : null);

/**
 * Returns the address that "report a problem" mails are addressed to, or `''`
 * when none is configured: the link then opens a prefilled mail with the
 * recipient left for the writer to fill in, rather than one we invented.
 */
export const contactAddress = (): string => config.contact;

/**
 * Returns the absolute URL of a site path that already carries the base path
 * (`/gongshi/notices/`), or null when the site's origin is not configured.
 */
export function absoluteUrl(path: string): string | null {
  const origin = siteOrigin();
  return origin ? `${origin}/${path.replace(/^\//, '')}` : null;
}

/** Returns the folder of published tables the site is built from; the site never reads raw input. */
export function publishedDataDir(): string {
  if (!config.dataDir) throw new Error('no published data folder: build the site with `gongshi build --input DIR`');
  return config.dataDir;
}

/** The parts of the site this build renders (page-parts.ts), or null for all of them. */
export const renderedParts = (): readonly string[] | null => config.parts ?? null;
