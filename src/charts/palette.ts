/**
 * Colours of every chart. Statuses take Okabe–Ito colours (Okabe & Ito,
 * "Color Universal Design", 2008), which stay apart under the common colour
 * vision deficiencies; the two statuses without a verdict are greys. Colour
 * is never the only carrier: every chart also writes the status in words (a
 * legend, a `<title>`, the caption).
 */

/** Status of a value against its target, in the order charts stack and list them. */
export const STATUSES = ['met', 'on_track', 'at_risk', 'off_track', 'no_target', 'incomplete', 'suppressed'] as const;

/** A status as published in `indicator_values.status`. */
export type Status = (typeof STATUSES)[number];

/** One colour per status. */
export const STATUS_COLORS: Readonly<Record<Status, string>> = {
  met: '#009E73', // bluish green
  on_track: '#0072B2', // blue
  at_risk: '#E69F00', // orange
  off_track: '#D55E00', // vermillion
  no_target: '#999999',
  incomplete: '#CC79A7', // reddish purple: too few units reported to judge
  suppressed: '#D0D0D0'
};

/** The line of a single series (trend charts, sparklines): Okabe–Ito blue. */
export const SERIES_COLOR = '#0072B2';

/** Target rules, notes and hollow markers: the site's muted ink (`--muted` in site.css, 6.4:1 on white). */
export const MUTED_COLOR = '#57606a';

/** Row guides and other hairlines. */
export const HAIRLINE_COLOR = '#e5e7eb';

/** Returns whether `x` is one of the published statuses. */
export function isStatus(x: unknown): x is Status {
  return typeof x === 'string' && (STATUSES as readonly string[]).includes(x);
}

/** Returns the colour of `status`; an unknown status is drawn as `no_target`. */
export function statusColor(status: string): string {
  return isStatus(status) ? STATUS_COLORS[status] : STATUS_COLORS.no_target;
}
