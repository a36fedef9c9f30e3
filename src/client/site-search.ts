import {fillPlaceholders} from '../lib/fill-placeholders.ts';

interface PagefindResult {
  data: () => Promise<{url: string; meta: {title?: string; place?: string; notice?: string}}>;
}
interface Pagefind {
  search: (query: string) => Promise<{results: PagefindResult[]}>;
}

/**
 * Runs the query in `?q=` against the Pagefind index built with the site and
 * lists the matching regions, indicators and projects (with a link to each
 * project's notice). Pagefind's script is loaded from
 * the site itself, only on the search page.
 */
export async function runSearch(): Promise<void> {
  const section = document.querySelector<HTMLElement>('#search-results');
  const query = new URLSearchParams(location.search).get('q')?.trim();
  const input = document.querySelector<HTMLInputElement>('#q');
  if (!section || !query) return;
  if (input) input.value = query;
  const pagefind = (await import(/* @vite-ignore */ section.dataset.pagefind!)) as Pagefind;
  const {results} = await pagefind.search(query);
  const items = await Promise.all(results.slice(0, 50).map((r) => r.data()));
  const heading = document.createElement('h2');
  heading.textContent = fillPlaceholders(items.length ? section.dataset.heading! : section.dataset.none!, {q: query});
  const list = document.createElement('ol');
  for (const item of items) {
    const link = document.createElement('a');
    link.href = item.url;
    link.textContent = item.meta.title ?? item.url;
    const li = document.createElement('li');
    li.append(link);
    if (item.meta.place) li.append(` · ${item.meta.place}`);
    // A project leads to the notice it is posted on, too.
    if (item.meta.notice) {
      const notice = document.createElement('a');
      notice.href = item.meta.notice;
      notice.textContent = section.dataset.noticeLabel!;
      notice.dataset.noticeLink = '';
      li.append(' · ', notice);
    }
    list.append(li);
  }
  section.replaceChildren(heading, list);
}
