import type {APIRoute} from 'astro';
import {noticeFeed} from '../../lib/notice-feed.ts';

/** The Atom feed of notices in Chinese. */
export const GET: APIRoute = () =>
  new Response(noticeFeed('zh-CN'), {headers: {'Content-Type': 'application/atom+xml; charset=utf-8'}});
