import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** A message key of the extension's locales (English is the reference set). */
export type MessageKey = keyof typeof en;

/** A UI string in the browser's language, with $1…$9 substitutions. */
export function t(key: MessageKey, ...subs: string[]): string {
  const i18n = browser.i18n as unknown as { getMessage(name: string, substitutions?: string[]): string };
  return i18n.getMessage(key, subs) || key;
}

/**
 * The key for an enum value under a prefix: `keyOf('outcome', 'answered-elsewhere')` →
 * `outcome_answered_elsewhere` (browser message names allow only letters, digits and _).
 */
export function keyOf(prefix: string, value: string): MessageKey {
  return `${prefix}_${value.replace(/[^A-Za-z0-9_]/g, '_')}` as MessageKey;
}

/**
 * Titles and language of an extension page. Browsers substitute `__MSG_…__` only in the manifest
 * and CSS, never in a page's HTML, so each page sets these itself.
 */
export function localizePage(titleKey: MessageKey): void {
  document.title = t(titleKey);
  document.documentElement.lang = browser.i18n.getUILanguage();
}
