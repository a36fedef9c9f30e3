/**
 * The disclosure control the golden case `small` shows, cell by cell
 * (tests/input/pipeline/small/README.md walks through why). It reads the
 * expected output, which golden.test.ts holds the build to, so a change in
 * what is withheld fails here with the cells named rather than as a byte diff.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Papa from 'papaparse';
import {describe, expect, it} from 'vitest';

const OUTPUT = join(import.meta.dirname, '../../output/pipeline/small');
const [CITY, COUNTY, TOWNSHIP] = ['3607', '360726', '360726101'];
const [EAST, WEST, SOUTH] = ['360726101001', '360726101002', '360726101003'];

function readTable(file: string): Record<string, string>[] {
  const text = readFileSync(join(OUTPUT, file), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, {header: true, skipEmptyLines: true}).data;
}

const values = readTable('indicator_values.csv');
const monitoring = readTable('monitoring.csv');

/**
 * Region codes whose value of `indicator` is withheld: no value or numerator, and no denominator unless the row
 * shows a band (which stands on it).
 */
function withheld(indicator: string): string[] {
  const rows = values.filter((r) => r.indicator_id === indicator && r.suppressed === 'true');
  for (const r of rows) {
    expect([r.value, r.numerator, r.status]).toEqual(['', '', 'suppressed']);
    if (r.band_of === '') expect([r.denominator, r.lower, r.upper]).toEqual(['', '', '']);
  }
  return rows.map((r) => r.region_code!).sort();
}

/** The band rows of `indicator`: region, denominator, lower, upper and the count the rule found small. */
const bands = (indicator: string) =>
  values
    .filter((r) => r.indicator_id === indicator && r.band_of !== '')
    .map((r) => [r.region_code, r.denominator, r.lower, r.upper, r.band_of]);

describe('golden case small: what is withheld', () => {
  it('withholds rates over fewer than 5 registered households (南门村) and the smaller village beside it', () => {
    // 南门村 has 3 registered households (< k = 5): primary. Left alone beside the published township, it would be
    // township − 东门村 − 西门村, so the smaller published sibling, 西门村 (9 against 12), is withheld too.
    for (const id of [
      'family_doctor_rate',
      'medical_insurance_rate',
      'safe_housing_rate',
      'safe_water_rate',
      'income_above_line_rate'
    ]) {
      expect(withheld(id), id).toEqual([WEST, SOUTH]);
    }
    // All households: 南门村 4 (< 5), partner 西门村 11 rather than 东门村 14.
    expect(withheld('sanitary_toilet_rate')).toEqual([WEST, SOUTH]);
    // Registered households with labour: 南门村 2, partner 东门村 6 (its elderly households have none) before 西门村 8.
    expect(withheld('income_support_coverage')).toEqual([EAST, SOUTH]);
  });

  it('withholds a count of 1–4 households, and every total it alone makes up', () => {
    // One household of 西门村 has a child out of school: 1 household (< 5) at every level up to the city.
    expect(withheld('dropout_children')).toEqual([CITY, COUNTY, TOWNSHIP, WEST]);
    const zeros = values.filter((r) => r.indicator_id === 'dropout_children' && r.suppressed === 'false');
    expect(zeros.map((r) => [r.region_code, r.value])).toEqual([
      [EAST, '0.0'],
      [SOUTH, '0.0']
    ]);
  });

  it('applies k = 10 to the numerator and its complement of sensitive rates', () => {
    // 21 households exited or returned in the township, 1 returned: a complement of 1 (< 10) up to the city.
    // 西门村 (8) and 南门村 (3) have fewer than 10; 东门村's 10 all exited (complement 0) and are published.
    expect(withheld('consolidation_rate')).toEqual([CITY, COUNTY, TOWNSHIP, WEST, SOUTH]);
    // The township has 10 monitored households against 24 registered ones (complement 14): published. The two
    // villages with monitored households have fewer than 10 registered ones; 东门村 (0 of 12) is published.
    expect(withheld('monitored_share')).toEqual([WEST, SOUTH]);
    // None of the 10 monitored households has had its risk eliminated: 0 of 10 is published at township level.
    expect(withheld('risk_elimination_rate')).toEqual([WEST, SOUTH]);
  });

  it('shows the band the rule implies above village level, and none beside villages or partners', () => {
    // 1 returned household among 65 people: 1..9 households of at most 20 people returned, so the rate is below
    // 1 − 1/65 (98.5 % rounded up); 180 people could be more than all 65, so it says nothing from below.
    expect(bands('consolidation_rate')).toEqual(
      [CITY, COUNTY, TOWNSHIP].map((code) => [code, '65.0', '0.0', '0.985', 'complement'])
    );
    // One household with a child out of school: 1..4 households of at most 20 children.
    expect(bands('dropout_children')).toEqual(
      [CITY, COUNTY, TOWNSHIP].map((code) => [code, '', '1.0', '80.0', 'numerator'])
    );
    expect(bands('monitored_share')).toEqual([]);
  });

  it('never withholds public data: village, fund and project indicators', () => {
    for (const id of [
      'collective_income',
      'garbage_collection_rate',
      'fund_execution_rate',
      'notice_compliance_rate'
    ]) {
      expect(withheld(id), id).toEqual([]);
    }
  });

  it('withholds every monitor type and risk feature (1–9 households each) and the village totals', () => {
    const published = monitoring.filter((r) => r.suppressed === 'false');
    expect(published.map((r) => [r.region_code, r.monitor_type, r.risk_flag, r.households, r.people])).toEqual([
      [CITY, '', '', '10', '34'],
      [COUNTY, '', '', '10', '34'],
      [TOWNSHIP, '', '', '10', '34']
    ]);
    const villageRows = monitoring.filter((r) => r.level === 'village');
    expect(villageRows.every((r) => r.suppressed === 'true' && r.risk_flag === '')).toBe(true);
    expect(new Set(villageRows.map((r) => r.region_code))).toEqual(new Set([WEST, SOUTH]));
  });

  // Regression: a first year's income_growth_gap has no value, so nothing is withheld (least() skipped the NULL).
  it('publishes no withheld row for a value that does not exist', () => {
    expect(withheld('income_growth_gap')).toEqual([]);
  });
});
