/**
 * The data's own words — project types and fund categories, which the
 * published tables hold in Chinese — as a page in a language shows them.
 * The data keeps its values (a journalist's filter on `type = '产业发展'`
 * works in both languages); only the label changes.
 */
import {type Locale, type MessageKey, t} from './i18n.ts';
import {FUND_CATEGORY_KEYS, PROJECT_TYPE_KEYS, type ProjectType} from './input-tables.ts';

/** A project type's label (`产业发展` → "Industry development" in English); an unknown type as written. */
export function projectTypeLabel(type: string, locale: Locale): string {
  const key = PROJECT_TYPE_KEYS[type as ProjectType];
  return key ? t(locale, `projectType.${key}` as MessageKey) : type;
}

/**
 * A fund category's label: in English, the Chinese name with its translation
 * where the category is one we know (it is a formal name that documents and
 * 文号 use, so it stays readable as written); otherwise as written.
 */
export function fundCategoryLabel(category: string, locale: Locale): string {
  const key = FUND_CATEGORY_KEYS[category];
  if (!key || locale !== 'en') return category;
  return t(locale, 'data.categoryInLanguage', {
    name: category,
    translation: t(locale, `fundCategory.${key}` as MessageKey)
  });
}
