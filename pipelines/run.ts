/**
 * The recipe: every stage of `gongshi check` and `gongshi build`, in order,
 * each in the folder of that name (docs/architecture.md).
 *
 *   validate   read each input file (regions first, households last), apply
 *              the contract's rules, load accepted rows into DuckDB
 *   aggregate  compute every indicator and monitoring count for every region
 *              and year in DuckDB, then drop the households
 *   protect    withhold small and recoverable cells, publish bands where the
 *              rule allows, attach targets and status, until the audit of the
 *              tables finds nothing
 *   publish    write the public tables (CSV with BOM, Parquet, JSON) and the
 *              manifest into a staging folder
 *   audit      scan the published tables for PII; attack them as an outsider
 *              would (beside the release, which writes meanwhile)
 *   release    compare with the previous release, write the changelog, the
 *              checksums, the bulk zip and the release index
 *   site       build the Astro site from the published tables only; place
 *              every release's files under releases/<id>/
 *   index      index its pages for search and map them (sitemap), while the
 *              final scan for PII reads the pages
 *   scan       scan what the index and the sitemap added
 *   swap       replace the previous output only when everything succeeded
 */
import {cp, mkdir} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {originOf} from '../src/lib/site-config.ts';
import {createAggregates} from './aggregate/create-aggregates.ts';
import {readIndicatorRegistry} from './aggregate/indicator-registry.ts';
import {assertNothingDisclosed} from './audit/disclosure-gate.ts';
import {type PiiSearch, assertNoSiteLeaks, findSiteLeaks, scanPublishedTables} from './audit/pii-scans.ts';
import {listSiteFiles} from './audit/scan-site-for-pii.ts';
import {closeDuckDB, openDuckDB} from './lib/duckdb.ts';
import type {Lang, Problem} from './lib/error-codes.ts';
import {type Progress, createProgress} from './lib/progress.ts';
import {createWorkDir, removeWorkDir} from './lib/work-dir.ts';
import {disclosurePolicy} from './protect/disclosure-policy.ts';
import {protectAggregates} from './protect/protect-tables.ts';
import {publishTables} from './publish/publish-tables.ts';
import {readPublicationConfig} from './publish/read-publication-config.ts';
import {DEFAULT_TITLE} from './publish/write-datapackage.ts';
import {povertyLineAmounts} from './reference/poverty-lines.ts';
import {readPreviousRelease} from './release/read-previous-release.ts';
import {type ReleasePlan, placeReleases, writeRelease} from './release/write-release.ts';
import {buildSite} from './site/build-site.ts';
import {type PreviousSite, carryParts, partsToRender, readPreviousSite, writePartsFile} from './site/carry-parts.ts';
import {type Shard, dealShards} from './site/deal-shards.ts';
import {type PartSettings, siteParts} from './site/part-keys.ts';
import {type ShardFile, assertWhole, copyShard, readShardFile, writeShardFile} from './site/merge-shards.ts';
import {collectPii} from './ingest/collect-pii.ts';
import {readPublicVocabulary} from './audit/read-public-vocabulary.ts';
import {indexAndMapSite} from './site/index-and-map-site.ts';
import {startSearchIndex} from './site/index-site-search.ts';
import {createStaging, discardStaging, swapOutput} from './site/swap-output.ts';
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
  /**
   * Origin the site is served from, for absolute URLs (QR codes, feed, sitemap); default: the origin of
   * site.yml's `site_url`. With neither the site has no absolute URL at all, and the build warns.
   */
  siteUrl?: string;
  /** Address "report a problem" mails go to. */
  contact?: string;
  /** Publish the data only, without the Astro site (benchmarks measure the pipelines alone). */
  dataOnly?: boolean;
  /**
   * The previous output or its data/ folder: its releases are carried forward and compared with this one, and
   * (unless `cache` is false) the pages of its parts whose data and code have not changed are copied, not rendered.
   */
  previous?: string;
  /** False (`--no-cache`): render every page, whatever `previous` holds. */
  cache?: boolean;
  /**
   * Build one share of the pages (`--shard K/N`): the parts dealt to it, each county whole; without the search
   * index and sitemap, which `gongshi merge` makes of the whole site.
   */
  shard?: Shard;
}

/**
 * Runs every stage into a staging folder beside `out` and swaps it in only on
 * success: a failed build leaves the last good output untouched.
 */
export async function buildRelease(
  options: BuildOptions
): Promise<CheckResult & {built: boolean; siteUrl?: string | null}> {
  // Read before any work, so that a wrong --previous fails at once (and before the swap may replace it).
  const previous = options.previous ? readPreviousRelease(options.previous) : undefined;
  const progress = options.progress ?? SILENT;
  for (const id of previous?.missing ?? []) progress.warn(`release ${id}: its files are not in ${options.previous}`);
  return inStaging(options, async ({staging, workDir, connection, closeDatabase}) => {
    const dataDir = join(staging, 'data');
    const siteDir = join(staging, 'site');
    const {log} = await validateStage(connection, workDir, options);
    const result = report(log);
    if (result.faults.length) return {...result, built: false};

    const site = readPublicationConfig(
      options.input,
      {publisher: await cityName(connection), title: DEFAULT_TITLE},
      options.siteConfig
    );
    const indicators = readIndicatorRegistry();
    const policy = disclosurePolicy(indicators);

    let stage = progress.stage('aggregate');
    await createAggregates(connection, {indicators, povertyLines: povertyLineAmounts()});
    stage.done(`${indicators.length} indicators`);

    stage = progress.stage('protect');
    const {suppression, monitoring, flows, passes, rounds} = await protectAggregates(connection, {
      policy,
      indicators,
      workDir,
      coverageThreshold: site.coverage_threshold
    });
    stage.done(
      `withheld ${suppression.primary} cells, ${suppression.complementary} more to protect them; ` +
        `monitoring ${monitoring.primary} + ${monitoring.complementary}; ` +
        `flows ${flows.primary} + ${flows.complementary}; ${passes} passes, ${rounds} audit rounds`
    );

    stage = progress.stage('publish');
    await mkdir(dataDir, {recursive: true});
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
    let search: PiiSearch | undefined;
    if (!options.dataOnly) {
      stage = progress.stage('scan data');
      search = await scanPublishedTables(connection, options.input, dataDir, {memoryLimit: options.memoryLimit});
      stage.done('no name, ID number or phone number in the published tables');
    }

    stage = progress.stage('audit');
    const releasing = writeRelease(connection, {dataDir, workDir, previous});
    await beside(releasing, () => assertNothingDisclosed(dataDir, {k: policy.k, kSensitive: policy.kSensitive}));
    stage.done('no cell below threshold or recoverable');

    stage = progress.stage('release');
    const release = await releasing;
    closeDatabase();
    stage.done(describeRelease(release));

    if (!search) {
      await swapOutput(dataDir, options.out);
      return {...result, built: true};
    }

    const siteUrl = options.siteUrl ?? (site.site_url ? new URL(site.site_url).origin : null);
    if (!siteUrl) progress.warn(NO_SITE_URL);
    stage = progress.stage('site');
    const plan = planParts(dataDir, {base: options.base ?? '/', siteUrl, contact: options.contact ?? ''}, options);
    // Pagefind indexes the projects (from the tables) while Astro renders the pages; a shard leaves it to the merge.
    const indexing = options.shard ? null : startSearchIndex(dataDir, options.base ?? '/');
    let built: string[];
    let carried = 0;
    try {
      await buildSite({
        dataDir,
        outDir: siteDir,
        base: options.base,
        siteUrl,
        contact: options.contact,
        parts: plan.render
      });
      // Merge into the site's own data/ (per-indicator endpoints are built by Astro).
      await cp(dataDir, join(siteDir, 'data'), {recursive: true});
      await placeReleases(release, siteDir);
      if (plan.previous) carried = await carryParts(plan.previous, siteDir, plan.carry, published.manifest.build_id);
      await writePartsFile(siteDir, plan.keys);
      if (options.shard)
        await writeShardFile(siteDir, {...options.shard, parts: plan.mine, base: options.base ?? '/', siteUrl});
      built = await listSiteFiles(siteDir);
    } catch (error) {
      await indexing?.abandon();
      throw error;
    }
    stage.done(`${built.length} files${plan.previous ? `, ${carried} of them carried from ${options.previous}` : ''}`);

    if (!indexing) {
      stage = progress.stage('scan');
      assertNoSiteLeaks(await findSiteLeaks(siteDir, search, {memoryLimit: options.memoryLimit, paths: built}));
      stage.done('no name, ID number or phone number in the shard');
      await swapOutput(siteDir, options.out);
      return {...result, built: true, siteUrl};
    }

    // The final scan of every file so far runs while Pagefind (a process of its own) indexes the pages; what the
    // index and the sitemap add is scanned after them. A leak is reported before a failure of the index.
    stage = progress.stage('index');
    const scanningPages = findSiteLeaks(siteDir, search, {memoryLimit: options.memoryLimit, paths: built});
    const [pageLeaks, indexed] = await Promise.allSettled([
      scanningPages,
      indexAndMapSite(siteDir, {origin: siteUrl ? originOf(siteUrl) : null, base: options.base ?? '/', indexing})
    ]);
    if (pageLeaks.status === 'rejected') throw pageLeaks.reason;
    assertNoSiteLeaks(pageLeaks.value);
    if (indexed.status === 'rejected') throw indexed.reason;
    const {mapped, searchable} = indexed.value;
    stage.done(`${mapped === null ? 'no sitemap' : `${mapped} pages in the sitemap`}, ${searchable} searchable`);

    stage = progress.stage('scan');
    const scanned = new Set(built);
    const added = (await listSiteFiles(siteDir)).filter((path) => !scanned.has(path));
    // The pages' leaks, had there been any, failed the build above.
    assertNoSiteLeaks(await findSiteLeaks(siteDir, search, {memoryLimit: options.memoryLimit, paths: added}));
    stage.done('no name, ID number or phone number in the site');

    await swapOutput(siteDir, options.out);
    return {...result, built: true, siteUrl};
  });
}

/** Which parts of the site a build renders, and which it carries from the previous output. */
interface PartPlan {
  keys: Map<string, string>;
  /** The parts this build is to have: all, or its shard's. */
  mine: string[];
  /** The parts to render (null: all of them, a cold build of the whole site). */
  render: string[] | null;
  previous: PreviousSite | null;
  carry: Set<string>;
}

function planParts(dataDir: string, settings: PartSettings, options: BuildOptions): PartPlan {
  const {keys, weights} = siteParts(dataDir, settings);
  const mine = options.shard ? dealShards(weights, options.shard.count)[options.shard.index - 1]! : [...keys.keys()];
  const previous = options.cache !== false && options.previous ? readPreviousSite(resolve(options.previous)) : null;
  if (!previous) return {keys, mine, render: options.shard ? mine : null, previous, carry: new Set()};
  const changed = new Set(partsToRender(keys, previous));
  return {
    keys,
    mine,
    render: mine.filter((part) => changed.has(part)),
    previous,
    carry: new Set(mine.filter((part) => !changed.has(part)))
  };
}

export type {Shard} from './site/deal-shards.ts';

export interface MergeOptions {
  /** The input folder the shards were built from: the final scan looks for its names and numbers. */
  input: string;
  out: string;
  /** The shards' output folders, in any order. */
  shards: readonly string[];
  memoryLimit?: string;
  progress?: Progress;
}

/**
 * Joins the outputs of `gongshi build --shard K/N` (all N of them, of one
 * release) into one site in `out`: their files side by side (a file in more
 * than one shard — the data, the assets, the city's pages — must be the same
 * in each), then the search index and the sitemap of the whole site, and the
 * final scan of what they add (each shard scanned its own pages). Swapped in
 * only when everything succeeded, as a build is. Returns the files merged.
 */
export async function mergeShards({input, out, shards, memoryLimit, progress = SILENT}: MergeOptions): Promise<number> {
  const read = shards.map((dir) => ({dir: resolve(dir), shard: readShardFile(dir)}));
  assertWhole(read);
  const {base, siteUrl}: ShardFile = read[0]!.shard;
  const staging = await createStaging(out);
  try {
    const siteDir = join(staging, 'site');
    let stage = progress.stage('merge');
    // Pagefind indexes the projects (from the published tables, the same in every shard) while the files are copied.
    const indexing = startSearchIndex(join(read[0]!.dir, 'data'), base);
    const merged = new Set<string>();
    try {
      for (const {dir} of read) await copyShard(dir, siteDir, merged);
    } catch (error) {
      await indexing.abandon();
      throw error;
    }
    stage.done(`${merged.size} files from ${read.length} shards`);

    stage = progress.stage('index');
    const before = new Set(await listSiteFiles(siteDir));
    const {mapped, searchable} = await indexAndMapSite(siteDir, {
      origin: siteUrl ? originOf(siteUrl) : null,
      base,
      indexing
    });
    stage.done(`${mapped === null ? 'no sitemap' : `${mapped} pages in the sitemap`}, ${searchable} searchable`);

    stage = progress.stage('scan');
    const added = (await listSiteFiles(siteDir)).filter((path) => !before.has(path));
    const search = {pii: await collectPii(input), vocabulary: await readPublicVocabulary(join(siteDir, 'data'))};
    assertNoSiteLeaks(await findSiteLeaks(siteDir, search, {memoryLimit, paths: added}));
    stage.done('no name, ID number or phone number in the search index or the sitemap');

    await swapOutput(siteDir, out);
    return merged.size;
  } finally {
    await discardStaging(staging);
  }
}

/** What a build without the site's address leaves out, and how to give it. */
const NO_SITE_URL =
  'no site URL (--site-url, or site_url in site.yml): the notices carry no QR code, and there is no feed, ' +
  'sitemap or absolute link in citations until one is given';

/** What a build works in: its staging folder, a private work folder and a DuckDB database there. */
interface BuildPlace {
  staging: string;
  workDir: string;
  connection: DuckDBConnection;
  /** Closes the database early (the site build needs none of its memory); closing twice is harmless. */
  closeDatabase: () => void;
}

/**
 * Runs `build` in a staging folder beside `options.out` and a private work
 * folder with its database, and leaves nothing behind: the staging folder is
 * discarded whether `build` swapped it in, stopped short or failed.
 */
async function inStaging<T>(options: BuildOptions, build: (place: BuildPlace) => Promise<T>): Promise<T> {
  const staging = await createStaging(options.out);
  // Row-level work files (accepted rows on their way into DuckDB, DuckDB's spilled pages, which may hold whole
  // input lines with names and ID numbers) go to a private folder of the system's, never beside the output,
  // which may be served.
  const workDir = await createWorkDir('gongshi-build-');
  let duckdb: DuckDBConnection | undefined;
  const closeDatabase = () => {
    const open = duckdb;
    duckdb = undefined;
    if (open) closeDuckDB(open);
  };
  try {
    const connection = await openDuckDB({tempDirectory: join(workDir, 'duckdb'), memoryLimit: options.memoryLimit});
    duckdb = connection;
    const built = await build({staging, workDir, connection, closeDatabase});
    closeDatabase();
    await discardStaging(staging);
    return built;
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

/**
 * Runs `work` while `running` goes on: the audit reads the published files only, through code that shares nothing
 * with the suppressor, while the release (changelog, checksums, the bulk zip) is written into the staging folder,
 * its zip deflating in a worker thread. When `work` fails, waits for `running` to settle first, so that the staging
 * folder it writes into is discarded whole; `running`'s own failure is the caller's to await.
 */
async function beside(running: Promise<unknown>, work: () => Promise<void>): Promise<void> {
  const settled = running.then(
    () => undefined,
    () => undefined
  );
  try {
    await work();
  } catch (error) {
    await settled;
    throw error;
  }
}

const describeRelease = ({changelog, index}: ReleasePlan) => {
  if (!changelog) return 'first release';
  const changes = changelog.tables.reduce((sum, t) => sum + t.added + t.removed + t.changed, 0);
  return `${changes} rows changed and ${changelog.revised_values.length} values revised since ${changelog.previous}; ${index.releases.length} releases`;
};

/** The name of the hierarchy's root (the city), the default publisher. */
async function cityName(connection: DuckDBConnection): Promise<string> {
  const city = await connection.runAndReadAll('SELECT name FROM regions WHERE parent_code IS NULL');
  return String(city.getRowObjectsJS()[0]?.name ?? 'Gongshi');
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
