import { browser } from 'wxt/browser';
import type { CallRecord } from '../../lib/call/types';
import { formatInternational } from '../../lib/phone/default-kit';
import type { StoredCall } from '../../lib/store/stored-call';
import { formatDuration } from '../format';
import { keyOf, t } from '../i18n';

const locale = () => browser.i18n.getUILanguage();

/** Date and time of a call in the agent's language. */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' });
}

/** Date and time with seconds (the call card). */
export function formatWhenLong(ms: number): string {
  return new Date(ms).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The remote number as people read it: international form of its E.164, else as stored. */
export function displayNumber(c: Pick<StoredCall, 'remoteE164' | 'remoteNumber'>): string {
  return c.remoteE164.startsWith('+') ? formatInternational(c.remoteE164) : c.remoteNumber;
}

/** What to dial to reach the call's other party again: its E.164 where known. */
export function redialNumber(c: Pick<StoredCall, 'remoteE164' | 'remoteNumber'>): string {
  return c.remoteE164.startsWith('+') ? c.remoteE164 : c.remoteNumber;
}

/** Who the call was with, for labels: name and number, or the number. */
export function who(c: StoredCall): string {
  const name = c.contactName ?? c.remoteName;
  return name ? `${name} ${displayNumber(c)}` : displayNumber(c);
}

/** A duration, or "—" when there is none. */
export function durationText(ms: number | undefined | null): string {
  return ms === undefined || ms === null ? '—' : formatDuration(ms);
}

/** The outcome in words, with the SIP code when one explains it. */
export function outcomeWords(c: CallRecord): string {
  if (!c.outcome) return t('outcome_live');
  const word = t(keyOf('outcome', c.outcome));
  return c.sipCode ? `${word} (SIP ${c.sipCode})` : word;
}

/** Bytes in KB/MB/GB. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}
