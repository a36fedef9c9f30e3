/**
 * The site's configuration as its pages read it, from the module that
 * `gongshi build` serves (site-config.ts). Site code only: the pipelines have
 * the configuration in hand and never import this.
 */
import config from 'virtual:gongshi/site-config';
import {originOf} from './site-config.ts';

/**
 * Returns the origin the site is served from, without a trailing slash
 * (`https://gongshi.example.gov.cn`). Absolute URLs — the QR code of a notice,
 * the Atom feed, the sitemap — are built on it.
 */
export const siteOrigin = (): string => originOf(config.siteUrl);

/**
 * Returns the address that "report a problem" mails are addressed to, or `''`
 * when none is configured: the link then opens a prefilled mail with the
 * recipient left for the writer to fill in, rather than one we invented.
 */
export const contactAddress = (): string => config.contact;

/** Returns the absolute URL of a site path that already carries the base path (`/gongshi/notices/`). */
export const absoluteUrl = (path: string): string => `${siteOrigin()}/${path.replace(/^\//, '')}`;

/** Returns the folder of published tables the site is built from; the site never reads raw input. */
export function publishedDataDir(): string {
  if (!config.dataDir) throw new Error('no published data folder: build the site with `gongshi build --input DIR`');
  return config.dataDir;
}
