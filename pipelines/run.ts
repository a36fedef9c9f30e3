/**
 * The recipe: every stage of `gongshi check` and `gongshi build`, in order.
 *
 *   validate   read each input file (regions first, households last), apply
 *              the contract's rules, load accepted rows into DuckDB
 *   aggregate  compute every indicator for every region and year in DuckDB
 *   anonymize  withhold small and recoverable cells, attach targets and status
 *   publish    write the public tables (CSV with BOM, Parquet, JSON) and the
 *              manifest into a staging folder
 *   audit      attack the published files as an outsider would
 *   release    compare with the previous release, write the changelog, the
 *              checksums, the bulk zip and the release index
 *   site       build the Astro site from the published tables only; place
 *              every release's files under releases/<id>/
 *   swap       replace the previous output only when everything succeeded
 */
import {cp, mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import type {Lang, Problem} from './lib/error-codes.ts';
import {computeIndicatorValues} from './aggregate/compute-indicators.ts';
import {readIndicatorCells} from './protect/indicator-values.ts';
import {readIndicatorRegistry} from './aggregate/indicator-registry.ts';
import {createMonitoringMoves} from './aggregate/monitoring-moves.ts';
import {readMonitoringRows} from './protect/monitoring-values.ts';
import {protectTables} from './protect/protect-tables.ts';
import {readPovertyLines} from './reference/poverty-lines.ts';
import {auditPublished, formatAuditFinding} from './audit/audit-published.ts';
import {type PiiValues, collectPii} from './ingest/collect-pii.ts';
import {locateLeak} from './audit/locate-leak.ts';
import {disclosurePolicy} from './protect/disclosure-policy.ts';
import {readPublicVocabulary} from './audit/read-public-vocabulary.ts';
import {scanSiteForPii} from './audit/scan-site-for-pii.ts';
import {siteOrigin} from '../src/lib/site-config.ts';
import {PipelineError} from './lib/pipeline-error.ts';
import {closeDuckDB, openDuckDB} from './lib/duckdb.ts';
import {createWorkDir, removeWorkDir} from './lib/work-dir.ts';
import {type Progress, createProgress} from './lib/progress.ts';
import {buildSite} from './site/build-site.ts';
import {indexSiteSearch} from './site/index-site-search.ts';
import {writeSitemap} from './site/write-sitemap.ts';
import {publishTables} from './publish/publish-tables.ts';
import {createStaging, discardStaging, swapOutput} from './site/swap-output.ts';
import {readPublicationConfig} from './publish/read-publication-config.ts';
import {DEFAULT_TITLE} from './publish/write-datapackage.ts';
import {readPreviousRelease} from './release/read-previous-release.ts';
import {placeReleases, writeRelease} from './release/write-release.ts';
import {checkRejectedShare} from './validate/rejected-share.ts';
import {type FileAccount, RejectionLog} from './validate/rejection-log.ts';
import {validateInput} from './validate/validate-input.ts';

export interface RunOptions {
  input: string;
  lang: Lang;
  /** Reports each stage (a live line on a terminal) and counts warnings; silent when absent. */
  progress?: Progress;
  /** DuckDB's memory limit, e.g. `1GB` (default DEFAULT_MEMORY_LIMIT); above it DuckDB spills to disk. */
  memoryLimit?: string;
  /** Required files allowed to hold a header and no rows (`--allow-empty`). */
  allowEmpty?: readonly string[];
  /** Site configuration file; default site.yml, site.yaml or site.json in the input folder, if any. */
  siteConfig?: string;
}

export interface CheckResult {
  files: FileAccount[];
  problems: Problem[];
  /** File-level faults, including too many rejected rows: any of them makes the input unpublishable. */
  faults: Problem[];
  synthetic: boolean;
}

/** Validates an input folder and returns the report; throws a PipelineError on a file-level fault. */
export async function checkInput(options: RunOptions): Promise<CheckResult> {
  const workDir = await createWorkDir('gongshi-check-');
  try {
    const connection = await openDuckDB({tempDirectory: join(workDir, 'duckdb'), memoryLimit: options.memoryLimit});
    try {
      const {log} = await validateStage(connection, workDir, options);
      // The site configuration is part of the input: a check that passes must not leave the build to refuse it.
      readPublicationConfig(options.input, {publisher: '', title: DEFAULT_TITLE}, options.siteConfig);
      return report(log);
    } finally {
      closeDuckDB(connection);
    }
  } finally {
    await removeWorkDir(workDir);
  }
}

export interface BuildOptions extends RunOptions {
  out: string;
  /** URL path the site is served under. */
  base?: string;
  /** Origin the site is served from, for absolute URLs (QR codes, feed, sitemap). */
  siteUrl?: string;
  /** Address "report a problem" mails go to. */
  contact?: string;
  /** Publish the data only, without the Astro site (benchmarks measure the pipelines alone). */
  dataOnly?: boolean;
  /** The previous output or its data/ folder: its releases are carried forward and compared with this one. */
  previous?: string;
}

/**
 * Runs every stage into a staging folder beside `out` and swaps it in only on
 * success: a failed build leaves the last good output untouched.
 */
export async function buildRelease(options: BuildOptions): Promise<CheckResult & {built: boolean}> {
  // Read before any work, so that a wrong --previous fails at once (and before the swap may replace it).
  const previous = options.previous ? readPreviousRelease(options.previous) : undefined;
  const staging = await createStaging(options.out);
  // Row-level work files (accepted rows on their way into DuckDB, DuckDB's spilled pages, which may hold whole
  // input lines with names and ID numbers) go to a private folder of the system's, never beside the output,
  // which may be served.
  const workDir = await createWorkDir('gongshi-build-');
  // Closed as soon as the data are published: the site build needs none of DuckDB's memory.
  let duckdb: DuckDBConnection | undefined;
  const closeDatabase = () => {
    const open = duckdb;
    duckdb = undefined;
    if (open) closeDuckDB(open);
  };
  try {
    const dataDir = join(staging, 'data');
    const siteDir = join(staging, 'site');
    await mkdir(dataDir, {recursive: true});
    const connection = await openDuckDB({tempDirectory: join(workDir, 'duckdb'), memoryLimit: options.memoryLimit});
    duckdb = connection;
    const {log} = await validateStage(connection, workDir, options);
    const result = report(log);
    if (result.faults.length) {
      closeDatabase();
      await discardStaging(staging);
      return {...result, built: false};
    }

    const progress = options.progress ?? SILENT;
    const city = await connection.runAndReadAll('SELECT name FROM regions WHERE parent_code IS NULL');
    const site = readPublicationConfig(
      options.input,
      {publisher: String(city.getRowObjectsJS()[0]?.name ?? 'Gongshi'), title: DEFAULT_TITLE},
      options.siteConfig
    );
    let stage = progress.stage('aggregate');
    const indicators = readIndicatorRegistry();
    const povertyLines = new Map([...readPovertyLines()].map(([year, p]) => [year, p.line]));
    const policy = disclosurePolicy(indicators);
    await computeIndicatorValues(connection, indicators, povertyLines);
    const monitoringRows = await readMonitoringRows(connection);
    await createMonitoringMoves(connection);
    // Everything published about households is now counted: their table (by far the largest) goes, so that
    // DuckDB's memory is free for what follows — before the 600,000 indicator cells come into this process's.
    await connection.run('DROP TABLE households');
    const cells = await readIndicatorCells(connection);
    const {suppression, monitoring, flows, passes, rounds} = await protectTables(connection, {
      cells,
      monitoringRows,
      policy,
      indicators,
      workDir,
      coverageThreshold: site.coverage_threshold
    });
    stage.done(
      `${indicators.length} indicators; withheld ${suppression.primary} cells, ${suppression.complementary} more to ` +
        `protect them; monitoring ${monitoring.primary} + ${monitoring.complementary}; ` +
        `flows ${flows.primary} + ${flows.complementary}; ${passes} passes, ${rounds} audit rounds`
    );

    stage = progress.stage('publish');
    const published = await publishTables(connection, {
      dataDir,
      workDir,
      files: result.files,
      rejections: log.rejectionsByRegion(),
      synthetic: result.synthetic,
      k: policy.k,
      kSensitive: policy.kSensitive,
      indicators,
      suppression: {
        indicator_values: suppression,
        monitoring: {primary: monitoring.primary, complementary: monitoring.complementary},
        monitoring_flows: flows
      },
      site
    });
    stage.done(`${published.tables.length} tables, release ${published.manifest.build_id}`);

    // The site shows the published tables' texts on its pages: a name or number in them fails here, in seconds,
    // at its input line, rather than at the final scan after the site build (many minutes on a county's data).
    // A data-only build publishes no site, and skips it with the final scan.
    let pii: PiiValues | undefined;
    let vocabulary: string[] | undefined;
    if (!options.dataOnly) {
      stage = progress.stage('scan data');
      pii = await collectPii(options.input);
      vocabulary = await readPublicVocabulary(dataDir);
      const leaks = await scanSiteForPii(dataDir, pii, vocabulary, {
        memoryLimit: options.memoryLimit
      });
      if (leaks.length) throw new PipelineError(await locateLeak(connection, dataDir, leaks));
      stage.done('no name, ID number or phone number in the published tables');
    }

    // The attacker's view: from the published files only, through code that shares nothing with the suppressor.
    // The release (changelog, checksums, the bulk zip) is written into the staging folder meanwhile: its zip
    // deflates in a worker thread while the audit runs on this one. A failed audit discards it with the folder.
    stage = progress.stage('audit');
    for (const id of previous?.missing ?? []) progress.warn(`release ${id}: its files are not in ${options.previous}`);
    const releasing = writeRelease(connection, {dataDir, workDir, previous});
    const released = releasing.then(
      () => undefined,
      () => undefined
    );
    const findings = await auditPublished(dataDir, {k: policy.k, kSensitive: policy.kSensitive}).catch(
      async (error: unknown) => {
        await released;
        throw error;
      }
    );
    if (findings.length) {
      await released;
      throw new PipelineError({
        code: 'E_DISCLOSURE',
        file: 'indicator_values.csv',
        params: {count: findings.length, first: formatAuditFinding(findings[0]!)}
      });
    }
    stage.done('no cell below threshold or recoverable');

    stage = progress.stage('release');
    const release = await releasing;
    closeDatabase();
    const changes = release.changelog?.tables.reduce((sum, t) => sum + t.added + t.removed + t.changed, 0);
    stage.done(
      release.changelog
        ? `${changes} rows changed and ${release.changelog.revised_values.length} values revised since ${release.changelog.previous}; ${release.index.releases.length} releases`
        : 'first release'
    );

    if (options.dataOnly) {
      await swapOutput(dataDir, options.out);
      await discardStaging(staging);
      return {...result, built: true};
    }

    stage = progress.stage('site');
    await buildSite({dataDir, outDir: siteDir, base: options.base, siteUrl: options.siteUrl, contact: options.contact});
    // Merge into the site's own data/ (per-indicator endpoints are built by Astro).
    await cp(dataDir, join(siteDir, 'data'), {recursive: true});
    await placeReleases(release, siteDir);
    const searchable = await indexSiteSearch(siteDir);
    const mapped = await writeSitemap({
      siteDir,
      origin: options.siteUrl ?? siteOrigin(),
      base: options.base ?? '/'
    });
    stage.done(`built, ${mapped} pages in the sitemap, ${searchable} searchable`);

    stage = progress.stage('scan');
    // The values and public words of the data scan (a build with a site always runs it; the site's data/ is a
    // copy of what it scanned).
    pii ??= await collectPii(options.input);
    vocabulary ??= await readPublicVocabulary(join(siteDir, 'data'));
    const found = await scanSiteForPii(siteDir, pii, vocabulary, {
      memoryLimit: options.memoryLimit
    });
    // The search index holds Pagefind's word segments of the indexed page text (scanned above as HTML):
    // a segment of a place name such as 文龙 in 文龙村 can equal a head's name without anything leaking,
    // so there only ID and phone numbers count.
    const leaks = found.filter((leak) => !(leak.kind === 'name' && leak.file.startsWith('pagefind/')));
    if (leaks.length) {
      throw new PipelineError({
        code: 'E_PII_LEAK',
        file: leaks[0]!.file,
        params: {count: leaks.length, kinds: [...new Set(leaks.map((l) => l.kind))].join(', ')}
      });
    }
    stage.done('no name, ID number or phone number in the site');

    await swapOutput(siteDir, options.out);
    await discardStaging(staging);
    return {...result, built: true};
  } catch (error) {
    // The build's own error is the one to report, not one from closing the database after it.
    try {
      closeDatabase();
    } catch {
      // Already failing.
    }
    await discardStaging(staging);
    throw error;
  } finally {
    await removeWorkDir(workDir);
  }
}

async function validateStage(connection: DuckDBConnection, workDir: string, options: RunOptions) {
  const log = new RejectionLog();
  await validateInput({
    input: options.input,
    connection,
    workDir,
    indicatorUnits: new Map(readIndicatorRegistry().map((i) => [i.id, i.unit])),
    allowEmpty: new Set(options.allowEmpty),
    log,
    progress: options.progress ?? SILENT
  });
  log.assertBalanced();
  return {log};
}

const SILENT = createProgress({write: () => undefined});

function report(log: RejectionLog): CheckResult {
  const files = log.files();
  return {
    files,
    problems: log.problems(),
    faults: [...log.faults(), ...checkRejectedShare(files)],
    synthetic: log.synthetic
  };
}
