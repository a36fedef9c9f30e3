import {CliError} from '../lib/cli-error.ts';
import type {CommandContext} from './command-context.ts';

export const USAGE = `gongshi — 公示: static disclosure and progress sites from poverty-consolidation records

Usage:
  gongshi sample --scale tiny|small|default|full --seed N --out DIR
                 [--region CODE]                               write a synthetic input folder
                                                               (of a province, 2 digits, a city, 4,
                                                               or a county, 6)
  gongshi check  --input DIR [--lang zh|en]                     validate only (exit 0 publishable, 1 not)
                 [--memory-limit 1GB] [--allow-empty FILE] [--report FILE.json]
  gongshi build  --input DIR [--out dist] [--lang zh|en]        publish the tables and build the site
                 [--base /] [--site-url URL] [--contact ADDRESS]
                 [--previous DIR] [--site-config FILE] [--memory-limit 1GB]
                 [--allow-empty FILE] [--data-only] [--no-cache] [--shard K/N]
  gongshi merge  --input DIR --from SHARD... [--out dist]       join the N shards of a build into one site

Options:
  --base PATH         URL path the site is served under, e.g. /gongshi/ (default /)
  --site-url URL      origin the site is served from, for QR codes, feed and sitemap
                      (default $GONGSHI_SITE_URL or http://localhost:4321)
  --contact ADDRESS   where "report a problem" mails go (default $GONGSHI_CONTACT, else none:
                      the mail opens with the recipient left blank)
  --previous DIR      the last output (or its data/ folder): carry its releases forward under
                      releases/<id>/ and write the changelog of this release against it; copy
                      its pages whose data and code have not changed instead of rendering them
  --no-cache          render every page, whatever --previous holds (a cold build)
  --shard K/N         build the K-th of N shares of the pages (each county whole), for
                      gongshi merge, which indexes and maps the whole site (docs/scale.md)
  --from SHARD        (merge) the output of one shard; give each of the N once
  --site-config FILE  publisher, title, licence, citation and site_url (YAML or JSON); default:
                      site.yml, site.yaml or site.json in the input folder, if there is one
  --memory-limit SIZE DuckDB's memory, e.g. 512MB or 4GB (default $GONGSHI_MEMORY_LIMIT or 1GB);
                      above it DuckDB works through temporary files: more is faster on large inputs
  --allow-empty FILE  let a required file hold a header and no rows (e.g. households.csv, before
                      the first records are in); without it such a file stops the build [E_NO_ROWS]
  --report FILE.json  also write the report as JSON: per file the rows read, accepted and rejected and
                      the cells not reported, every problem listed, the faults (check and build)
  --data-only         publish the tables into --out without building the site (a data portal's
                      feed, a benchmark); the same checks, audit and release files
  -h, --help          show this help
`;

type Command = (argv: string[], context: CommandContext) => Promise<number>;

// Loaded on demand: `build` pulls in Astro and DuckDB, which `--help` and `sample` do not need.
const COMMANDS: Record<string, () => Promise<Command>> = {
  sample: async () => (await import('./sample-command.ts')).sampleCommand,
  check: async () => (await import('./check-command.ts')).checkCommand,
  build: async () => (await import('./build-command.ts')).buildCommand,
  merge: async () => (await import('./merge-command.ts')).mergeCommand
};

/**
 * Runs one gongshi command with the given arguments and returns its exit code.
 * Usage mistakes throw a CliError with exit code 2.
 */
export async function runCli(argv: string[], context: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    context.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load)
    throw new CliError('E_USAGE', `unknown command "${name}"; expected sample, check, build or merge\n\n${USAGE}`);
  return (await load())(rest, context);
}
