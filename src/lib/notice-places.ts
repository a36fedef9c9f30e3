import type {RegionLevel} from './input-tables.ts';

/**
 * Whether a place of this level posts a 公示 of its projects: villages and townships do (a township's board shows
 * its own projects and its villages'); a project placed at a county or the city is posted on no board of the site.
 * The notice pages (notice-index.ts) and the search records' links to them (pipelines/site) both follow it.
 */
export const postsNotices = (level: RegionLevel | string) => level === 'village' || level === 'township';
