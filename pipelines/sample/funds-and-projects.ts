import {YEARS} from './calendar.ts';
import {allocateFunds} from './allocate-funds.ts';
import {planFunds} from './funds.ts';
import type {Fund} from './funds.ts';
import {draftProjects} from './projects.ts';
import type {Project, ProjectSite} from './projects.ts';
import {createRandom} from './random.ts';
import type {SampleScope} from './regions-for-scale.ts';
import type {VillagePlan} from './village-plans.ts';

/** Both public tables of money: funds with their amounts, projects with their funds, each sorted by id. */
export interface FundsAndProjects {
  funds: Fund[];
  projects: Project[];
}

/**
 * Returns the funds and projects of the sample. Projects come first (1–4 per
 * village and year, 0–2 per township), then each county's projects of a year
 * are spread over the funds issued to it or its townships that year, and the
 * funds' amounts follow from the budgets they carry.
 */
export function buildFundsAndProjects(
  seed: number,
  scope: SampleScope,
  plans: readonly VillagePlan[]
): FundsAndProjects {
  const funds = planFunds(seed, scope);
  const projects: Project[] = [];
  for (const county of scope.counties) {
    const hotline = `0797-${createRandom(seed, 'hotline', county.code).int(2_000_000, 8_999_999)}`;
    const sites = scope.townships
      .filter((t) => t.parentCode === county.code)
      .flatMap((township): ProjectSite[] => {
        const villages = plans.filter((p) => p.townshipCode === township.code);
        const site = (region: ProjectSite['region'], households: number, registered: number) => ({
          region,
          township,
          county,
          households,
          registered,
          hotline
        });
        return [
          site(
            township,
            villages.reduce((sum, p) => sum + p.households, 0),
            villages.reduce((sum, p) => sum + p.registered, 0)
          ),
          ...villages.map((p) => site(p.region, p.households, p.registered))
        ];
      });
    for (const year of YEARS) {
      const ofYear = sites.flatMap((site) => draftProjects(seed, site, year));
      const countyFunds = funds.filter((f) => f.year === year && f.recipientCode.startsWith(county.code));
      allocateFunds(seed, county.code, year, countyFunds, ofYear);
      projects.push(...ofYear);
    }
  }
  projects.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {funds, projects};
}
