// Issue 5: funds and projects — follow every yuan from the fund to the project, with the flags in words.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {describe, expect, inject, it} from 'vitest';
import {axeViolations} from './axe.ts';
import {useChromium} from './browser.ts';
import {E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const projects = readPublishedCsv('projects');
const funds = readPublishedCsv('funds');
const regions = readPublishedCsv('regions');
const regionOf = (code: string) => regions.find((r) => r.code === code)!;
// The village with the most projects, so the filter has something to narrow down.
const villageCounts = Map.groupBy(
  projects.filter((p) => regionOf(p.region_code!).level === 'village'),
  (p) => p.region_code!
);
const [villageCode, villageProjects] = [...villageCounts].sort((a, b) => b[1].length - a[1].length)[0]!;
const township = regionOf(regionOf(villageCode).parent_code!);
const county = regionOf(township.parent_code!);
// A project with a flag, whose fund pays for other projects too.
const project = projects.find(
  (p) => p.flags && projects.some((o) => o.fund_id === p.fund_id && o.project_id !== p.project_id)
)!;
const fund = funds.find((f) => f.fund_id === project.fund_id)!;
const flagsOf = (cell: string | undefined) => (cell ?? '').split(';').filter(Boolean);

describe('funds and projects', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  for (const prefix of ['', 'en/']) {
    for (const path of [
      'funds/',
      `funds/year/${fund.year}/`,
      'projects/',
      `projects/${project.project_id}/`,
      `funds/${fund.fund_id}/`
    ]) {
      it(`/${prefix}${path} has no axe violations`, async () => {
        const page = await browser().newPage();
        const response = await page.goto(`${siteUrl}${prefix}${path}`, {waitUntil: 'networkidle'});
        expect(response?.status()).toBe(200);
        await expect(axeViolations(page)).resolves.toEqual([]);
        await page.close();
      });
    }
  }

  it('filters /projects/ down to one village: the count equals the rows of projects.csv for that village', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}projects/`);
    const form = page.locator('#project-filter[data-ready]');
    await form.waitFor();
    await form.locator('select[name=county]').selectOption(county.code!);
    await form.locator('select[name=township]').selectOption(township.code!);
    await form.locator('select[name=village]').selectOption(villageCode);
    const count = page.locator('[data-result-count]');
    await expect(count.getAttribute('data-count')).resolves.toBe(String(villageProjects.length));
    const shown = await page
      .locator('table.project-list tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
    expect(shown.sort()).toEqual(villageProjects.map((p) => p.project_id).sort());
    await expect(page.locator('[data-pagination]').isHidden()).resolves.toBe(true);

    // Narrowed further by flag, then searched by name: still what projects.csv says.
    await form.locator('select[name=village]').selectOption('');
    await form.locator('select[name=flag]').selectOption('*');
    const flaggedInTownship = projects.filter(
      (p) => p.flags && (p.region_code === township.code || regionOf(p.region_code!).parent_code === township.code)
    );
    await expect(count.getAttribute('data-count')).resolves.toBe(String(flaggedInTownship.length));
    await form.locator('select[name=flag]').selectOption('');
    await form.locator('input[name=q]').fill(villageProjects[0]!.project_id!);
    await expect(count.getAttribute('data-count')).resolves.toBe('1');
    await page.close();
  });

  it('keeps search, filters and sort in the address: a copied link shows the same rows, back undoes a choice', async () => {
    const rowsOf = (page: Page) =>
      page
        .locator('table.project-list tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
    const ready = async (page: Page) => page.locator('#project-filter[data-ready]').waitFor();
    const page = await browser().newPage();
    await page.goto(`${siteUrl}projects/`);
    await ready(page);
    const form = page.locator('#project-filter');
    const village = regionOf(villageCode);
    const year = villageProjects[0]!.year!;
    await form.locator('input[name=q]').fill(village.name!);
    await form.locator('select[name=year]').selectOption(year);
    await form.locator('select[name=county]').selectOption(county.code!);
    await form.locator('select[name=township]').selectOption(township.code!);
    await form.locator('select[name=sort]').selectOption('budget-desc');
    const beforeType = await rowsOf(page);
    await form.locator('select[name=type]').selectOption(villageProjects[0]!.type!);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: village.name,
      year,
      county: county.code,
      township: township.code,
      type: villageProjects[0]!.type,
      sort: 'budget-desc'
    });
    const expected = villageProjects
      .filter((p) => p.year === year && p.type === villageProjects[0]!.type)
      .sort((a, b) => Number(b.budget) - Number(a.budget) || a.project_id!.localeCompare(b.project_id!))
      .map((p) => p.project_id);
    await expect(rowsOf(page)).resolves.toEqual(expected);

    // The address in a fresh browser: the same rows, the same choices.
    const fresh = await browser().newContext();
    const shared = await fresh.newPage();
    await shared.goto(url.href);
    await ready(shared);
    await expect(rowsOf(shared)).resolves.toEqual(expected);
    await expect(shared.locator('select[name=township]').inputValue()).resolves.toBe(township.code);
    await expect(shared.locator('input[name=q]').inputValue()).resolves.toBe(village.name);
    await fresh.close();

    // Back undoes the last choice; forward redoes it.
    await page.goBack();
    await expect.poll(() => page.locator('select[name=type]').inputValue()).toBe('');
    await expect(rowsOf(page)).resolves.toEqual(beforeType);
    await page.goForward();
    await expect.poll(() => rowsOf(page)).toEqual(expected);
    await page.close();
  });

  it('reads a shortened or mistyped address: a village alone, an unknown county, a sort that does not exist', async () => {
    const rowsOf = (page: Page) =>
      page
        .locator('table.project-list tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
    const page = await browser().newPage();
    // The village names its township and county.
    await page.goto(`${siteUrl}projects/?village=${villageCode}`);
    await page.locator('#project-filter[data-ready]').waitFor();
    await expect(page.locator('select[name=township]').inputValue()).resolves.toBe(township.code);
    await expect(page.locator('select[name=county]').inputValue()).resolves.toBe(county.code);
    expect((await rowsOf(page)).sort()).toEqual(villageProjects.map((p) => p.project_id).sort());
    // What the lists do not offer falls back to the defaults, and the address says what is shown.
    await page.goto(`${siteUrl}projects/?county=999&sort=bogus&page=1.5&year=${villageProjects[0]!.year}`);
    await page.locator('#project-filter[data-ready]').waitFor();
    await expect(page.locator('select[name=county]').inputValue()).resolves.toBe('');
    await expect(page.locator('select[name=sort]').inputValue()).resolves.toBe('year-desc');
    expect(new URL(page.url()).search).toBe(`?year=${villageProjects[0]!.year}`);
    const inYear = projects.filter((p) => p.year === villageProjects[0]!.year).length;
    await expect(page.locator('[data-result-count]').getAttribute('data-count')).resolves.toBe(String(inYear));
    // The other language's link carries the same view.
    await expect(page.locator('a[hreflang]').first().getAttribute('href')).resolves.toContain(
      `/en/projects/?year=${villageProjects[0]!.year}`
    );
    await page.close();
  });

  it('downloads the filtered rows as CSV', async () => {
    const page = await browser().newPage({acceptDownloads: true});
    await page.goto(`${siteUrl}projects/`);
    const form = page.locator('#project-filter[data-ready]');
    await form.waitFor();
    await form.locator('select[name=county]').selectOption(county.code!);
    await form.locator('select[name=township]').selectOption(township.code!);
    await form.locator('select[name=village]').selectOption(villageCode);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.locator('button[name=download]').click()
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toContain('project_id');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort()
    ).toEqual(villageProjects.map((p) => p.project_id).sort());
    await page.close();
  });

  it('sorts the filtered projects by budget', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}projects/`);
    const form = page.locator('#project-filter[data-ready]');
    await form.waitFor();
    await form.locator('select[name=county]').selectOption(county.code!);
    await form.locator('select[name=sort]').selectOption('budget-desc');
    const first = await page.locator('table.project-list tbody tr').first().getAttribute('data-project');
    const inCounty = projects.filter((p) => p.region_code!.startsWith(county.code!));
    const largest = inCounty.reduce((a, b) => (Number(b.budget) > Number(a.budget) ? b : a));
    expect(first).toBe(largest.project_id);
    await page.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`shows on /projects/ the count of every flag rule in projects.csv (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser().newContext({javaScriptEnabled});
      const page = await context.newPage();
      await page.goto(`${siteUrl}en/projects/`);
      const shown = await page
        .locator('[data-flag-summary] li')
        .evaluateAll((items) => items.map((li) => [li.getAttribute('data-flag'), li.textContent] as const));
      const rules = new Set(projects.flatMap((p) => flagsOf(p.flags)));
      expect(rules.size).toBeGreaterThan(2);
      for (const rule of rules) {
        const count = projects.filter((p) => flagsOf(p.flags).includes(rule)).length;
        const item = shown.find(([flag]) => flag === rule);
        expect(item?.[1], rule).toContain(`: ${count.toLocaleString('en-US')} projects.`);
      }
      for (const [flag, text] of shown) {
        if (!rules.has(flag!)) expect(text, flag!).toContain(': 0 projects.');
      }
      await context.close();
    });
  }

  it('shows a project page with its fund trail equal to projects.csv and funds.csv, without JavaScript', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}projects/${project.project_id}/`);
    const value = (scope: string, field: string) =>
      page.locator(`${scope} [data-field=${field}]`).first().getAttribute('data-value');
    await expect(value('.project-facts', 'budget').then(Number)).resolves.toBe(Number(project.budget));
    await expect(value('.project-facts', 'spent').then(Number)).resolves.toBe(Number(project.spent));
    await expect(page.locator('.project-facts [data-field=beneficiaries]').innerText()).resolves.toBe(
      `${project.beneficiary_households} 户（其中脱贫户和监测户 ${project.beneficiary_poor_households} 户）`
    );
    const trail = '.fund-trail';
    await expect(value(trail, 'level')).resolves.toBe(fund.level);
    await expect(page.locator(`${trail} [data-field=category]`).innerText()).resolves.toBe(fund.category);
    await expect(page.locator(`${trail} [data-field=document_no]`).innerText()).resolves.toBe(fund.document_no);
    for (const field of ['amount', 'project_count', 'projects_budget', 'projects_spent'] as const) {
      await expect(value(trail, field).then(Number), field).resolves.toBe(Number(fund[field]));
    }
    // The fund's projects add up to the published reconciliation.
    const ofFund = projects.filter((p) => p.fund_id === fund.fund_id);
    expect(ofFund.length).toBe(Number(fund.project_count));
    expect(ofFund.reduce((s, p) => s + Number(p.budget), 0)).toBeCloseTo(Number(fund.projects_budget), 2);
    expect(ofFund.reduce((s, p) => s + Number(p.spent), 0)).toBeCloseTo(Number(fund.projects_spent), 2);
    const others = await page.locator(`${trail} .other-projects li`).count();
    expect(others).toBe(Math.min(10, ofFund.length - 1));
    // Its flags, each explained in words, and a report that names the project and the release.
    const flags = await page.locator('ul.flag-notes[data-flags] li').first().getAttribute('data-flag');
    expect(flags).toBe(flagsOf(project.flags)[0]);
    await expect(page.locator('[data-report-text]').textContent()).resolves.toContain(project.project_id!);
    await context.close();
  });

  it('shows on /funds/ the totals of funds.csv by year and level, and the flagged funds, without JavaScript', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${siteUrl}funds/`);
    const years = [...new Set(funds.map((f) => f.year!))];
    for (const year of years) {
      for (const level of ['central', 'provincial', 'municipal', 'county']) {
        const expected = funds
          .filter((f) => f.year === year && f.level === level)
          .reduce((s, f) => s + Number(f.amount), 0);
        const shown = await page
          .locator(`table.fund-totals tr[data-year="${year}"] td[data-level=${level}]`)
          .getAttribute('data-value');
        expect(Number(shown)).toBeCloseTo(expected, 2);
      }
    }
    for (const flag of ['over_committed', 'no_project']) {
      const count = funds.filter((f) => flagsOf(f.flags).includes(flag)).length;
      await expect(page.locator(`li[data-flag=${flag}]`).getAttribute('data-count'), flag).resolves.toBe(String(count));
    }
    await expect(page.locator('figure.fund-flow svg[role=img]').count()).resolves.toBe(1);
    await context.close();
  });

  it('lists every allocation of funds.csv on the page of its year, with its reconciliation, without JavaScript', async () => {
    const context = await browser().newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    for (const year of new Set(funds.map((f) => f.year!))) {
      await page.goto(`${siteUrl}en/funds/year/${year}/`);
      const rows = await page.locator('table.fund-ledger tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-fund'),
          amount: tr.querySelector('[data-value]')?.getAttribute('data-value'),
          flags: tr.querySelector('[data-flags]')?.getAttribute('data-flags')
        }))
      );
      const expected = funds.filter((f) => f.year === year);
      expect(rows.map((r) => r.id).sort()).toEqual(expected.map((f) => f.fund_id).sort());
      for (const f of expected) {
        const row = rows.find((r) => r.id === f.fund_id)!;
        expect(Number(row.amount), f.fund_id).toBe(Number(f.amount));
        expect(row.flags ?? '', f.fund_id).toBe(f.flags ?? '');
      }
    }
    await context.close();
  });

  it('links every project from the page of its place and from the static list pages', () => {
    const listed = new Set<string>();
    const pages = Math.ceil(projects.length / 200);
    for (let n = 1; n <= pages; n++) {
      const html = readFileSync(join(E2E_SITE, n === 1 ? 'projects' : `projects/page/${n}`, 'index.html'), 'utf8');
      for (const match of html.matchAll(/href="\/projects\/([^/"]+)\/"/g)) listed.add(decodeURIComponent(match[1]!));
    }
    for (const p of projects) {
      const html = readFileSync(join(E2E_SITE, 'regions', p.region_code!, 'index.html'), 'utf8');
      expect(html, p.project_id).toContain(`href="/projects/${p.project_id}/"`);
      expect(listed.has(p.project_id!), p.project_id).toBe(true);
    }
  });
});
