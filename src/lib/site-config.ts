/**
 * Site settings that are not data: where the site is served and whom the
 * public writes to. `gongshi build --site-url URL --contact ADDRESS` sets them
 * (through GONGSHI_SITE_URL and GONGSHI_CONTACT) for the duration of the build.
 */

/** The origin `npm start` serves at: absolute URLs point there unless `--site-url` says otherwise. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The national supervision and complaints hotline for rural poverty-consolidation work (农业农村部 12317). */
export const SUPERVISION_HOTLINE = '12317';

/**
 * Returns the origin the site is served from, without a trailing slash
 * (`https://gongshi.example.gov.cn`). Absolute URLs — the QR code of a notice,
 * the Atom feed, the sitemap — are built on it; default {@link DEFAULT_SITE_URL}.
 */
export function siteOrigin(): string {
  return (process.env.GONGSHI_SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/**
 * Returns the address that "report a problem" mails are addressed to, or `''`
 * when none is configured: the link then opens a prefilled mail with the
 * recipient left for the writer to fill in, rather than one we invented.
 */
export function contactAddress(): string {
  return process.env.GONGSHI_CONTACT ?? '';
}

/** Returns the absolute URL of a site path that already carries the base path (`/gongshi/notices/`). */
export function absoluteUrl(path: string): string {
  return `${siteOrigin()}/${path.replace(/^\//, '')}`;
}
