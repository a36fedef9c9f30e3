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

/** Rows shown at once; the count and the CSV cover every matching row. */
const SHOWN = 200;

interface Labels {
  status: Record<string, string>;
  flag: Record<string, string>;
  /** "{count} projects match" with `{count}`. */
  count: string;
  /** "the first {shown} are listed" with `{shown}`. */
  more: string;
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
  const dt = withPlaces(table(decodeCompactColumns(data)), regions);
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement;

  fillOptions(
    field('year') as HTMLSelectElement,
    [...new Set(dt.array('year') as number[])].sort((a, b) => b - a)
  );
  const children = (parent: string | null, level: string) =>
    data.regions.filter((r) => r[2] === level && (parent === null || r[3] === parent));
  fillPlaces(field('county') as HTMLSelectElement, children(null, 'county'));

  let current = dt;
  const update = () => {
    current = filtered(dt, Object.fromEntries(new FormData(form)) as Record<string, string>);
    render(tbody, current, labels, locale, form);
    const count = form.querySelector<HTMLOutputElement>('[data-result-count]')!;
    const text = fillPlaceholders(labels.count, {count: formatCount(current.numRows(), locale)});
    count.value = current.numRows() > SHOWN ? `${text} ${fillPlaceholders(labels.more, {shown: SHOWN})}` : text;
    count.dataset.count = String(current.numRows());
    for (const hide of document.querySelectorAll<HTMLElement>('[data-pagination], [data-static-range]')) {
      hide.hidden = true;
    }
  };
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLSelectElement).name;
    if (name === 'county') {
      fillPlaces(field('township') as HTMLSelectElement, children(field('county').value || '-', 'township'));
      fillPlaces(field('village') as HTMLSelectElement, []);
    } else if (name === 'township') {
      fillPlaces(field('village') as HTMLSelectElement, children(field('township').value || '-', 'village'));
    }
    update();
  });
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).getAttribute('type') === 'search') update();
  });
  form.addEventListener('reset', () => setTimeout(update));
  form.addEventListener('submit', (event) => event.preventDefault());
  field('download').addEventListener('click', () => download(current, labels.downloadName));
  form.hidden = false;
  form.dataset.ready = 'true';
}

// Each project's county, township and village code, from the place's chain of parents.
function withPlaces(dt: ColumnTable, regions: Map<string, CompactRegion>): ColumnTable {
  const chain = (code: string) => {
    const out: Record<string, string | null> = {county: null, township: null, village: null};
    for (let r = regions.get(code); r; r = r[3] ? regions.get(r[3]) : undefined) out[r[2]] = r[0];
    return out;
  };
  const codes = dt.array('region_code') as string[];
  const chains = codes.map(chain);
  return dt.assign({
    place: codes.map((c) => regions.get(c)?.[1] ?? c),
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

function render(tbody: HTMLTableSectionElement, dt: ColumnTable, labels: Labels, locale: Locale, form: HTMLElement) {
  const rows = dt.objects({limit: SHOWN}) as Row[];
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
        p.type,
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

function fillPlaces(select: HTMLSelectElement, places: CompactRegion[]) {
  select.replaceChildren(select.options[0]!, ...places.map((r) => new Option(r[1], r[0])));
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
