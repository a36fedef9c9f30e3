/**
 * The data's own words — project types and fund categories, which the
 * published tables hold in Chinese — as a page in a language shows them.
 * The data keeps its values (a journalist's filter on `type = '产业发展'`
 * works in both languages); only the label changes.
 */
import {type Locale, type MessageKey, t} from './i18n.ts';
import type {ProjectType} from './input-tables.ts';

/** A project type's key in the UI's message files (`projectType.<key>`): the data keeps the Chinese name. */
export const PROJECT_TYPE_KEYS: Readonly<Record<ProjectType, string>> = {
  产业发展: 'industry',
  就业: 'employment',
  基础设施: 'infrastructure',
  公共服务: 'publicServices',
  教育: 'education',
  健康: 'health',
  住房: 'housing',
  饮水: 'water',
  其他: 'other'
};
/**
 * Fund categories (funds.csv `category`, free text) whose names the UI knows
 * in English (`fundCategory.<key>`): the national funds named in the
 * Ministry of Finance's fund-management measures, and the assistance funds
 * offices report beside them. Other categories are shown as written.
 */
export const FUND_CATEGORY_KEYS: Readonly<Record<string, string>> = {
  衔接推进乡村振兴补助资金: 'linkage',
  财政专项扶贫资金: 'povertyAlleviation',
  社会帮扶资金: 'socialAssistance',
  东西部协作资金: 'eastWest',
  定点帮扶资金: 'paired',
  以工代赈资金: 'workRelief',
  少数民族发展资金: 'ethnicMinority',
  统筹整合涉农资金: 'integratedAgricultural'
};

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
