import type {Fund} from './funds.ts';
import type {Project} from './projects.ts';
import {createRandom} from './random.ts';

// Which level a project draws on when its township has no fund of its own.
const LEVEL_WEIGHTS: Record<Fund['level'], number> = {central: 40, provincial: 25, municipal: 15, county: 15};

/**
 * Gives every project of one county and year a fund, then sets each fund's
 * amount from the budgets it carries: mostly 0–20% above their sum, about 4%
 * of funds over-committed (below the sum, which the site flags) and about 4%
 * kept free of projects with an amount of their own.
 */
export function allocateFunds(
  seed: number,
  countyCode: string,
  year: number,
  funds: Fund[],
  projects: Project[]
): void {
  const random = createRandom(seed, 'allocation', countyCode, year);
  for (const fund of funds) fund.reserved = random.chance(0.04);
  const countyFunds = () => funds.filter((f) => !f.reserved && f.recipientCode === countyCode);
  if (countyFunds().length === 0) {
    const first = funds.find((f) => f.recipientCode === countyCode);
    if (!first) throw new Error(`no fund for county ${countyCode} in ${year}`);
    first.reserved = false;
  }
  const open = countyFunds();
  const weights = open.map((f) => LEVEL_WEIGHTS[f.level]);

  const sums = new Map<Fund, number>();
  for (const project of projects) {
    const local = funds.filter((f) => !f.reserved && f.recipientCode === project.site.township.code);
    const fund = local.length > 0 && random.chance(0.5) ? random.pick(local) : open[random.weighted(weights)]!;
    project.fundId = fund.id;
    sums.set(fund, (sums.get(fund) ?? 0) + project.budgetCents);
  }

  for (const fund of funds) {
    const sum = sums.get(fund) ?? 0;
    if (sum === 0) {
      // A fund no project drew on: an amount in the range of a county's typical allocation.
      fund.amountCents = Math.round(Math.exp(random.uniform(Math.log(300_000), Math.log(5_000_000)))) * 100;
    } else if (random.chance(0.04)) {
      fund.amountCents = Math.max(1, Math.floor(sum * random.uniform(0.85, 0.97)));
    } else {
      fund.amountCents = Math.ceil(sum * random.uniform(1, 1.2));
    }
  }
}
