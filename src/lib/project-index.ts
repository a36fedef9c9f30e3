import {type PublishedProject, readProjects, readPublishedJson} from './published-data.ts';

/** A row of the published `funds` table (资金分配结果一律公开). */
export interface PublishedFund {
  fund_id: string;
  year: number;
  level: string;
  category: string;
  document_no: string;
  recipient_code: string;
  recipient_name: string;
  amount: number;
  issued_date: string;
  /** The reconciliation: projects drawing on the fund, the sum of their budgets and of their spending. */
  project_count: number;
  projects_budget: number;
  projects_spent: number;
  /** Flag ids separated by `;` (over_committed, no_project), empty when none. */
  flags: string;
}

let projectsByRegion: Map<string, PublishedProject[]> | undefined;
let fundsByRecipient: Map<string, PublishedFund[]> | undefined;
let fundsByIdMap: Map<string, PublishedFund> | undefined;

/** The projects carried out in a region (a township's own, not its villages'), by year and id. */
export function projectsIn(code: string): PublishedProject[] {
  projectsByRegion ??= Map.groupBy(
    [...readProjects()].sort((a, b) => a.year - b.year || a.project_id.localeCompare(b.project_id)),
    (p) => p.region_code
  );
  return projectsByRegion.get(code) ?? [];
}

/** The funds issued to a region, by date and id. */
export function fundsTo(code: string): PublishedFund[] {
  fundsByRecipient ??= Map.groupBy(
    [...readPublishedJson<PublishedFund[]>('funds.json')].sort(
      (a, b) => a.issued_date.localeCompare(b.issued_date) || a.fund_id.localeCompare(b.fund_id)
    ),
    (f) => f.recipient_code
  );
  return fundsByRecipient.get(code) ?? [];
}

/** Every published fund by its id (a project's `fund_id` names one). */
export function fundsById(): Map<string, PublishedFund> {
  fundsByIdMap ??= new Map(readPublishedJson<PublishedFund[]>('funds.json').map((f) => [f.fund_id, f]));
  return fundsByIdMap;
}
