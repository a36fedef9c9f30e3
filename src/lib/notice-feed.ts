import {formatYuanExact} from './format-number.ts';
import {type Locale, t} from './i18n.ts';
import {allNotices, noticePath} from './notice-index.ts';
import {readRegions} from './published-data.ts';
import {regionTreeOf} from './region-tree.ts';
import {siteOrigin} from './site-settings.ts';
import {localeUrl} from './site-urls.ts';
import {xml} from './xml-text.ts';
import {placeName} from './place-name.ts';

/** Whether the site publishes a feed: only with a configured origin, as Atom ids and links are absolute. */
export const hasNoticeFeed = (): boolean => siteOrigin() !== null;

/** How many notices the feed carries: the newest; older ones stay on the site and in the sitemap. */
export const FEED_ENTRIES = 200;

/**
 * Returns the Atom feed (RFC 4287) of the newest notices in a language,
 * newest first. Every date comes from the data (a notice's {@link Notice.date}),
 * never the clock, so the same release gives the same feed; an entry's id is
 * its page URL, stable while the site's origin and base path stay the same.
 * A feed needs absolute URLs: without a configured origin there is none
 * ({@link hasNoticeFeed}).
 */
export function noticeFeed(locale: Locale): string {
  const origin = siteOrigin();
  if (!origin) throw new Error('the notice feed needs the site’s origin (--site-url)');
  const absoluteUrl = (path: string) => `${origin}/${path.replace(/^\//, '')}`;
  const tree = regionTreeOf(readRegions());
  const entries = [...allNotices()]
    .sort((a, b) => b.date.localeCompare(a.date) || b.year - a.year || a.region.code.localeCompare(b.region.code))
    .slice(0, FEED_ENTRIES);
  const selfUrl = absoluteUrl(localeUrl('notices/feed.xml', locale));
  const indexUrl = absoluteUrl(localeUrl('notices/', locale));
  const updated = entries[0]?.date ?? '1970-01-01';
  const title = `${t(locale, 'site.title')} · ${t(locale, 'notice.indexTitle')}`;
  const items = entries.map((notice) => {
    const url = absoluteUrl(localeUrl(noticePath(notice.year, notice.region.code), locale));
    const parent = tree.byCode.get(notice.region.parent_code ?? '');
    const place = t(locale, 'notice.placeInParent', {
      name: placeName(notice.region.name, locale),
      parent: parent ? placeName(parent.name, locale) : ''
    });
    const budget = notice.projects.reduce((sum, p) => sum + p.budget, 0);
    return [
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(t(locale, 'notice.title', {place, year: notice.year}))}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <updated>${atomDate(notice.date)}</updated>`,
      `    <summary>${xml(
        t(locale, 'notice.feedEntry', {
          place,
          year: notice.year,
          count: notice.projects.length,
          budget: formatYuanExact(budget, locale)
        })
      )}</summary>`,
      '  </entry>'
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xml(selfUrl)}</id>`,
    `  <title>${xml(title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(indexUrl)}"/>`,
    `  <updated>${atomDate(updated)}</updated>`,
    `  <author><name>${xml(t(locale, 'site.title'))}</name></author>`,
    ...items,
    '</feed>',
    ''
  ].join('\n');
}

/** An ISO calendar date as an Atom date-time: midnight UTC of that day. */
const atomDate = (date: string) => `${date}T00:00:00Z`;
