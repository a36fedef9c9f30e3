// Issue 5 (security): a Content-Security-Policy that allows no inline script except
// by hash, on every page; WebAssembly only where a page runs it.
import {readFileSync, readdirSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {join, relative} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {E2E_SITE} from './paths.ts';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/g;
const pages = readdirSync(E2E_SITE, {recursive: true, encoding: 'utf8'})
  .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
  .map((file) => relative(E2E_SITE, join(E2E_SITE, file)).replace(/index\.html$/, ''));
// The only pages whose script-src goes beyond the site itself and hashes, and what they add.
const WIDENED: Record<string, string[]> = {
  'search/': ["'wasm-unsafe-eval'"],
  'explore/': ["'wasm-unsafe-eval'"],
  'projects/': ["'unsafe-eval'"]
};

/** The directives of a policy, by name. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources])
  );

describe('Content-Security-Policy', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it(`is on every one of the ${pages.length} pages and allows inline scripts only by hash`, () => {
    expect(pages.length).toBeGreaterThan(100);
    for (const path of pages) {
      const html = readFileSync(join(E2E_SITE, path, 'index.html'), 'utf8');
      const policies = [...html.matchAll(META)].map((m) => m[1]!);
      expect(policies, path).toHaveLength(1);
      if (html.includes('<script')) {
        expect(html.indexOf('http-equiv="content-security-policy"'), path).toBeLessThan(html.indexOf('<script'));
      }
      const policy = directives(policies[0]!);
      const scripts = policy.get('script-src')!;
      expect(scripts, path).toContain("'self'");
      expect(scripts.filter((s) => !s.startsWith("'sha256-")).toSorted(), path).toEqual(
        ["'self'", ...(WIDENED[path.replace(/^en\//, '')] ?? [])].toSorted()
      );
      expect(policy.get('default-src'), path).toEqual(["'self'"]);
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(scripts, path).not.toContain("'unsafe-inline'");
      if (!path.endsWith('explore/')) expect(policy.has('worker-src'), path).toBe(false);
      // Every inline script the page carries is one the policy names by hash.
      for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = `'sha256-${sha256(body!)}'`;
        expect(scripts, `${path}: inline script not hashed`).toContain(hash);
      }
    }
  });

  it('lets the site scripts run under it: search finds a place, tables sort', async () => {
    const page = await browser().newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) blocked.push(m.text());
    });
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent('孔田')}`, {waitUntil: 'networkidle'});
    await expect(page.locator('#search-results li').count()).resolves.toBeGreaterThan(0);
    await page.goto(`${siteUrl}regions/${pages.find((p) => /^regions\/\d{9}\/$/.test(p))!.slice(8, -1)}/`);
    await expect(page.locator('table[data-sortable] button.sort-button').count()).resolves.toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    await page.close();
  });
});

/** The base64 SHA-256 of a text, as CSP hash sources write it. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
