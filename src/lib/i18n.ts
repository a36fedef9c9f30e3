import en from '../i18n/en.json' with {type: 'json'};
import zh from '../i18n/zh-CN.json' with {type: 'json'};
import {fillPlaceholders} from './fill-placeholders.ts';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zh;

const MESSAGES: Record<Locale, Record<MessageKey, string>> = {'zh-CN': zh, en};

/** The other language: where a page's language switch leads. */
export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'zh-CN' : 'en');

/**
 * Returns the UI string `key` in `locale` with `{name}` placeholders filled
 * from `params`. Every key exists in both files (a test checks it).
 */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(MESSAGES[locale][key], params);
}

/** The keys of each locale file, for the completeness test. */
export function messageKeys(locale: Locale): string[] {
  return Object.keys(MESSAGES[locale]);
}
