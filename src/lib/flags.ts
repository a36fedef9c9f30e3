/** The project flags, in the order they are listed in the published `projects.flags` and on the site. */
export const PROJECT_FLAGS = [
  'notice_missing',
  'notice_short',
  'over_budget',
  'underspent',
  'overdue',
  'beneficiaries_inconsistent'
] as const;
export type ProjectFlag = (typeof PROJECT_FLAGS)[number];

/** The fund flags, in the order they are listed in the published `funds.flags`. */
export const FUND_FLAGS = ['over_committed', 'no_project'] as const;
export type FundFlag = (typeof FUND_FLAGS)[number];

/** Returns the flag ids of a published `flags` cell (`;`-separated; empty or null means none). */
export function splitFlags<F extends string>(cell: string | null | undefined): F[] {
  return (cell ?? '').split(';').filter(Boolean) as F[];
}
