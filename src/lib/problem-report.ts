import {type Locale, t} from './i18n.ts';

/** What a problem report is about: a project, or the notice of a place (region code) in a year. */
export interface ProblemSubject {
  projectId?: string;
  regionCode?: string;
  year?: number;
}

export interface ProblemReportOptions {
  locale: Locale;
  subject: ProblemSubject;
  /** Absolute URL of the page the report starts from. */
  pageUrl: string;
  /** Release id of the published data (manifest `build_id`). */
  buildId: string;
}

/**
 * Returns the subject line and body of a problem report that name exactly
 * what it is about: the project id, or the notice's year and region code,
 * the page URL and the release id. The body ends with an empty line for the
 * writer's own words.
 */
export function problemReport({locale, subject, pageUrl, buildId}: ProblemReportOptions): {
  subject: string;
  body: string;
} {
  const about = describeSubject(locale, subject);
  const title = t(locale, 'report.mailSubject', {about, release: buildId});
  const body = [
    `${t(locale, 'report.about')}: ${about}`,
    `${t(locale, 'report.page')}: ${pageUrl}`,
    `${t(locale, 'report.release')}: ${buildId}`,
    '',
    `${t(locale, 'report.question')}:`,
    ''
  ].join('\n');
  return {subject: title, body};
}

/** Returns the words naming a report's subject: `项目 P2019-…` or `2019年 360726101200 公示`. */
export function describeSubject(locale: Locale, {projectId, regionCode, year}: ProblemSubject): string {
  if (projectId) return t(locale, 'report.aboutProject', {id: projectId});
  if (regionCode && year !== undefined) return t(locale, 'report.aboutNotice', {code: regionCode, year});
  if (regionCode) return t(locale, 'report.aboutRegion', {code: regionCode});
  throw new Error('problem report: neither a project id nor a region code');
}

/**
 * Returns a `mailto:` URL (RFC 6068) with the subject and body percent-encoded
 * and line breaks as CRLF. An empty address leaves the recipient blank.
 */
export function mailtoUrl(address: string, subject: string, body: string): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encode(subject)}&body=${encode(body)}`;
}
