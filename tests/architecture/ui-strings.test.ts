/**
 * Every UI word of the pages lives in src/i18n/*.json: the views, components,
 * layouts, charts and browser code hold no Chinese text of their own
 * (comments aside) and choose no text by language between two literals —
 * they call t(), or the browser code fills the templates its page hands it.
 * What they may still choose by language is data (an indicator's name_zh or
 * name_en).
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {otherLocale} from '../../src/lib/i18n.ts';
import {ROOT, sourceFiles} from './source-files.ts';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const FOLDERS = ['views', 'components', 'layouts', 'charts', 'client'];

/** The code of each file (comments removed), by its path under src/. */
const code = new Map(
  FOLDERS.flatMap((folder) =>
    readdirSync(join(SRC, folder), {recursive: true, encoding: 'utf8'})
      .filter((file) => /\.(astro|ts)$/.test(file))
      .map((file) => {
        const text = readFileSync(join(SRC, folder, file), 'utf8')
          .replace(/<!--[\s\S]*?-->/g, '')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
        return [`${folder}/${file}`, text] as const;
      })
  )
);

const HAN = /\p{Script=Han}/u;
const LITERAL = String.raw`(?:'[^'\n]*'|"[^"\n]*"|\x60[^\x60]*\x60)`;
const TEXT_BY_LANGUAGE = new RegExp(String.raw`(?:\ben|locale === 'en')\s*\?\s*${LITERAL}\s*:\s*${LITERAL}`);
const LOCALE_CODE = new RegExp(
  String.raw`(?:\ben|locale === 'en')\s*\?\s*'(?:en|zh-CN|zh)'\s*:\s*'(?:en|zh-CN|zh)'`,
  'g'
);

describe('the pages’ words', () => {
  it('are read from the views, components and layouts', () => {
    expect(code.size).toBeGreaterThan(30);
    expect(code.get('views/QualityView.astro')).toContain("t(locale, 'quality.inputFiles')");
  });

  it('hold no Chinese text in a view, component, layout, chart or browser module', () => {
    const withHan = [...code].filter(([, text]) => HAN.test(text)).map(([file]) => file);
    expect(withHan).toEqual([]);
  });

  it('choose no text between two literals by language (t() does)', () => {
    const choosing = [...code]
      .filter(([, text]) => TEXT_BY_LANGUAGE.test(text.replace(LOCALE_CODE, '')))
      .map(([file]) => file);
    expect(choosing).toEqual([]);
  });

  it('fill their placeholders through one function, in the site, the browser code and the pipelines', () => {
    const filesOf = (dir: string) => sourceFiles(dir, ['.astro', '.ts']);
    // A placeholder replaced by hand (`.replace('{n}', …)`) or a filler of its own (a /\{(\w+)\}/ pattern).
    const byHand = [...filesOf('src'), ...filesOf('pipelines')]
      .filter((file) => file !== join('src', 'lib', 'fill-placeholders.ts'))
      .filter((file) =>
        /\.replace(All)?\(\s*['"]\{\w+\}['"]|\\\{\(\\w\+\)\\\}/.test(readFileSync(join(ROOT, file), 'utf8'))
      );
    expect(byHand).toEqual([]);
  });

  it('switch to the other language through one helper', () => {
    expect(otherLocale('zh-CN')).toBe('en');
    expect(otherLocale('en')).toBe('zh-CN');
  });
});
