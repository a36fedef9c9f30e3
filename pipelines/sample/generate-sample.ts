/**
 * The synthetic sample generator behind `gongshi sample`: writes an input
 * folder in the shape of the data contract (regions, households, villages,
 * funds, projects, targets and a README), every file labelled synthetic.
 * Real region codes and names (赣州市 unless another city or county is asked
 * for), everything else drawn from seeded streams, so the same region, scale
 * and seed give byte-identical files.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {inputTable} from '../../src/lib/input-tables.ts';
import type {InputTableName} from '../../src/lib/input-tables.ts';
import {CliError} from '../lib/cli-error.ts';
import {countyProfile} from './county-profiles.ts';
import {openCsvWriter} from './csv-writer.ts';
import type {CsvRow, CsvWriter} from './csv-writer.ts';
import {fundRows} from './funds.ts';
import {buildFundsAndProjects} from './funds-and-projects.ts';
import {householdRows} from './households.ts';
import {planMonitoring} from './monitoring-episodes.ts';
import {samplePovertyLines} from './poverty-lines.ts';
import {projectRow} from './projects.ts';
import {sampleReadme, syntheticNotice} from './readme.ts';
import {regionRows} from './region-rows.ts';
import {
  DEFAULT_SAMPLE_REGION,
  type ReferenceRegion,
  readReferenceRegions,
  regionsForScale
} from './regions-for-scale.ts';
import {SAMPLE_SCALES, SCALE_PROFILES, isSampleScale} from './scales.ts';
import type {SampleScale} from './scales.ts';
import {targetRows} from './targets.ts';
import {planVillages} from './village-plans.ts';
import {villageRows} from './villages.ts';

export type {SampleScale} from './scales.ts';

/** What to generate and where. */
export interface SampleOptions {
  scale: SampleScale;
  /** A non-negative integer; the same seed and scale give the same files. */
  seed: number;
  /** A city (4 digits) or county (6 digits) of the reference hierarchy; default 赣州市, 3607. */
  region?: string;
  /** The folder to write into; created if missing, sample files in it overwritten. */
  out: string;
  /** Receives one progress line per file written. */
  log?: (line: string) => void;
}

/** The files written, in order, with their data rows (comment and header lines not counted). */
export interface SampleSummary {
  files: {file: string; rows: number}[];
}

/**
 * Writes a synthetic input folder and returns what it wrote. Throws a
 * CliError for an unknown scale, a seed that is not a non-negative integer,
 * or an output folder that cannot be created.
 */
export async function generateSample(options: SampleOptions): Promise<SampleSummary> {
  const {scale, seed, out, region = DEFAULT_SAMPLE_REGION} = assertOptions(options);
  const log = options.log ?? (() => {});
  const reference = readRegion(region);
  const comments = [syntheticNotice(scale, seed, region)];
  const files: SampleSummary['files'] = [];
  const open = (table: InputTableName): CsvWriter => {
    return openCsvWriter(join(out, inputTable(table).file), inputTable(table).columns, comments);
  };
  const write = async (table: InputTableName, fill: (writer: CsvWriter) => Promise<void> | void) => {
    const writer = open(table);
    try {
      await fill(writer);
    } catch (error) {
      writer.abort();
      throw error;
    }
    const rows = await writer.close();
    files.push({file: inputTable(table).file, rows});
    log(`${inputTable(table).file}: ${rows} rows`);
  };
  const pushAll = (rows: CsvRow[]) => (writer: CsvWriter) => rows.forEach((row) => writer.push(row));

  // Load: the reference hierarchy and poverty lines; plan counties and villages.
  const scope = regionsForScale(reference, scale);
  const povertyLines = samplePovertyLines();
  const profiles = new Map(scope.counties.map((c) => [c.code, countyProfile(seed, c)]));
  const plans = planVillages(seed, scope, profiles, SCALE_PROFILES[scale]);

  // Process and save, table by table; households stream village by village.
  await write('regions', pushAll(regionRows(scope, plans)));
  await write('households', async (writer) => {
    for (const profile of profiles.values()) {
      const countyPlans = plans.filter((p) => p.countyCode === profile.code);
      const episodes = planMonitoring(seed, profile, countyPlans);
      for (const plan of countyPlans) {
        const context = {
          seed,
          plan,
          profile,
          villagesInCounty: countyPlans.length,
          episodes: episodes.get(plan.region.code) ?? [],
          povertyLines
        };
        householdRows(context, writer.pushCells);
        await writer.flush();
      }
    }
  });
  await write('villages', pushAll(plans.flatMap((plan) => villageRows(seed, plan))));
  const {funds, projects} = buildFundsAndProjects(seed, scope, plans);
  await write('funds', pushAll(fundRows(funds)));
  await write('projects', pushAll(projects.map(projectRow)));
  await write('targets', pushAll(targetRows(scope)));
  writeFileSync(join(out, 'README.txt'), sampleReadme(scale, seed, files, region));
  log('README.txt');
  return {files};
}

/** The reference hierarchy of `region`, or a CliError saying why there is none. */
function readRegion(region: string): ReferenceRegion[] {
  try {
    return readReferenceRegions(region);
  } catch (error) {
    throw new CliError(
      'E_SAMPLE_REGION',
      `无法生成地区 ${region} 的示例 (no sample for region ${region}): ${(error as Error).message}`
    );
  }
}

function assertOptions(options: SampleOptions): SampleOptions {
  if (!isSampleScale(options.scale)) {
    throw new CliError(
      'E_SAMPLE_SCALE',
      `未知的规模 "${String(options.scale)}"，可选 ${SAMPLE_SCALES.join('、')} (unknown scale; use ${SAMPLE_SCALES.join(', ')})`
    );
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new CliError(
      'E_SAMPLE_SEED',
      `种子必须是非负整数，收到 "${String(options.seed)}" (seed must be a non-negative integer)`
    );
  }
  try {
    mkdirSync(options.out, {recursive: true});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      'E_SAMPLE_OUT',
      `无法创建输出文件夹 ${options.out}：${reason} (cannot create the output folder)`
    );
  }
  return options;
}
