// Issue 5 (notices and feeds): a village's 公示 printed on A4 carries every field a
// notice must, with the values of the published data, and a QR code back to itself;
// the Atom feed lists notices newest first; the sitemap lists every region page.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import jsQRModule from 'jsqr';
import type {Locator, Page} from 'playwright-core';
import {describe, expect, inject, it} from 'vitest';
import {formatYuanExact} from '../../src/lib/format-number.ts';
import {axeViolations} from './axe.ts';
import {printSheets} from './printed-pdf.ts';
import {useChromium} from './browser.ts';
import {E2E_ORIGIN, E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const projects = readPublishedCsv('projects');
const funds = new Map(readPublishedCsv('funds').map((f) => [f.fund_id!, f]));
const regions = readPublishedCsv('regions');
// The village with the most projects in a year, among those with a local hotline: the richest sheet.
const villageRows = projects.filter((p) => p.region_code!.length === 12);
const counts = Map.groupBy(villageRows, (p) => `${p.year}/${p.region_code}`);
const [key, rows] = [...counts]
  .filter(([, list]) => list.some((p) => p.hotline && p.hotline !== '12317'))
  .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
const [year, village] = key.split('/') as [string, string];
const township = regions.find((r) => r.code === village)!.parent_code!;
const noticePath = `notices/${year}/${village}/`;
// jsqr is CommonJS with an ES-style `default`: under Node's interop its default import is the whole module.
const jsQR = jsQRModule.default;
const LEVELS: Record<string, string> = {central: '中央', provincial: '省级', municipal: '市级', county: '县级'};

/** The text of an element as read: white space collapsed and trimmed. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Decodes the QR code drawn on the page: its SVG rasterised in a canvas, read by jsQR in node. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const image = await page.locator('.notice-qr svg').evaluate(async (svg) => {
    const size = 246;
    const img = new Image(size, size);
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0, size, size);
    return {data: Array.from(context.getImageData(0, 0, size, size).data), size};
  });
  return jsQR(Uint8ClampedArray.from(image.data), image.size, image.size, {inversionAttempts: 'dontInvert'})?.data;
}

describe('notices of the tiny sample', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it(`prints every column of the 公示表 for the ${rows.length} projects of village ${village} in ${year}`, async () => {
    const page = await browser().newPage();
    expect((await page.goto(`${siteUrl}${noticePath}`))?.status()).toBe(200);
    await page.emulateMedia({media: 'print'});
    const board = page.locator('table.notice-board');
    await expect(board.locator('tbody tr').count()).resolves.toBe(rows.length);
    await expect(
      board.locator('thead th').evaluateAll((cells) => cells.map((c) => c.textContent!.trim()))
    ).resolves.toEqual([
      '序号',
      '项目名称',
      '项目地点',
      '类型',
      '资金来源',
      '计划投资（元）',
      '已支付（元）',
      '受益户数（其中脱贫户和监测户）',
      '责任单位',
      '起止日期',
      '公示期'
    ]);
    const field = (id: string, name: string) => page.locator(`tr[data-project="${id}"] [data-field="${name}"]`);
    // Zero-width spaces let a narrow column break a range after 至; they are not part of what is read.
    const read = async (locator: Locator) => (await text(locator)).replaceAll('\u200b', '');
    const short = (date: string | undefined) => date!.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1.$2.$3');
    for (const [i, p] of rows.entries()) {
      const fund = funds.get(p.fund_id!)!;
      await expect(text(field(p.project_id!, 'number'))).resolves.toBe(String(i + 1));
      await expect(text(field(p.project_id!, 'name').locator('a'))).resolves.toBe(p.name);
      await expect(text(field(p.project_id!, 'project_id'))).resolves.toBe(p.project_id);
      await expect(text(field(p.project_id!, 'place'))).resolves.toBe(p.region_name);
      await expect(text(field(p.project_id!, 'type'))).resolves.toBe(p.type);
      const fundText = await text(field(p.project_id!, 'fund'));
      for (const part of [LEVELS[fund.level!]!, fund.category!, fund.document_no!]) expect(fundText).toContain(part);
      for (const money of ['budget', 'spent'] as const) {
        await expect(field(p.project_id!, money).getAttribute('data-value')).resolves.toBe(String(Number(p[money])));
        await expect(text(field(p.project_id!, money))).resolves.toBe(
          formatYuanExact(Number(p[money]), 'zh-CN').replace('元', '')
        );
      }
      await expect(text(field(p.project_id!, 'beneficiaries'))).resolves.toBe(
        `${p.beneficiary_households}（${p.beneficiary_poor_households}）`
      );
      await expect(text(field(p.project_id!, 'responsible_unit'))).resolves.toBe(p.responsible_unit);
      await expect(read(field(p.project_id!, 'dates'))).resolves.toBe(`${short(p.start_date)}至${short(p.end_date)}`);
      await expect(read(field(p.project_id!, 'notice_period'))).resolves.toBe(
        p.notice_start ? `${short(p.notice_start)}至${short(p.notice_end)}（${p.notice_days} 天）` : '未公示'
      );
      await expect(page.locator(`tr[data-project="${p.project_id}"]`).isVisible()).resolves.toBe(true);
    }
    // The hotlines, the supervision one and the place's own.
    await expect(text(page.locator('[data-field="supervision_hotline"]'))).resolves.toBe('12317');
    // Every local hotline of its projects, the most given first: the board names them once, not per row.
    const given = Map.groupBy(
      rows.map((p) => p.hotline!).filter((h) => h && h !== '12317'),
      (h) => h
    );
    const locals = [...given].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([h]) => h);
    const local = locals[0]!;
    await expect(text(page.locator('[data-field="local_hotline"]'))).resolves.toBe(locals.join('、'));
    await expect(text(page.locator('[data-report-problem] [data-local-hotline]'))).resolves.toContain(local);
    // Every hotline can be called from a phone, and the notice opens with its totals.
    for (const a of await page.locator('[data-field$="hotline"] a').all()) {
      await expect(a.getAttribute('href')).resolves.toBe(`tel:${(await a.innerText()).replace(/[^\d+]/g, '')}`);
    }
    const total = (field: 'budget' | 'spent') => rows.reduce((sum, p) => sum + Number(p[field]), 0);
    await expect(text(page.locator('[data-field="total_budget"]'))).resolves.toBe(
      formatYuanExact(total('budget'), 'zh-CN')
    );
    await expect(text(page.locator('[data-field="total_spent"]'))).resolves.toBe(
      formatYuanExact(total('spent'), 'zh-CN')
    );
    // On paper: the synthetic-data notice stays, the site's navigation goes.
    await expect(page.locator('[data-synthetic]').isVisible()).resolves.toBe(true);
    await expect(page.locator('header.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.breadcrumb').isVisible()).resolves.toBe(false);
    await expect(page.locator('.notice-qr svg').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('links every project of the notice to its project page, which names the same project', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}${noticePath}`);
    for (const p of rows) {
      const link = page.locator(`tr[data-project="${p.project_id}"] [data-field="name"] a`);
      const href = await link.getAttribute('href');
      expect(href).toBe(`/projects/${encodeURIComponent(p.project_id!)}/`);
      const project = await browser().newPage();
      expect((await project.goto(new URL(href!, siteUrl).href))?.status()).toBe(200);
      await expect(project.locator('h1').textContent()).resolves.toContain(p.name);
      await project.close();
    }
    await page.close();
  });

  it('has a QR code that decodes to the notice page URL, in both languages', async () => {
    const page = await browser().newPage();
    for (const prefix of ['', 'en/']) {
      await page.goto(`${siteUrl}${prefix}${noticePath}`);
      const expected = `${E2E_ORIGIN}/${prefix}${noticePath}`;
      await expect(decodeQr(page)).resolves.toBe(expected);
      await expect(text(page.locator('[data-page-url]'))).resolves.toBe(expected);
    }
    await page.close();
  });

  it('names the notice, the page and the release in the report-a-problem mail', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}${noticePath}`);
    const href = (await page.locator('[data-mailto]').getAttribute('href'))!;
    const body = new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('body')!;
    const release = JSON.parse(readFileSync(join(E2E_SITE, 'data', 'manifest.json'), 'utf8')).build_id as string;
    for (const part of [village, year, `${E2E_ORIGIN}/${noticePath}`, release]) expect(body).toContain(part);
    await expect(text(page.locator('[data-report-text]'))).resolves.toContain(release);
    await page.close();
  });

  it('opens the township notice with each place’s project count, budget and paid, equal to projects.csv', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}notices/${year}/${township}/`);
    const inYear = projects.filter((p) => p.year === year && p.region_code!.startsWith(township));
    const places = Map.groupBy(inYear, (p) => p.region_code!);
    const rowsShown = page.locator('.notice-places tbody tr');
    await expect(rowsShown.count()).resolves.toBe(places.size);
    // Summed in fen, as the page does: yuan with two decimals.
    const total = (list: typeof inYear, field: 'budget' | 'spent') =>
      formatYuanExact(Math.round(list.reduce((sum, p) => sum + Number(p[field]) * 100, 0)) / 100, 'zh-CN');
    for (const [code, list] of places) {
      const cells = await page.locator(`.notice-places tr[data-place="${code}"] td`).allTextContents();
      expect(cells.map((c) => c.trim()).slice(1), code).toEqual([
        String(list.length),
        total(list, 'budget'),
        total(list, 'spent')
      ]);
    }
    await expect(text(page.locator('[data-field="project_count"]'))).resolves.toBe(String(inYear.length));
    await expect(text(page.locator('[data-field="total_budget"]'))).resolves.toBe(total(inYear, 'budget'));
    await page.close();
  });

  it('lists every project of the township and its villages on the township notice, linked from the region page', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}regions/${township}/`);
    await page.locator(`#notices a[href$="/notices/${year}/${township}/"]`).click();
    const expected = projects
      .filter((p) => p.year === year && p.region_code!.startsWith(township))
      .map((p) => p.project_id);
    const shown = await page
      .locator('table.notice-board tbody tr')
      .evaluateAll((s) => s.map((e) => e.getAttribute('data-project')));
    expect(shown.toSorted()).toEqual(expected.toSorted());
    await page.locator(`.notice-index a[href$="/notices/${year}/${village}/"]`).click();
    await expect(page.locator('table.notice-board tbody tr').count()).resolves.toBe(rows.length);
    await page.close();
  });

  // The township notice with the most projects in a year (孔田镇 2024, 28 projects in 14 places, as on the default
  // sample): posted as one 公示表 on landscape A4, at most three sheets, the table's header on each.
  const [boardKey, allRows] = [...Map.groupBy(projects, (p) => `${p.year}/${p.region_code!.slice(0, 9)}`)].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])
  )[0]!;

  it(`prints the township notice ${boardKey} (${allRows.length} projects) on at most 3 landscape A4 sheets`, async () => {
    expect(allRows.length).toBeGreaterThanOrEqual(20);
    const page = await browser().newPage();
    await page.goto(`${siteUrl}notices/${boardKey}/`);
    const {sheets, size} = await printSheets(page);
    expect(sheets.length).toBeLessThanOrEqual(3);
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
    // The header on every sheet that carries rows; the hotlines, the QR code and the signature block once.
    for (const sheet of sheets) {
      expect(sheet).toContain('序号');
      expect(sheet).toContain('责任单位');
    }
    const all = sheets.join(' ');
    for (const p of allRows) expect(all).toContain(formatYuanExact(Number(p.budget), 'zh-CN').replace('元', ''));
    expect(all.match(/公示单位（盖章）/g)).toHaveLength(1);
    expect(sheets[0]).toContain('监督举报电话 12317');
    expect(all.match(/当地咨询电话/g)).toHaveLength(1);
    expect(all.match(/扫描二维码/g)).toHaveLength(1);
    expect(sheets.at(-1)).toContain('公示单位（盖章）');
    await expect(page.locator('table.notice-board tbody tr').count()).resolves.toBe(allRows.length);
    await page.close();
  });

  for (const prefix of ['', 'en/']) {
    it(`reflows the 公示表 into one card per project on a 390 px phone, every value in view (${prefix || 'zh/'})`, async () => {
      const page = await browser().newPage({viewport: {width: 390, height: 844}});
      await page.goto(`${siteUrl}${prefix}notices/${boardKey}/`);
      const board = page.locator('table.notice-board');
      // The header is kept for screen readers only (out of the flow, clipped to nothing).
      await expect(board.locator('thead').evaluate((thead) => getComputedStyle(thead).position)).resolves.toBe(
        'absolute'
      );
      const cards = await board.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll('td')];
          const boxes = cells.map((td) => td.getBoundingClientRect());
          return {
            left: tr.getBoundingClientRect().left,
            right: Math.max(tr.getBoundingClientRect().right, ...boxes.map((b) => b.right)),
            // Nothing inside a cell runs past it (a long label pushing its value out of the card).
            overflowing: cells.filter((td) => td.scrollWidth > td.clientWidth + 1).length,
            stacked: boxes.every((c, i) => i === 0 || c.top >= boxes[i - 1]!.bottom - 1)
          };
        })
      );
      expect(cards).toHaveLength(allRows.length);
      for (const card of cards) {
        expect(card.left).toBeGreaterThanOrEqual(0);
        expect(card.right).toBeLessThanOrEqual(390);
        expect(card.overflowing).toBe(0);
        expect(card.stacked).toBe(true);
      }
      // Each value is read with its column's name before it.
      const label = await board
        .locator('tbody tr')
        .first()
        .locator('[data-field="budget"]')
        .evaluate((td) => getComputedStyle(td, '::before').content);
      expect(label).toBe(prefix ? '"Budget (yuan)"' : '"计划投资（元）"');
      await page.close();
    });
  }

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [kind, code] of [
      ['village', village],
      ['township', township]
    ]) {
      it(`${kind} notice page (${locale}) has no axe violations`, async () => {
        const page = await browser().newPage();
        await page.goto(`${siteUrl}${locale === 'en' ? 'en/' : ''}notices/${year}/${code}/`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        await expect(axeViolations(page)).resolves.toEqual([]);
        await page.close();
      });
    }
  }

  it('serves an Atom feed of notices, newest first, linked from every page head', async () => {
    const page = await browser().newPage();
    for (const prefix of ['', 'en/']) {
      await page.goto(`${siteUrl}${prefix}`);
      const href = (await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href'))!;
      expect(href).toBe(`/${prefix}notices/feed.xml`);
      const response = await page.request.get(`${siteUrl}${href.slice(1)}`);
      expect(response.status()).toBe(200);
      const feed = await page.evaluate(
        (text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const ns = 'http://www.w3.org/2005/Atom';
          return {
            error: doc.getElementsByTagName('parsererror').length,
            root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
            entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
              id: e.getElementsByTagNameNS(ns, 'id')[0]!.textContent!,
              updated: e.getElementsByTagNameNS(ns, 'updated')[0]!.textContent!,
              link: e.getElementsByTagNameNS(ns, 'link')[0]!.getAttribute('href')!
            }))
          };
        },
        await response.text()
      );
      expect(feed.error).toBe(0);
      expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
      expect(feed.entries.length).toBeGreaterThan(0);
      const dates = feed.entries.map((e) => e.updated);
      expect(dates).toEqual(dates.toSorted().reverse());
      expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
      // The newest entry is dated by the data: the latest notice start among the projects.
      const latest = projects.map((p) => p.notice_start || p.start_date!).reduce((a, b) => (a > b ? a : b));
      expect(dates[0]).toBe(`${latest}T00:00:00Z`);
      const first = new URL(feed.entries[0]!.link);
      expect((await page.request.get(`${siteUrl}${first.pathname.slice(1)}`)).status()).toBe(200);
    }
    await page.close();
  });

  it('lists every region page in both languages and every notice in the sitemap', async () => {
    const text = readFileSync(join(E2E_SITE, 'sitemap.xml'), 'utf8');
    const urls = new Set([...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    for (const region of regions) {
      expect(urls).toContain(`${E2E_ORIGIN}/regions/${region.code}/`);
      expect(urls).toContain(`${E2E_ORIGIN}/en/regions/${region.code}/`);
    }
    expect(urls).toContain(`${E2E_ORIGIN}/${noticePath}`);
    expect(urls).toContain(`${E2E_ORIGIN}/en/notices/${year}/${township}/`);
    expect(urls).toContain(`${E2E_ORIGIN}/`);
  });
});
