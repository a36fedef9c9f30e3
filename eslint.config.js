import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The pipelines' layers (docs/architecture.md): each stage folder and what it
 * may import besides itself, `src/lib/` (shared with the site) and packages.
 * An import not listed is an upward one, or one across the boundary the audit
 * keeps from the suppressor, and fails the lint. `run` is the recipe
 * (pipelines/run.ts). The allowances form no cycle (tests/architecture).
 */
export const PIPELINE_LAYERS = {
  lib: [],
  ingest: ['lib'],
  reference: ['lib', 'ingest'],
  validate: ['lib', 'ingest'],
  aggregate: ['lib'],
  // The attacker's audit reads the published files as an outsider would: nothing of the suppressor's.
  audit: ['lib', 'ingest'],
  protect: ['lib', 'aggregate', 'audit'],
  publish: ['lib', 'aggregate', 'validate'],
  release: ['lib', 'publish'],
  site: ['lib'],
  sample: ['lib', 'reference'],
  serve: ['lib'],
  commands: ['lib', 'validate', 'sample', 'run']
};

const ROOT_MODULES = {run: 'run.ts', cli: 'cli.ts', start: 'start.ts'};
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** no-restricted-imports for one stage folder: every other folder and root module it may not import. */
function layerRule(folder, allowed) {
  const names = [...Object.keys(PIPELINE_LAYERS), ...Object.keys(ROOT_MODULES)];
  const denied = names.filter((name) => name !== folder && !allowed.includes(name));
  const target = (name) => (name in ROOT_MODULES ? escape(ROOT_MODULES[name]) + '$' : `${name}/`);
  return {
    files: [`pipelines/${folder}/**/*.{ts,js}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${denied.map(target).join('|')})`,
              message: `pipelines/${folder}/ may import only ${allowed.join(', ') || 'nothing'} of the pipelines' folders (eslint.config.js, PIPELINE_LAYERS; docs/architecture.md).`
            },
            {
              regex: '^(\\.\\./)+src/(?!lib/)',
              message: 'The pipelines share only src/lib/ with the site.'
            }
          ]
        }
      ]
    }
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.astro/',
      '.gongshi/',
      'sample/',
      'tests/output/',
      'tests/.tmp/',
      '**/*-changed/'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly'}},
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
      'sort-imports': ['error', {ignoreDeclarationSort: true}]
    }
  },
  ...Object.entries(PIPELINE_LAYERS).map(([folder, allowed]) => layerRule(folder, allowed)),
  {
    // The recipe and the entry points may import every stage, but of the site only src/lib/.
    files: ['pipelines/*.{ts,js}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {patterns: [{regex: '^(\\.\\./)+src/(?!lib/)', message: 'The pipelines share only src/lib/ with the site.'}]}
      ]
    }
  },
  {
    files: ['src/**/*.{ts,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)pipelines(/|$)',
              message:
                'The site reads published tables only: src/ never imports pipelines/ (put what both need in src/lib/).'
            }
          ]
        }
      ]
    }
  }
);
