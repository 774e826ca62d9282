import { browser } from 'wxt/browser';
import type { PageCommand } from '../lib/protocol/pages';

/** Sends a request from an extension page to the background and returns its raw reply. */
export async function request(msg: PageCommand): Promise<unknown> {
  return browser.runtime.sendMessage({ ...msg, target: 'background' });
}
