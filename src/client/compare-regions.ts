import {type Unit, formatValue} from '../lib/format-number.ts';
import {fillPlaceholders} from '../lib/fill-placeholders.ts';
import type {Locale} from '../lib/i18n.ts';

/** At most this many regions side by side: more would not fit a laptop's width. */
export const COMPARE_MAX = 4;

interface IndicatorMeta {
  id: string;
  name: string;
  unit: Unit;
  url: string;
}
interface Labels {
  status: Record<string, string>;
  remove: string;
  max: string;
  unknown: string;
  empty: string;
  caption: string;
  indicator: string;
  failed: string;
  withheld: string;
  trend: string;
}
/** The part of a published /data/regions/<code>.json the comparison reads. */
interface RegionFile {
  region: {code: string; name: string};
  indicator_values: {
    indicator_id: string;
    year: number;
    value: number | null;
    status: string;
    suppressed: boolean;
  }[];
}

const SPARK = {width: 120, height: 30, pad: 3};

/** The codes of the address's `regions`, each once, in order, and the entries that are not codes at all. */
export function codesOf(search: string): {codes: string[]; invalid: string[]} {
  const raw = (new URLSearchParams(search).get('regions') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return {codes: [...new Set(raw.filter((c) => /^\d+$/.test(c)))], invalid: raw.filter((c) => !/^\d+$/.test(c))};
}

/** A region's file: the file, null where the site has no such region (404), or an error to report. */
type Loaded = RegionFile | null | Error;

/**
 * Turns /compare/ into a comparison: reads `regions` from the address, loads each region's published JSON, and
 * writes a table of every indicator (latest value, status, trend on the row's shared scale). Adding or removing a
 * region updates the address (pushState), back and forward restore the choice, and an address that names unknown
 * codes or too many regions is corrected (replaceState) with a message.
 */
export async function enhanceCompare(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#compare-form');
  const result = document.querySelector<HTMLElement>('[data-compare-result]');
  if (!form || !result) return;
  const data = form.dataset;
  const locale = data.locale as Locale;
  const labels = JSON.parse(data.labels!) as Labels;
  const indicators = JSON.parse(data.indicators!) as IndicatorMeta[];
  const years = JSON.parse(data.years!) as number[];
  const year = Number(data.year);
  const select = form.querySelector<HTMLSelectElement>('select[name="add"]')!;
  const chosenList = form.querySelector<HTMLUListElement>('[data-chosen]')!;
  const message = form.querySelector<HTMLElement>('[data-message]')!;
  const addButton = form.querySelector<HTMLButtonElement>('button[name="add-region"]')!;
  const fallback = document.querySelector<HTMLElement>('[data-fallback]');
  const files = new Map<string, Promise<Loaded>>();
  const load = (code: string) => {
    if (!files.has(code)) {
      const url = data.regionJson!.replace('__CODE__', code);
      const loaded: Promise<Loaded> = fetch(url).then(
        async (r): Promise<Loaded> =>
          r.ok ? ((await r.json()) as RegionFile) : r.status === 404 ? null : new Error(`${r.status} ${url}`),
        (error: unknown): Loaded => (error instanceof Error ? error : new Error(String(error)))
      );
      files.set(code, loaded);
      // A failure is not remembered: the next render asks again.
      void loaded.then((f) => f instanceof Error && files.delete(code));
    }
    return files.get(code)!;
  };
  form.hidden = false;
  if (fallback) fallback.hidden = true;
  // The choice, changed at once by each click so that quick clicks add up; the address follows it.
  let current = codesOf(location.search).codes;

  const render = async (history: 'push' | 'replace' | 'none', invalid: string[] = []) => {
    const requested = current;
    const notes: string[] = [];
    const loaded = await Promise.all(requested.map(async (code) => [code, await load(code)] as const));
    if (requested !== current) return; // a newer choice is on its way
    const unknown = [...invalid, ...loaded.filter(([, file]) => file === null).map(([code]) => code)];
    if (unknown.length) notes.push(fillPlaceholders(labels.unknown, {codes: unknown.join(', ')}));
    const failed = loaded.filter(([, file]) => file instanceof Error);
    if (failed.length) notes.push(fillPlaceholders(labels.failed, {error: (failed[0]![1] as Error).message}));
    // A region that failed to load stays in the address (it is not wrong, only unavailable); an unknown one goes.
    current = loaded.filter(([, file]) => file !== null).map(([code]) => code);
    if (current.length > COMPARE_MAX) {
      notes.push(labels.max);
      current = current.slice(0, COMPARE_MAX);
    }
    const regions = loaded
      .filter(([code]) => current.includes(code))
      .map(([, file]) => file)
      .filter((f): f is RegionFile => f !== null && !(f instanceof Error));
    const search = current.length ? `?regions=${current.join(',')}` : '';
    const url = `${location.pathname}${search}${location.hash}`;
    if (history === 'push') window.history.pushState(null, '', url);
    // An address that asked for what cannot be shown is corrected, so that copying it gives what is on screen.
    else if (search !== location.search) window.history.replaceState(null, '', url);
    message.textContent = notes.join(' ') || (current.length ? '' : labels.empty);
    chosenList.replaceChildren(...regions.map((r) => chosenItem(r)));
    result.replaceChildren(regions.length ? scrollBox(comparisonTable(regions)) : '');
  };

  // As the site's ScrollTable: a table wider than a phone scrolls in its own focusable box, never the page.
  const scrollBox = (table: HTMLTableElement) => {
    const box = document.createElement('div');
    box.className = 'table-scroll';
    box.tabIndex = 0;
    box.append(table);
    return box;
  };

  const chosenItem = (file: RegionFile) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = data.regionUrl!.replace('__CODE__', file.region.code);
    link.textContent = nameOf(file);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.setAttribute('aria-label', fillPlaceholders(labels.remove, {name: nameOf(file)}));
    remove.addEventListener('click', () => {
      current = current.filter((c) => c !== file.region.code);
      // The button goes with its region: the keyboard's place moves to the choice of regions.
      select.focus();
      void render('push');
    });
    item.append(link, ' ', remove);
    item.dataset.code = file.region.code;
    return item;
  };

  // The name as the site writes it (with pinyin on English pages) where the region is among the choices.
  const nameOf = (file: RegionFile) =>
    select.querySelector<HTMLOptionElement>(`option[value="${file.region.code}"]`)?.textContent ?? file.region.name;

  const comparisonTable = (regions: RegionFile[]) => {
    const table = document.createElement('table');
    table.className = 'compare-table';
    const caption = table.createCaption();
    caption.textContent = labels.caption;
    const head = table.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = labels.indicator;
    head.append(corner);
    for (const r of regions) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.code = r.region.code;
      const a = document.createElement('a');
      a.href = data.regionUrl!.replace('__CODE__', r.region.code);
      a.textContent = nameOf(r);
      th.append(a);
      head.append(th);
    }
    const body = table.createTBody();
    for (const indicator of indicators) {
      const row = body.insertRow();
      row.dataset.indicator = indicator.id;
      const th = document.createElement('th');
      th.scope = 'row';
      const a = document.createElement('a');
      a.href = indicator.url;
      a.textContent = indicator.name;
      th.append(a);
      row.append(th);
      const series = regions.map((r) =>
        years.map((y) => r.indicator_values.find((v) => v.indicator_id === indicator.id && v.year === y))
      );
      // One scale for the row: every region's trend is read against the same axis.
      const shown = series.flat().flatMap((v) => (v && !v.suppressed && v.value !== null ? [v.value] : []));
      const [lo, hi] = [Math.min(...shown), Math.max(...shown)];
      regions.forEach((r, i) => {
        const cell = row.insertCell();
        cell.dataset.code = r.region.code;
        const now = series[i]![years.indexOf(year)];
        const value = document.createElement('span');
        value.className = 'compare-value';
        if (now && !now.suppressed && now.value !== null) {
          value.textContent = formatValue(now.value, indicator.unit, locale);
          value.dataset.value = String(now.value);
        } else {
          value.textContent = now?.suppressed ? labels.withheld : '—';
          value.dataset.value = '';
        }
        cell.append(value);
        if (now && !now.suppressed) {
          const status = document.createElement('span');
          status.className = `status status-${now.status}`;
          status.textContent = labels.status[now.status] ?? now.status;
          cell.append(' ', status);
        }
        if (shown.length) cell.append(sparkline(series[i]!, lo, hi, indicator.unit));
      });
    }
    return table;
  };

  const sparkline = (
    points: (RegionFile['indicator_values'][number] | undefined)[],
    lo: number,
    hi: number,
    unit: Unit
  ) => {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    const {width, height, pad} = SPARK;
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('class', 'compare-spark');
    const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, years.length - 1);
    const y = (v: number) => (hi === lo ? height / 2 : height - pad - ((v - lo) * (height - 2 * pad)) / (hi - lo));
    // Withheld or missing years break the line.
    let d = '';
    let pen = false;
    const words: string[] = [];
    points.forEach((p, i) => {
      if (!p || p.suppressed || p.value === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
      pen = true;
      words.push(`${years[i]}: ${formatValue(p.value, unit, locale)}`);
    });
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', '#0072B2');
    path.setAttribute('stroke-width', '1.5');
    svg.append(path);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${labels.trend} ${words.join('; ')}`);
    return svg;
  };

  // Added by the button, not on the select's change: arrowing through a closed select changes it at every key.
  addButton.addEventListener('click', () => {
    const code = select.value;
    if (!code || current.includes(code)) return;
    if (current.length >= COMPARE_MAX) {
      message.textContent = labels.max;
      return;
    }
    current = [...current, code];
    select.value = '';
    void render('push');
  });
  window.addEventListener('popstate', () => {
    current = codesOf(location.search).codes;
    void render('none');
  });
  await render('replace', codesOf(location.search).invalid);
}
