import type {APIRoute, GetStaticPaths} from 'astro';
import {cityPaths} from '../../../lib/built-parts.ts';
import {localeOf, localePaths} from '../../../lib/locale-routes.ts';
import {hasNoticeFeed, noticeFeed} from '../../../lib/notice-feed.ts';

// No feed without the site's origin: Atom's ids and links are absolute URLs.
export const getStaticPaths = (() => cityPaths(() => (hasNoticeFeed() ? localePaths() : []))) satisfies GetStaticPaths;

/** The Atom feed of notices, in the language of its path. */
export const GET: APIRoute = ({params}) =>
  new Response(noticeFeed(localeOf(params.lang)), {headers: {'Content-Type': 'application/atom+xml; charset=utf-8'}});
