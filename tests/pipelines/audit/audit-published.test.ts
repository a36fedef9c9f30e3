import {spawnSync} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {auditPublished, formatAuditFinding} from '../../../pipelines/audit/audit-published.ts';
import type {AuditFinding} from '../../../pipelines/audit/audit-published.ts';

const CLI = join(import.meta.dirname, '../../../pipelines/cli.ts');
const folders: string[] = [];

afterAll(async () => {
  for (const folder of folders) await rm(folder, {recursive: true, force: true});
});

async function tempFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A published folder of hand-made tables (CSV with BOM, as the publish stage writes them). */
async function publishedFolder(tables: Record<string, string[]>): Promise<string> {
  const folder = await tempFolder('gongshi-audit-');
  for (const [name, lines] of Object.entries(tables)) {
    await writeFile(join(folder, `${name}.csv`), `\uFEFF${lines.join('\n')}\n`);
  }
  return folder;
}

/** Each finding's region and the measures it says disclose it, as the tests compare them. */
const disclosures = (found: AuditFinding[]) => found.map((f) => [f.region_code, f.measures]);

// One township (360726101) with three villages, under a county and a city.
const REGIONS = [
  'code,name,level,parent_code,poor_village,deep_poor_village,weak_village',
  '3607,赣州市,city,,,,',
  '360726,安远县,county,3607,,,',
  '360726101,孔田镇,township,360726,,,',
  '360726101200,上魏村村委会,village,360726101,true,false,false',
  '360726101201,下魏村村委会,village,360726101,false,false,false',
  '360726101202,太平村村委会,village,360726101,false,false,false'
];
const VALUES_HEADER =
  'indicator_id,region_code,level,year,value,numerator,denominator,reporting_units,expected_units,target,target_operator,status,suppressed';

/**
 * An indicator_values row: published when numbers are given, else withheld. Its coverage (reporting and
 * expected units) defaults to every unit of the denominator reporting.
 */
function cell(
  indicator: string,
  region: string,
  level: string,
  numbers?: [number, number],
  [reporting, expected] = [numbers?.[1], numbers?.[1]]
): string {
  if (!numbers) return `${indicator},${region},${level},2021,,,,,,1.0,>=,suppressed,true`;
  const [numerator, denominator] = numbers;
  return `${indicator},${region},${level},2021,${numerator / denominator},${numerator}.0,${denominator}.0,${reporting},${expected},1.0,>=,met,false`;
}

/** safe_water_rate for the city, county, township and three villages; undefined = withheld. */
function safeWater(villages: ([number, number] | undefined)[], township: [number, number] = [40, 45]): string[] {
  return [
    VALUES_HEADER,
    cell('safe_water_rate', '3607', 'city', township),
    cell('safe_water_rate', '360726', 'county', township),
    cell('safe_water_rate', '360726101', 'township', township),
    ...villages.map((numbers, i) => cell('safe_water_rate', `36072610120${i}`, 'village', numbers))
  ];
}

const MONITORING_HEADER =
  'region_code,level,year,monitor_type,risk_flag,households,people,eliminated_households,suppressed';

describe('auditPublished on a real build', () => {
  let site: string;

  beforeAll(async () => {
    const input = await tempFolder('gongshi-audit-in-');
    site = await tempFolder('gongshi-audit-site-');
    for (const args of [
      ['sample', '--scale', 'tiny', '--seed', '1', '--out', input],
      ['build', '--input', input, '--out', site]
    ]) {
      const run = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
      expect(run.status, run.stderr).toBe(0);
    }
  });

  it('finds nothing in the tiny sample build', async () => {
    const findings = await auditPublished(join(site, 'data'));
    expect(findings.map(formatAuditFinding)).toEqual([]);
  });
});

describe('auditPublished on hand-made tables', () => {
  it('reports a published sensitive numerator below kSensitive, by its keys only', async () => {
    const dir = await publishedFolder({
      regions: REGIONS,
      indicator_values: [VALUES_HEADER, cell('monitored_share', '360726101', 'township', [3, 50])]
    });
    expect(await auditPublished(dir)).toEqual([
      {
        code: 'BELOW_THRESHOLD',
        table: 'indicator_values',
        indicator_id: 'monitored_share',
        region_code: '360726101',
        year: 2021,
        detail: 'numerator counts fewer than 10 households'
      }
    ]);
  });

  it('reports small denominators, complements, people counts and counts', async () => {
    const dir = await publishedFolder({
      regions: REGIONS,
      indicator_values: [
        VALUES_HEADER,
        cell('safe_housing_rate', '360726101200', 'village', [4, 4]),
        cell('risk_elimination_rate', '360726101201', 'village', [40, 45]),
        cell('family_doctor_rate', '360726101202', 'village', [3, 3]),
        'dropout_children,360726101,township,2021,2.0,2.0,,40,40,0.0,=,off_track,false',
        // Zero is published; a village-based indicator is public data.
        'dropout_children,360726,county,2021,0.0,0.0,,400,400,0.0,=,met,false',
        cell('tap_water_rate', '360726101200', 'village', [1, 2])
      ]
    });
    const found = (await auditPublished(dir)).map((f) => `${f.indicator_id} ${f.region_code}: ${f.detail}`);
    expect(found).toEqual([
      'dropout_children 360726101: count of fewer than 5 people, so fewer than 5 households',
      'family_doctor_rate 360726101202: denominator counts fewer than 5 people',
      'family_doctor_rate 360726101202: expected units count fewer than 5 households',
      'family_doctor_rate 360726101202: reporting units count fewer than 5 households',
      'risk_elimination_rate 360726101201: complement (denominator − numerator) counts fewer than 10 households',
      'safe_housing_rate 360726101200: denominator counts fewer than 5 households',
      'safe_housing_rate 360726101200: expected units count fewer than 5 households',
      'safe_housing_rate 360726101200: reporting units count fewer than 5 households'
    ]);
  });

  it('reports a lone withheld village as parent − other children', async () => {
    const dir = await publishedFolder({regions: REGIONS, indicator_values: safeWater([undefined, [20, 22], [17, 20]])});
    const findings = await auditPublished(dir);
    expect(findings).toEqual([
      {
        code: 'RECOVERABLE',
        table: 'indicator_values',
        indicator_id: 'safe_water_rate',
        region_code: '360726101200',
        year: 2021,
        detail:
          'numerator = 360726101 − its other children; denominator = 360726101 − its other children; ' +
          'reporting = 360726101 − its other children; expected = 360726101 − its other children',
        // What discloses it, for the build to withhold partners beside.
        measures: ['reporting', 'expected', 'denominator', 'numerator']
      }
    ]);
  });

  it('finds nothing when two villages are withheld', async () => {
    const dir = await publishedFolder({
      regions: REGIONS,
      indicator_values: safeWater([undefined, undefined, [17, 20]])
    });
    expect(await auditPublished(dir)).toEqual([]);
  });

  it('finds withheld counts narrowed to fewer than ⌈k/2⌉ values, though none follows exactly', async () => {
    // The township's 45 households less village 200's 43 leave 2 to villages 201 and 202: each holds 0..2 (and
    // none of the township's 40 with safe water: that zero is no finding).
    const dir = await publishedFolder({
      regions: REGIONS,
      indicator_values: safeWater([[40, 43], undefined, undefined])
    });
    expect((await auditPublished(dir)).map((f) => `${f.region_code}: ${f.detail}`)).toEqual(
      ['360726101201', '360726101202'].map(
        (village) =>
          `${village}: ` +
          ['denominator', 'reporting', 'expected', 'complement', 'not_reporting']
            .map(
              (m) =>
                `${m} within 3 values (${m === 'complement' || m === 'not_reporting' ? 'the total − its other ' + (m === 'complement' ? 'numerator and complement' : 'reporting and not reporting') : '360726101 − its other children'})`
            )
            .join('; ')
      )
    );
    // With 5 households left to them (a range of 6 values each), they are safe.
    const wide = await publishedFolder({
      regions: REGIONS,
      indicator_values: safeWater([[37, 40], undefined, undefined])
    });
    expect(await auditPublished(wide)).toEqual([]);
  });

  it('reads a published band as bounds: two banded siblings that leave little between them are found', async () => {
    // monitored_share of two townships under a county of 500 registered households, 12 of them monitored: each
    // township publishes its 250 households and a band of 1..9 monitored (0.4 %..3.6 %). The county leaves
    // 12 to share, so each holds 3..9: a range of 7 values, wide enough for k = 10 (5). With 17 (8..9 each) it is
    // not.
    const regions = [...REGIONS.slice(0, 4), '360726102,长沙乡,township,360726,,,'];
    const banded = (monitored: number) => [
      VALUES_HEADER + ',lower,upper',
      `monitored_share,360726,county,2021,${monitored / 500},${monitored}.0,500.0,500,500,0.05,<=,met,false,${monitored / 500},${monitored / 500}`,
      ...['360726101', '360726102'].map(
        (township) => `monitored_share,${township},township,2021,,,250.0,,,0.05,<=,suppressed,true,0.004,0.036`
      )
    ];
    expect(await auditPublished(await publishedFolder({regions, indicator_values: banded(12)}))).toEqual([]);
    const narrow = await auditPublished(await publishedFolder({regions, indicator_values: banded(17)}));
    expect(narrow.map((f) => f.region_code)).toEqual(['360726101', '360726102']);
  });

  it('reads a band by the rule behind it (band_of: 1..k−1 households), not only by its rounded bounds', async () => {
    // Two townships of 1,700 registered households each, 1..9 monitored: rounded, 0.0 %..0.6 % reads as 0..10.2;
    // by the rule, 1..9. The county's 14 leave each 5..9 (5 values, narrow for k = 10); 0..10 would leave 4..10.
    const regions = [...REGIONS.slice(0, 4), '360726102,长沙乡,township,360726,,,'];
    const rows = (bandOf: string) => [
      VALUES_HEADER + ',lower,upper,band_of',
      `monitored_share,360726,county,2021,${14 / 3400},14.0,3400.0,3400,3400,0.05,<=,met,false,${14 / 3400},${14 / 3400},`,
      ...['360726101', '360726102'].map(
        (township) => `monitored_share,${township},township,2021,,,1700.0,,,0.05,<=,suppressed,true,0.0,0.006,${bandOf}`
      )
    ];
    const found = await auditPublished(await publishedFolder({regions, indicator_values: rows('numerator')}));
    expect(disclosures(found)).toEqual([
      ['360726101', ['numerator']],
      ['360726102', ['numerator']]
    ]);
  });

  it('reads a band of both as 1..d−1 households: two of them that leave little between them are found', async () => {
    // Two townships of 18 monitored households each, every risk-elimination rate but 0 and 100 % withheld:
    // 5.5 %..94.5 % of 18 reads as 1..17. A third shows 10 of 20 eliminated. The county's 17 eliminated leave the
    // two 7, 1..6 each: 6 values, wide enough; its 14 leave 4, 1..3 each: narrow.
    const regions = [
      ...REGIONS.slice(0, 4),
      '360726102,长沙乡,township,360726,,,',
      '360726103,欣山镇,township,360726,,,'
    ];
    const rows = (eliminated: number) => [
      VALUES_HEADER + ',lower,upper,band_of',
      `risk_elimination_rate,360726,county,2021,${eliminated / 56},${eliminated}.0,56.0,56,56,0.9,>=,off_track,false,,,`,
      ...['360726101', '360726102'].map(
        (township) => `risk_elimination_rate,${township},township,2021,,,18.0,,,0.9,>=,suppressed,true,0.055,0.945,both`
      ),
      'risk_elimination_rate,360726103,township,2021,0.5,10.0,20.0,20,20,0.9,>=,off_track,false,0.5,0.5,'
    ];
    expect(await auditPublished(await publishedFolder({regions, indicator_values: rows(17)}))).toEqual([]);
    const found = await auditPublished(await publishedFolder({regions, indicator_values: rows(14)}));
    expect(disclosures(found)).toEqual([
      ['360726101', ['numerator']],
      ['360726102', ['numerator']]
    ]);
  });

  it('adds up the households not yet eliminated, which no single published sum gives', async () => {
    // 100 monitored households in the township, 87 of them eliminated; village 202 shows 30 and 20, so villages
    // 200 and 201 share 70 households, 67 eliminated: 3 not yet eliminated between them, 0..3 each.
    const monitoring = [
      MONITORING_HEADER,
      '360726101,township,2021,,,100,300,87,false',
      '360726101200,village,2021,,,,,,true',
      '360726101201,village,2021,,,,,,true',
      '360726101202,village,2021,,,30,90,20,false'
    ];
    const found = await auditPublished(await publishedFolder({regions: REGIONS, monitoring}));
    expect(disclosures(found)).toEqual([
      ['360726101200', ['remaining_households']],
      ['360726101201', ['remaining_households']]
    ]);
  });

  it('follows the chain: a withheld total is the sum of its children, then the rest of its parent', async () => {
    // Households without safe water: the denominator less the numerator, pinned with them.
    const COMPLEMENT = 'complement = the total − its other numerator and complement';
    // 360726102 is withheld, but its one village is published; then 360726101 is the county minus it; then
    // village 200 is 360726101 minus village 201.
    const regions = [
      ...REGIONS.slice(0, 5),
      '360726102,长沙乡,township,360726,,,',
      '360726102300,长沙村村委会,village,360726102,false,false,false'
    ];
    const dir = await publishedFolder({
      regions,
      indicator_values: [
        VALUES_HEADER,
        cell('safe_water_rate', '3607', 'city', [60, 70]),
        cell('safe_water_rate', '360726', 'county', [60, 70]),
        cell('safe_water_rate', '360726101', 'township'),
        cell('safe_water_rate', '360726101200', 'village'),
        cell('safe_water_rate', '360726101201', 'village', [45, 50]),
        cell('safe_water_rate', '360726102', 'township'),
        cell('safe_water_rate', '360726102300', 'village', [10, 12])
      ]
    });
    const findings = await auditPublished(dir);
    expect(findings.map((f) => [f.region_code, f.detail])).toEqual([
      [
        '360726101',
        ['numerator', 'denominator', 'reporting', 'expected']
          .map((m) => `${m} = 360726 − its other children`)
          .concat(COMPLEMENT)
          .join('; ')
      ],
      [
        '360726101200',
        ['numerator', 'denominator', 'reporting', 'expected']
          .map((m) => `${m} = 360726101 − its other children`)
          .concat(COMPLEMENT)
          .join('; ')
      ],
      [
        '360726102',
        ['numerator', 'denominator', 'reporting', 'expected']
          .map((m) => `${m} = sum of its children`)
          .concat(COMPLEMENT)
          .join('; ')
      ]
    ]);
  });

  it('reads a region without a row as zero, and a number shown under another name as known', async () => {
    // Village 202 has no registered households (no row); 201 is withheld for monitored_share, but its
    // monitored households are risk_elimination_rate's published denominator: 200 follows.
    const dir = await publishedFolder({
      regions: REGIONS,
      indicator_values: [
        VALUES_HEADER,
        cell('monitored_share', '360726101', 'township', [30, 300]),
        cell('monitored_share', '360726101200', 'village'),
        cell('monitored_share', '360726101201', 'village'),
        cell('risk_elimination_rate', '360726101201', 'village', [12, 26]),
        cell('safe_housing_rate', '360726101200', 'village', [38, 40]),
        cell('safe_housing_rate', '360726101201', 'village', [250, 260])
      ]
    });
    const findings = await auditPublished(dir);
    expect(findings.map((f) => [f.indicator_id, f.region_code, f.detail])).toEqual([
      [
        'monitored_share',
        '360726101200',
        // Registered households, the denominator of monitored_share, are the households safe_housing_rate
        // expects (its coverage).
        'numerator = 360726101 − its other children; denominator = published safe_housing_rate expected; ' +
          'reporting = published safe_housing_rate expected; expected = published safe_housing_rate expected'
      ]
    ]);
  });

  it('reports a withheld cell that still shows a number or a status', async () => {
    const dir = await publishedFolder({
      regions: REGIONS,
      indicator_values: [
        VALUES_HEADER,
        'safe_water_rate,360726101200,village,2021,0.5,,,,,1.0,>=,suppressed,true',
        'safe_water_rate,360726101201,village,2021,,,,,,1.0,>=,met,true',
        'safe_water_rate,360726101202,village,2021,,,,30,30,1.0,>=,suppressed,true'
      ]
    });
    expect((await auditPublished(dir)).map((f) => `${f.region_code}: ${f.detail}`)).toEqual([
      '360726101200: withheld cell still carries a number',
      '360726101201: withheld cell has a status other than suppressed',
      // Its coverage too is withheld with it.
      '360726101202: withheld cell still carries a number'
    ]);
  });

  it('reports a risk-feature row at village level, and small or recoverable monitoring counts', async () => {
    const dir = await publishedFolder({
      regions: REGIONS,
      monitoring: [
        MONITORING_HEADER,
        '360726101200,village,2021,,4,,,,true',
        '360726101,township,2021,,,60,220,20,false',
        '360726101,township,2021,edge,,,,,true',
        '360726101,township,2021,sudden,,12,40,0,false',
        '360726101,township,2021,unstable,,44,160,17,false',
        '360726101,township,2021,,2,8,30,4,false'
      ]
    });
    const findings = await auditPublished(dir);
    expect(
      findings.map(({code, region_code, monitor_type, risk_flag, detail}) => ({
        code,
        region_code,
        monitor_type,
        risk_flag,
        detail
      }))
    ).toEqual([
      {
        code: 'BELOW_THRESHOLD',
        region_code: '360726101',
        monitor_type: '',
        risk_flag: '2',
        detail: 'eliminated households fewer than 10'
      },
      {
        code: 'BELOW_THRESHOLD',
        region_code: '360726101',
        monitor_type: '',
        risk_flag: '2',
        detail: 'households fewer than 10'
      },
      {
        code: 'BELOW_THRESHOLD',
        region_code: '360726101',
        monitor_type: '',
        risk_flag: '2',
        detail: 'households not yet eliminated fewer than 10'
      },
      {
        code: 'BELOW_THRESHOLD',
        region_code: '360726101200',
        monitor_type: '',
        risk_flag: '4',
        detail: 'risk-feature breakdowns only at township level and above'
      },
      {
        code: 'RECOVERABLE',
        region_code: '360726101',
        monitor_type: 'edge',
        risk_flag: '',
        detail:
          'households = the total − its other monitor types; people = the total − its other monitor types; ' +
          'eliminated_households = the total − its other monitor types; ' +
          'remaining_households = the total − its other numerator and complement'
      }
    ]);
  });

  it('audits a row whose eliminated households alone are withheld', async () => {
    // The township's 65 eliminated households less villages 201 and 202 leave 25 to village 200, and so 5 of its
    // 30 monitored households not yet eliminated: the count it left out to hide them is pinned.
    const monitoring = [
      MONITORING_HEADER,
      '360726101,township,2021,,,100,300,65,false',
      '360726101200,village,2021,,,30,90,,true',
      '360726101201,village,2021,,,40,120,20,false',
      '360726101202,village,2021,,,30,90,20,false'
    ];
    const found = await auditPublished(await publishedFolder({regions: REGIONS, monitoring}));
    expect(found.map((f) => [f.code, f.region_code, f.measures])).toEqual([
      ['RECOVERABLE', '360726101200', ['remaining_households']]
    ]);
    // With village 201's eliminated households withheld too, the two share 45: 200 keeps 0..25 not eliminated.
    monitoring[3] = '360726101201,village,2021,,,40,120,,true';
    expect(await auditPublished(await publishedFolder({regions: REGIONS, monitoring}))).toEqual([]);
  });

  it('lets a monitoring count of k or more follow exactly: the rule would publish it', async () => {
    // The villages show none of their 100 monitored households out of risk, so the township has none: all 100 are
    // not yet eliminated. Its withheld eliminated count hides nothing, and discloses nothing of a small group.
    const monitoring = [
      MONITORING_HEADER,
      '360726101,township,2021,,,100,300,,true',
      '360726101200,village,2021,,,30,90,0,false',
      '360726101201,village,2021,,,40,120,0,false',
      '360726101202,village,2021,,,30,90,0,false'
    ];
    expect(await auditPublished(await publishedFolder({regions: REGIONS, monitoring}))).toEqual([]);
  });

  it('reads a risk feature as some of the monitored households: a feature row bounds its total', async () => {
    // (An independent review's case.) The county's 58 eliminated less township 103's 10 leave 48 to 101 and 102;
    // feature 1 shows 38 of them in 101 and 10 in 102, so 101 has 38 of its 40: 2 not yet eliminated, and its
    // villages 0..2 each.
    const regions = [
      'code,name,level,parent_code,poor_village,deep_poor_village,weak_village',
      '360726,安远县,county,,,,',
      '360726101,孔田镇,township,360726,,,',
      '360726102,长沙乡,township,360726,,,',
      '360726103,欣山镇,township,360726,,,',
      '360726101200,上魏村村委会,village,360726101,false,false,false',
      '360726101201,下魏村村委会,village,360726101,false,false,false'
    ];
    const monitoring = [
      MONITORING_HEADER,
      '360726,county,2021,,,100,300,58,false',
      '360726,county,2021,,1,58,174,48,false',
      '360726101,township,2021,,,40,120,,true',
      '360726101,township,2021,,1,38,114,38,false',
      '360726102,township,2021,,,30,90,,true',
      '360726102,township,2021,,1,20,60,10,false',
      '360726103,township,2021,,,30,90,10,false',
      '360726101200,village,2021,,,20,60,,true',
      '360726101201,village,2021,,,20,60,,true'
    ];
    const found = await auditPublished(await publishedFolder({regions, monitoring}));
    expect(disclosures(found)).toEqual([
      ['360726101', ['remaining_households']],
      ['360726101200', ['remaining_households']],
      ['360726101201', ['remaining_households']]
    ]);
  });

  it('reports a monitoring row whose withheld flag disagrees with its counts', async () => {
    const monitoring = [
      MONITORING_HEADER,
      '360726101,township,2021,,,100,300,40,true',
      '360726101200,village,2021,,,30,,20,true',
      '360726101201,village,2021,,,,,20,false'
    ];
    const found = await auditPublished(await publishedFolder({regions: REGIONS, monitoring}));
    expect(found.filter((f) => f.code === 'RECOVERABLE' && !f.measures).map((f) => [f.region_code, f.detail])).toEqual([
      ['360726101', 'withheld row shows every count'],
      ['360726101200', 'households and people withheld apart'],
      ['360726101201', 'published row lacks a count']
    ]);
  });

  it('reads a region without a monitoring row as zero: the writer omits empty rows', async () => {
    const monitoring = [
      MONITORING_HEADER,
      '360726101,township,2021,,,40,150,20,false',
      '360726101200,village,2021,,,,,,true',
      '360726101201,village,2021,,,30,110,15,false'
    ];
    const dir = await publishedFolder({regions: REGIONS, monitoring});
    // Read as zero, the other villages leave 10 households to the withheld one; read as unknown, it holds 0 to 10
    // of them (5 of them eliminated): wide enough.
    expect((await auditPublished(dir)).map((f) => `${f.code} ${f.region_code}`)).toEqual(['RECOVERABLE 360726101200']);
    expect(await auditPublished(dir, {monitoringAbsentRowsAreZero: false})).toEqual([]);
  });

  it('never prints a number of a withheld cell, and sorts deterministically', async () => {
    const dir = await publishedFolder({regions: REGIONS, indicator_values: safeWater([undefined, [20, 22], [17, 20]])});
    const findings: AuditFinding[] = await auditPublished(dir);
    // The withheld village holds 3 of 3 households.
    for (const f of findings) expect(formatAuditFinding(f)).not.toMatch(/(?<!\d)3(?!\d)/);
    expect(await auditPublished(dir)).toEqual(findings);
  });

  it('refuses a threshold below 3', async () => {
    const dir = await publishedFolder({regions: REGIONS, indicator_values: [VALUES_HEADER]});
    await expect(auditPublished(dir, {k: 2})).rejects.toThrow(/threshold below 3/);
  });
});
