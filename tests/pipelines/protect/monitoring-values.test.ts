import {describe, expect, it} from 'vitest';
import {monitoringPartners, protectMonitoring} from '../../../pipelines/protect/monitoring-values.ts';
import type {MonitoringRow} from '../../../pipelines/protect/monitoring-values.ts';
import type {DisclosurePolicy} from '../../../pipelines/protect/suppress-cells.ts';

const POLICY: DisclosurePolicy = {
  k: 5,
  kSensitive: 10,
  sensitive: new Set(),
  householdBased: new Set(),
  additive: new Set()
};

/** A total row (all monitor types, all features) of 2021. */
const total = (region_code: string, parent_code: string | null, households: number, eliminated: number) =>
  ({
    region_code,
    parent_code,
    level: parent_code === null ? 'county' : 'township',
    year: 2021,
    monitor_type: null,
    risk_flag: null,
    households,
    people: households * 3,
    eliminated_households: eliminated
  }) satisfies MonitoringRow;

/** What each region shows: its households and eliminated households, `withheld` (primary or complementary). */
function shown(rows: MonitoringRow[], withheldMeasures = new Set<string>()) {
  const {cells, withheldTotals} = protectMonitoring(rows, POLICY, withheldMeasures);
  const byRegion: Record<string, Record<string, string>> = {};
  for (const c of cells) (byRegion[c.region_code] ??= {})[c.count] = c.suppressed ?? 'shown';
  return {byRegion, withheldTotals: [...withheldTotals]};
}

describe('protectMonitoring', () => {
  it('withholds the eliminated households of a region without its monitored households', () => {
    // Township A: 40 monitored, 35 eliminated, so 5 not yet eliminated (1..9: the eliminated count is withheld);
    // B's eliminated count goes with it, else A's would be the county's less B's.
    const rows = [total('county', null, 90, 55), total('A', 'county', 40, 35), total('B', 'county', 50, 20)];
    expect(shown(rows)).toEqual({
      byRegion: {
        county: {households: 'shown', eliminated: 'shown'},
        A: {households: 'shown', eliminated: 'primary'},
        B: {households: 'shown', eliminated: 'complementary'}
      },
      // For indicator_values to withhold too: risk_elimination_rate's numerator, not monitored_share's.
      withheldTotals: ['hh_eliminated|2021|A', 'hh_eliminated|2021|B']
    });
  });

  it('withholds both counts of a region with 1..9 monitored households', () => {
    const rows = [total('county', null, 56, 20), total('A', 'county', 6, 0), total('B', 'county', 50, 20)];
    const {byRegion} = shown(rows);
    expect(byRegion.A).toEqual({households: 'primary', eliminated: 'primary'});
    expect(byRegion.B).toEqual({households: 'complementary', eliminated: 'complementary'});
  });

  it('withholds a risk feature’s count wherever its total’s is withheld: the feature bounds the total', () => {
    // Township A: 38 of its 40 monitored households eliminated, so 2 not yet (withheld). Its 38 with feature 1,
    // all eliminated, would say that A has 38 eliminated at least: the feature's count goes with the total's.
    const feature = (row: MonitoringRow) => ({...row, risk_flag: 1});
    const rows = [
      total('county', null, 100, 58),
      feature(total('county', null, 58, 48)),
      total('A', 'county', 40, 38),
      feature(total('A', 'county', 38, 38)),
      total('B', 'county', 30, 10),
      feature(total('B', 'county', 20, 10)),
      total('C', 'county', 30, 10)
    ];
    const {cells} = protectMonitoring(rows, POLICY, new Set());
    const eliminated = (region: string, flag: number | null) =>
      cells.find((c) => c.count === 'eliminated' && c.region_code === region && c.row.risk_flag === flag)!.suppressed;
    expect(eliminated('A', null)).toBe('primary');
    expect(eliminated('A', 1)).toBe('complementary');
  });

  it('withholds a total count wherever indicator_values withholds its measure, and says which', () => {
    const rows = [total('county', null, 90, 55), total('A', 'county', 40, 25), total('B', 'county', 50, 30)];
    const {byRegion, withheldTotals} = shown(rows, new Set(['hh_eliminated|2021|A']));
    expect(byRegion.A).toEqual({households: 'shown', eliminated: 'primary'});
    expect(byRegion.B).toEqual({households: 'shown', eliminated: 'complementary'});
    expect(withheldTotals.sort()).toEqual(['hh_eliminated|2021|A', 'hh_eliminated|2021|B']);
  });

  it('gives partners for the count the audit names, not for the other', () => {
    const rows = [
      total('county', null, 150, 85),
      total('A', 'county', 40, 35),
      total('B', 'county', 50, 20),
      total('C', 'county', 60, 30)
    ];
    const monitoring = protectMonitoring(rows, POLICY, new Set());
    const found = [{region_code: 'A', year: 2021, measures: ['remaining_households']}];
    expect([...monitoringPartners(monitoring, found)]).toEqual(['monitoring-eliminated||:numerator|2021|C']);
    const households = [{region_code: 'A', year: 2021, measures: ['households']}];
    expect([...monitoringPartners(monitoring, households)]).toEqual(['monitoring||:numerator|2021|C']);
  });
});
