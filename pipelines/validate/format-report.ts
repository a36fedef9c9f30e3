import {type Lang, formatProblem} from '../lib/error-codes.ts';
import type {Problem} from '../lib/error-codes.ts';
import type {FileAccount} from './rejection-log.ts';
import {fillPlaceholders} from '../../src/lib/fill-placeholders.ts';

const WORDS = {
  zh: {
    read: '读取',
    accepted: '接受',
    rejected: '拒绝',
    rows: '行',
    unknown: '未识别的列（已忽略）',
    allowedEmpty: '（没有数据行，已按 --allow-empty 允许）',
    notReported: '未报送（空白）的单元格',
    more: '另有 {n} 条问题未列出'
  },
  en: {
    read: 'read',
    accepted: 'accepted',
    rejected: 'rejected',
    rows: 'rows',
    unknown: 'unknown columns (ignored)',
    allowedEmpty: ' (no rows: allowed by --allow-empty)',
    notReported: 'cells not reported (empty)',
    more: '{n} more problems not listed'
  }
};

/**
 * Renders the rejection report as text a county clerk can work through: one
 * line per problem (file:line, column, value unless PII, message, code, hint),
 * then per file the rows read, accepted and rejected, and its measure cells
 * left empty (not reported) per column.
 */
export function formatReport(files: FileAccount[], problems: Problem[], lang: Lang): string {
  const words = WORDS[lang];
  const lines = problems.map((p) => formatProblem(p, lang));
  const listed = problems.length;
  const total = files.reduce((sum, f) => sum + Object.values(f.rejectedByCode).reduce((a, b) => a + (b ?? 0), 0), 0);
  if (total > listed) lines.push(fillPlaceholders(words.more, {n: total - listed}));
  if (lines.length) lines.push('');
  for (const f of files.filter((file) => file.present)) {
    lines.push(
      `${f.file}: ${words.read} ${f.rowsRead} ${words.rows}, ${words.accepted} ${f.rowsAccepted}, ${words.rejected} ${f.rowsRejected}` +
        (f.encoding && f.encoding !== 'utf8' ? ` (${f.encoding})` : '') +
        (f.allowedEmpty ? words.allowedEmpty : '')
    );
    if (f.unknownColumns.length) lines.push(`  ${words.unknown}: ${f.unknownColumns.join(', ')}`);
    const empty = Object.entries(f.notReported);
    if (empty.length) lines.push(`  ${words.notReported}: ${empty.map(([column, n]) => `${column} ${n}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The rejection report as JSON: per-file accounting, every kept problem and
 * the faults that make the input unpublishable (never a PII value).
 */
export function reportJson(files: FileAccount[], problems: Problem[], faults: Problem[] = []): string {
  return JSON.stringify({files, problems, faults}, null, 2) + '\n';
}
