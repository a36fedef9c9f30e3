import {type ColumnTable, desc, escape, table, toCSV} from 'arquero';
import {formatCount, formatYuan} from '../lib/format-number.ts';
import type {Locale} from '../lib/i18n.ts';
import {
  COMPACT_COLUMNS,
  type CompactProjects,
  type CompactRegion,
  decodeCompactColumns
} from '../lib/compact-projects.ts';
import {fillPlaceholders} from '../lib/fill-placeholders.ts';
import {placeLabel} from '../lib/place-label.ts';

/** Rows per page, as on the static pages; the count and the CSV cover every matching row. */
const SHOWN = 200;

/** The form's fields that the address carries, in the order it lists them. */
const STATE_FIELDS = ['q', 'year', 'county', 'township', 'village', 'type', 'status', 'flag', 'sort'] as const;
const DEFAULT_SORT = 'year-desc';

interface Labels {
  status: Record<string, string>;
  flag: Record<string, string>;
  /** Project types (the data's Chinese values) as the page's language names them. */
  type: Record<string, string>;
  /** "{count} projects match" with `{count}`. */
  count: string;
  /** "Projects {from}–{to} of {count}" with its three placeholders. */
  range: string;
  /** The downloaded file's name, in the page's language. */
  downloadName: string;
}

interface Row {
  project_id: string;
  year: number;
  name: string;
  type: string;
  status: string;
  region_code: string;
  place: string;
  county: string | null;
  township: string | null;
  village: string | null;
  budget: number;
  spent: number;
  flags: string | null;
}

const SORTS: Record<string, (t: ColumnTable) => ColumnTable> = {
  'year-desc': (t) => t.orderby(desc('year'), 'project_id'),
  'year-asc': (t) => t.orderby('year', 'project_id'),
  'budget-desc': (t) => t.orderby(desc('budget'), 'project_id'),
  'spent-desc': (t) => t.orderby(desc('spent'), 'project_id'),
  'name-asc': (t) => t.orderby('name', 'project_id')
};

/**
 * Turns the hidden filter form of /projects/ into a live filter: loads the
 * compact project file into an Arquero table, fills the year and place
 * choices (township and village follow the county and township chosen),
 * and on every change lists the first matching rows in place of the static
 * page, with their count and a CSV download of all of them. Without script
 * the form stays hidden and the static pages list every project.
 */
export async function enhanceProjectFilter(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#project-filter');
  const tbody = document.querySelector<HTMLTableSectionElement>('table.project-list tbody');
  if (!form || !tbody) return;
  const labels = JSON.parse(form.dataset.labels!) as Labels;
  const locale = form.dataset.locale as Locale;
  const response = await fetch(form.dataset.index!);
  const data = (await response.json()) as CompactProjects;
  const regions = new Map<string, CompactRegion>(data.regions.map((r) => [r[0], r]));
  const placeOf = (r: CompactRegion) => placeLabel(r[1], r[4], locale);
  const dt = withPlaces(table(decodeCompactColumns(data)), regions, placeOf);
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement;
  const pager = form.querySelector<HTMLElement>('[data-pager]')!;
  const button = (name: string) => pager.querySelector<HTMLButtonElement>(`button[name=${name}]`)!;

  fillOptions(
    field('year') as HTMLSelectElement,
    [...new Set(dt.array('year') as number[])].sort((a, b) => b - a)
  );
  const children = (parent: string | null, level: string) =>
    data.regions.filter((r) => r[2] === level && (parent === null || r[3] === parent));
  const fillTownships = () => {
    fillPlaces(field('township') as HTMLSelectElement, children(field('county').value || '-', 'township'), placeOf);
    fillPlaces(field('village') as HTMLSelectElement, [], placeOf);
  };
  const fillVillages = () =>
    fillPlaces(field('village') as HTMLSelectElement, children(field('township').value || '-', 'village'), placeOf);
  fillPlaces(field('county') as HTMLSelectElement, children(null, 'county'), placeOf);

  let page = 1;
  let current = dt;
  const show = () => {
    const pages = Math.max(1, Math.ceil(current.numRows() / SHOWN));
    page = Math.min(Math.max(1, page), pages);
    render(tbody, current, (page - 1) * SHOWN, labels, locale, form);
    const count = form.querySelector<HTMLOutputElement>('[data-result-count]')!;
    const text = fillPlaceholders(labels.count, {count: formatCount(current.numRows(), locale)});
    const range = fillPlaceholders(labels.range, {
      from: formatCount(Math.min(current.numRows(), (page - 1) * SHOWN + 1), locale),
      to: formatCount(Math.min(current.numRows(), page * SHOWN), locale),
      count: formatCount(current.numRows(), locale)
    });
    count.value = pages > 1 ? `${text} ${range}` : text;
    count.dataset.count = String(current.numRows());
    pager.hidden = pages === 1;
    pager.dataset.page = String(page);
    button('previous').disabled = page === 1;
    button('next').disabled = page === pages;
    for (const hide of document.querySelectorAll<HTMLElement>('[data-pagination], [data-static-range]')) {
      hide.hidden = true;
    }
  };
  const update = () => {
    current = filtered(dt, Object.fromEntries(new FormData(form)) as Record<string, string>);
    show();
  };
  // The view lives in the address, so that a link reproduces it: a new entry per choice (back undoes it), the
  // same entry while a search is typed.
  const remember = (how: 'push' | 'replace') => {
    const url = new URL(location.href);
    url.search = stateQuery(form, page);
    // The other language's page shows the same view.
    for (const other of document.querySelectorAll<HTMLAnchorElement>('a[hreflang]')) {
      const target = new URL(other.href);
      target.search = url.search;
      other.href = target.href;
    }
    if (url.href === location.href) return;
    history[how === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  };
  const restore = () => {
    const params = new URLSearchParams(location.search);
    // A shortened link may name a village or township without its parents: they follow from it.
    for (const [child, parent] of [
      ['village', 'township'],
      ['township', 'county']
    ] as const) {
      const up = regions.get(params.get(child) ?? '')?.[3];
      if (up) params.set(parent, up);
    }
    for (const name of STATE_FIELDS) {
      const wanted = params.get(name) ?? '';
      const input = field(name);
      input.value = wanted;
      // A value the list does not offer (a mistyped or stale link) falls back to the field's default.
      if (input.value !== wanted || (name === 'sort' && !wanted)) input.value = name === 'sort' ? DEFAULT_SORT : '';
      // A place's options depend on its parent's choice: fill them before choosing among them.
      if (name === 'county') fillTownships();
      if (name === 'township') fillVillages();
    }
    // No page in the address: the first, or the static page's own when the address holds nothing else.
    const asked = Math.floor(Number(params.get('page')));
    page = asked >= 1 ? asked : params.size ? 1 : Number(form.dataset.page ?? 1);
    update();
    // The address now says what is shown, without the values that were dropped.
    remember('replace');
  };

  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLSelectElement).name;
    if (name === 'county') fillTownships();
    else if (name === 'township') fillVillages();
    page = 1;
    update();
    remember('push');
  });
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).getAttribute('type') !== 'search') return;
    page = 1;
    update();
    remember('replace');
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      fillTownships();
      page = 1;
      update();
      remember('push');
    })
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const [name, step] of [
    ['previous', -1],
    ['next', 1]
  ] as const) {
    button(name).addEventListener('click', () => {
      page += step;
      show();
      remember('push');
      tbody.closest('table')?.scrollIntoView({block: 'start'});
    });
  }
  window.addEventListener('popstate', restore);
  field('download').addEventListener('click', () => download(current, labels.downloadName));
  restore();
  form.hidden = false;
  form.dataset.ready = 'true';
}

/** The address's query for the form's state: the fields that differ from their defaults, and the page after the first. */
function stateQuery(form: HTMLFormElement, page: number): string {
  const params = new URLSearchParams();
  const values = new FormData(form);
  for (const name of STATE_FIELDS) {
    const value = String(values.get(name) ?? '');
    if (value && !(name === 'sort' && value === DEFAULT_SORT)) params.set(name, value);
  }
  if (page > 1) params.set('page', String(page));
  return params.size ? `?${params}` : '';
}

// Each project's county, township and village code, from the place's chain of parents.
function withPlaces(
  dt: ColumnTable,
  regions: Map<string, CompactRegion>,
  placeOf: (r: CompactRegion) => string
): ColumnTable {
  const chain = (code: string) => {
    const out: Record<string, string | null> = {county: null, township: null, village: null};
    for (let r = regions.get(code); r; r = r[3] ? regions.get(r[3]) : undefined) out[r[2]] = r[0];
    return out;
  };
  const codes = dt.array('region_code') as string[];
  const chains = codes.map(chain);
  return dt.assign({
    place: codes.map((c) => {
      const region = regions.get(c);
      return region ? placeOf(region) : c;
    }),
    county: chains.map((c) => c.county),
    township: chains.map((c) => c.township),
    village: chains.map((c) => c.village)
  });
}

function filtered(dt: ColumnTable, f: Record<string, string>): ColumnTable {
  const q = (f.q ?? '').trim().toLowerCase();
  const year = f.year ? Number(f.year) : null;
  const keep = (d: Row) =>
    (year === null || d.year === year) &&
    (!f.county || d.county === f.county) &&
    (!f.township || d.township === f.township) &&
    (!f.village || d.village === f.village) &&
    (!f.type || d.type === f.type) &&
    (!f.status || d.status === f.status) &&
    (!f.flag || (f.flag === '*' ? !!d.flags : (d.flags ?? '').split(';').includes(f.flag))) &&
    (!q || `${d.name} ${d.project_id} ${d.place}`.toLowerCase().includes(q));
  const sort = SORTS[f.sort ?? ''] ?? SORTS['year-desc']!;
  return sort(dt.filter(escape(keep)) as ColumnTable);
}

function render(
  tbody: HTMLTableSectionElement,
  dt: ColumnTable,
  offset: number,
  labels: Labels,
  locale: Locale,
  form: HTMLElement
) {
  const rows = dt.objects({offset, limit: SHOWN}) as Row[];
  const heads = [...(tbody.closest('table')?.tHead?.rows[0]?.cells ?? [])].map((th) => th.textContent?.trim() ?? '');
  const link = (href: string, text: string) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  };
  tbody.replaceChildren(
    ...rows.map((p) => {
      const tr = document.createElement('tr');
      tr.dataset.project = p.project_id;
      const cells: (string | Node)[] = [
        String(p.year),
        link(form.dataset.projectUrl!.replace('__ID__', encodeURIComponent(p.project_id)), p.name),
        link(form.dataset.regionUrl!.replace('__CODE__', p.region_code), p.place),
        labels.type[p.type] ?? p.type,
        labels.status[p.status] ?? p.status,
        formatYuan(p.budget, locale),
        formatYuan(p.spent, locale),
        (p.flags ?? '')
          .split(';')
          .filter(Boolean)
          .map((f) => labels.flag[f] ?? f)
          .join('；') || '—'
      ];
      cells.forEach((content, i) => {
        const td = document.createElement('td');
        // On a phone the rows are cards, each cell with its column's name (site.css), as on the static pages.
        td.dataset.label = heads[i] ?? '';
        td.append(content);
        if (i === 5 || i === 6) td.className = 'num';
        if (i === 7) td.dataset.flags = p.flags ?? '';
        tr.append(td);
      });
      return tr;
    })
  );
}

function fillOptions(select: HTMLSelectElement, values: (string | number)[]) {
  select.append(...values.map((v) => new Option(String(v), String(v))));
}

function fillPlaces(select: HTMLSelectElement, places: CompactRegion[], placeOf: (r: CompactRegion) => string) {
  select.replaceChildren(select.options[0]!, ...places.map((r) => new Option(placeOf(r), r[0])));
}

// The compact file's columns, with the place's name after its code.
const DOWNLOAD_COLUMNS = COMPACT_COLUMNS.flatMap((c) => (c === 'region_code' ? [c, 'place'] : [c]));

// The filtered rows as CSV with a byte-order mark (so Excel reads the Chinese), named in the page's language.
function download(dt: ColumnTable, name: string) {
  const csv = toCSV(dt, {columns: DOWNLOAD_COLUMNS});
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], {type: 'text/csv;charset=utf-8'}));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
