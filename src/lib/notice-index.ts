import {type PublishedFund, fundsById} from './project-index.ts';
import {type PublishedProject, type PublishedRegion, readProjects, readRegions} from './published-data.ts';
import {postsNotices} from './notice-places.ts';
import {regionTreeOf} from './region-tree.ts';

/** The 公示 of one township or village for one year: the projects placed there. */
export interface Notice {
  year: number;
  region: PublishedRegion;
  /** Projects by place (the township's own first, then its villages by code), then by id. */
  projects: PublishedProject[];
  /**
   * The date the notice last changed: the latest start of a notice period
   * among its projects (their start date where a project was never noticed;
   * 1 January of its year where no project has either date yet).
   * From the data, never the clock: the Atom feed sorts and dates entries by it.
   */
  date: string;
}

interface NoticeIndex {
  all: Notice[];
  byKey: Map<string, Notice>;
  yearsByRegion: Map<string, number[]>;
}

let index: NoticeIndex | undefined;

/**
 * Returns every notice, by year then region code: one per village per year
 * with a project, and one per township per year covering the projects placed
 * at the township itself and at each of its villages — the township's board
 * shows its whole year, the village's board its own projects. A place and year
 * without a project has no notice.
 */
export function allNotices(): Notice[] {
  return noticeIndex().all;
}

/** Returns the notice of a township or village for a year, if it has one. */
export function noticeOf(year: number, code: string): Notice | undefined {
  return noticeIndex().byKey.get(`${year}/${code}`);
}

/** Returns the years in which a region has a notice, ascending. */
export function noticeYearsOf(code: string): number[] {
  return noticeIndex().yearsByRegion.get(code) ?? [];
}

/** Returns the fund a project is paid from (level, category, 文号), if it is published. */
export function fundOf(project: PublishedProject): PublishedFund | undefined {
  return fundsById().get(project.fund_id);
}

/** The site path of a notice, without base or language prefix. */
export const noticePath = (year: number, code: string) => `notices/${year}/${code}/`;

function noticeIndex(): NoticeIndex {
  if (index) return index;
  const tree = regionTreeOf(readRegions());
  const groups = new Map<string, {year: number; code: string; projects: PublishedProject[]}>();
  const add = (year: number, code: string, project: PublishedProject) => {
    const key = `${year}/${code}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = {year, code, projects: []}));
    group.projects.push(project);
  };
  for (const project of readProjects()) {
    const place = tree.byCode.get(project.region_code);
    if (!place || !postsNotices(place.level)) continue;
    add(project.year, place.code, project);
    // A village's projects are on its township's board too.
    if (place.level === 'village' && place.parent_code) add(project.year, place.parent_code, project);
  }
  const all = [...groups.values()]
    .map(({year, code, projects}): Notice => {
      projects.sort((a, b) => a.region_code.localeCompare(b.region_code) || a.project_id.localeCompare(b.project_id));
      const date = projects
        .map((p) => p.notice_start ?? p.start_date ?? `${year}-01-01`)
        .reduce((a, b) => (a > b ? a : b));
      return {year, region: tree.byCode.get(code)!, projects, date};
    })
    .sort((a, b) => a.year - b.year || a.region.code.localeCompare(b.region.code));
  const yearsByRegion = new Map<string, number[]>();
  for (const notice of all) {
    const years = yearsByRegion.get(notice.region.code) ?? [];
    years.push(notice.year);
    yearsByRegion.set(notice.region.code, years);
  }
  index = {all, byKey: new Map(all.map((n) => [`${n.year}/${n.region.code}`, n])), yearsByRegion};
  return index;
}
