/**
 * Status names in both languages, as in the data contract
 * (docs/data-contract.md, section 2). Charts render at build time from plain
 * options, so they carry these few words themselves.
 */
import type {Locale} from '../lib/i18n.ts';
import {type Status, isStatus} from './palette.ts';

const LABELS: Readonly<Record<Locale, Readonly<Record<Status, string>>>> = {
  'zh-CN': {
    met: '达标',
    on_track: '进度正常',
    at_risk: '有风险',
    off_track: '滞后',
    no_target: '无目标',
    incomplete: '数据不全',
    suppressed: '不公开'
  },
  en: {
    met: 'met',
    on_track: 'on track',
    at_risk: 'at risk',
    off_track: 'off track',
    no_target: 'no target',
    incomplete: 'incomplete data',
    suppressed: 'withheld'
  }
};

/** Returns the name of `status` in `locale` ("达标" / "met"); an unknown status is returned as given. */
export function statusLabel(status: string, locale: Locale): string {
  return isStatus(status) ? LABELS[locale][status] : status;
}
