import type {APIRoute} from 'astro';
import {noticeFeed} from '../../../lib/notice-feed.ts';

/** The Atom feed of notices in English. */
export const GET: APIRoute = () =>
  new Response(noticeFeed('en'), {headers: {'Content-Type': 'application/atom+xml; charset=utf-8'}});
