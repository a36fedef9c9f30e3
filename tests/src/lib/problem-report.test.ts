// Issue 5 (report a problem): a complaint names exactly what it is about — the
// project id or the notice's year and place, the page and the release.
import {describe, expect, it} from 'vitest';
import {describeSubject, mailtoUrl, problemReport} from '../../../src/lib/problem-report.ts';

const PAGE = 'https://gongshi.example.org/notices/2021/360726101200/';

/** Decodes a mailto URL the way a mail client does (RFC 6068). */
function parseMailto(url: string) {
  const [scheme, rest] = [url.slice(0, 7), url.slice(7)];
  const [to, query] = rest.split('?') as [string, string];
  const params = new URLSearchParams(query.replace(/\+/g, '%2B'));
  return {scheme, to: decodeURIComponent(to), subject: params.get('subject'), body: params.get('body')};
}

describe('problemReport', () => {
  it('names the project, the page and the release in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const {subject, body} = problemReport({
        locale,
        subject: {projectId: 'P2021-360726101200-02'},
        pageUrl: PAGE,
        buildId: '5c8f3dbd7bc6'
      });
      expect(subject).toContain('P2021-360726101200-02');
      expect(subject).toContain('5c8f3dbd7bc6');
      expect(body).toContain('P2021-360726101200-02');
      expect(body).toContain(PAGE);
      expect(body).toContain('5c8f3dbd7bc6');
    }
  });

  it('names a notice by its year and region code', () => {
    expect(describeSubject('zh-CN', {regionCode: '360726101200', year: 2021})).toBe('2021年 360726101200 项目公示');
    expect(describeSubject('en', {regionCode: '360726101200', year: 2021})).toBe('notice of 360726101200 for 2021');
    expect(() => describeSubject('en', {})).toThrow(/neither/);
  });
});

describe('mailtoUrl', () => {
  it('round-trips subject and body with CRLF line breaks through percent-encoding', () => {
    const subject = '问题反映：项目 P1 & <b>（数据版本 abc）';
    const body = 'a=1&b=2 +\n第二行?#\n';
    const parsed = parseMailto(mailtoUrl('jiandu@example.gov.cn', subject, body));
    expect(parsed).toEqual({
      scheme: 'mailto:',
      to: 'jiandu@example.gov.cn',
      subject,
      body: body.replace(/\n/g, '\r\n')
    });
  });

  it('leaves the recipient blank when no address is configured', () => {
    expect(mailtoUrl('', 's', 'b')).toBe('mailto:?subject=s&body=b');
  });
});
