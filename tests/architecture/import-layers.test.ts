/**
 * The codebase's shape, checked on the code itself: the lint's layer rules
 * fail on planted imports (real ESLint with the repository's config), and the
 * folders' actual imports — .astro files included, which the lint does not
 * read — form no cycle and never cross from the site into the pipelines.
 */
import {readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';
import {PIPELINE_LAYERS} from '../../eslint.config.js';
import {ROOT, sourceFiles} from './source-files.ts';

/** Lints `text` as if it were the file at `path` (relative to the repository). */
async function lintAs(path: string, text: string): Promise<string[]> {
  const eslint = new ESLint({cwd: ROOT});
  const [result] = await eslint.lintText(text, {filePath: join(ROOT, path)});
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** Imports the lint must refuse: the file they are planted in, and the module they import. */
const FORBIDDEN: readonly [string, string, string][] = [
  ['the audit importing the suppressor', 'pipelines/audit/planted.ts', '../protect/suppress-cells.ts'],
  ['the same from a subfolder of the audit', 'pipelines/audit/sub/planted.ts', '../../protect/suppress-cells.ts'],
  ['aggregate reading the publish stage (upward)', 'pipelines/aggregate/planted.ts', '../publish/publish-tables.ts'],
  ['ingest reading the recipe (upward)', 'pipelines/ingest/planted.ts', '../run.ts'],
  ['the site importing the pipelines', 'src/lib/planted.ts', '../../pipelines/lib/read-rows.ts'],
  ['the pipelines importing the site beyond src/lib', 'pipelines/publish/planted.ts', '../../src/views/planted.ts']
];

describe('the lint', () => {
  it.each(FORBIDDEN)('fails on %s', async (_case, file, module) => {
    const messages = await lintAs(file, `import {planted} from '${module}';\nexport const used = planted;\n`);
    expect(messages).toHaveLength(1);
  });

  it('says which folders the audit may import', async () => {
    const [message] = await lintAs(
      'pipelines/audit/planted.ts',
      "import {suppressCells} from '../protect/suppress-cells.ts';\nexport const planted = suppressCells;\n"
    );
    expect(message).toContain('pipelines/audit/ may import only lib, ingest');
  });

  it('passes a downward import and a shared one', async () => {
    const text =
      "import {INDICATOR_FORMULAS} from '../aggregate/indicator-formulas.ts';\n" +
      "import {inputTable} from '../../src/lib/input-tables.ts';\n" +
      'export const planted = [INDICATOR_FORMULAS, inputTable];\n';
    expect(await lintAs('pipelines/protect/planted.ts', text)).toEqual([]);
  });
});

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The files (relative to the repository) that `file` imports by a relative path. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => relative(ROOT, resolve(ROOT, dirname(file), m[1]!)));
}

/**
 * A file's node in the folder graph: its top folder under pipelines/ or src/ (a subfolder belongs to its stage),
 * or for a module at a tree's top its own name (the recipe).
 */
const nodeOf = (file: string) => {
  const parts = file.split('/');
  return parts.length <= 2 ? file : parts.slice(0, 2).join('/');
};

/** The cycles of a directed graph, as the nodes of each strongly connected component with more than one. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the folders', () => {
  const files = [...sourceFiles('pipelines', ['.ts', '.js']), ...sourceFiles('src', ['.ts', '.js', '.astro'])];
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = nodeOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of importsOf(file)) {
      const to = nodeOf(target);
      if (to !== from) graph.get(from)!.add(to);
    }
  }

  it('are read: the import graph holds the stages and the recipe', () => {
    expect(graph.get('pipelines/protect')).toContain('pipelines/aggregate');
    expect(graph.get('pipelines/run.ts')).toContain('pipelines/audit');
  });

  it('import each other in no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('share with the site only src/lib/', () => {
    const beyond = [...graph]
      .filter(([from]) => from.startsWith('pipelines/'))
      .flatMap(([from, targets]) =>
        [...targets].filter((to) => to.startsWith('src/') && to !== 'src/lib').map((to) => `${from} -> ${to}`)
      );
    expect(beyond).toEqual([]);
  });

  it('keep the site out of the pipelines (.astro files included)', () => {
    const crossing = files.filter(
      (file) => file.startsWith('src/') && importsOf(file).some((t) => t.startsWith('pipelines/'))
    );
    expect(crossing).toEqual([]);
  });

  it('follow the lint’s layers, which form no cycle themselves', () => {
    const layers = new Map(
      Object.entries(PIPELINE_LAYERS).map(([folder, allowed]) => [folder, new Set<string>(allowed)])
    );
    expect(cycles(layers)).toEqual([]);
    for (const [from, targets] of graph) {
      const folder = from.match(/^pipelines\/([^/]+)$/)?.[1];
      if (!folder || !(folder in PIPELINE_LAYERS)) continue;
      const allowed = PIPELINE_LAYERS[folder as keyof typeof PIPELINE_LAYERS] as readonly string[];
      for (const to of targets) {
        const target = to === 'pipelines/run.ts' ? 'run' : to.match(/^pipelines\/([^/]+)$/)?.[1];
        if (target) expect(allowed, `${from} imports ${to}`).toContain(target);
      }
    }
  });
});
