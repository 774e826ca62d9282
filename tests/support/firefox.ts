import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { CallRecord } from '../../lib/call/types';
import type { CallStats, EngineState } from '../../lib/engine/state';
import type { PageCommand } from '../../lib/protocol/pages';
import { readStoredCalls } from './read-stored-calls';

/** Where `npm run build` puts the Firefox (MV2) build. */
export const FIREFOX_EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.CTI_OUT_DIR ?? '.output',
  'firefox-mv2',
);

/**
 * Firefox preferences for the lab: a fake microphone without a prompt, ICE on loopback (the lab's
 * namespace has nothing else) with plain host candidates, and no traffic to Mozilla's services.
 */
const LAB_PREFS: Record<string, unknown> = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
};

/** A running Firefox ESR with the built MV2 extension installed as a temporary add-on. */
export interface FirefoxExtension {
  browser: Browser;
  /** The extension's origin, `moz-extension://<uuid>` (Firefox picks the uuid at install). */
  origin: string;
  /**
   * An extension page of ours (the onboarding tab the extension opened on install, moved on to
   * `path`). Firefox lets the remote protocol navigate a tab to extension pages only from there.
   */
  extensionPage(path: string): Promise<Page>;
  /** Sends a request as the extension's own pages do, and returns the background's reply. */
  pageRequest(command: PageCommand): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi and installs the built
 * Firefox extension, whose background page runs the SIP engine.
 */
export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'cti-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: process.env.HEADED !== '1',
    userDataDir: profile,
    extraPrefsFirefox: LAB_PREFS,
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    // The extension opens its onboarding tab on install: the one way in to its pages.
    const home = await findPage(browser, (href) => href.startsWith('moz-extension://'), 30_000);
    // Node's URL gives non-special schemes such as moz-extension: an opaque ("null") origin.
    const origin = /^moz-extension:\/\/[^/]+/.exec(await href(home))?.[0] ?? '';
    const extensionPage = async (path: string) => {
      await home.evaluate((p) => location.assign(p), path);
      await findPage(browser, (h) => h === `${origin}/${path}`, 10_000);
      await home.waitForFunction(() => document.readyState === 'complete');
      return home;
    };
    return {
      browser,
      origin,
      extensionPage,
      pageRequest: (command) =>
        home.evaluate((m) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m), {
          target: 'background',
          ...command,
        }),
      async close() {
        await browser.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
}

/** The page's real address (puppeteer's `url()` can lag behind navigations the page made itself). */
function href(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

async function findPage(browser: Browser, match: (href: string) => boolean, timeoutMs: number): Promise<Page> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) if (match(await href(page))) return page;
    if (Date.now() > end) throw new Error('no matching Firefox tab appeared');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The engine's state, as the extension's pages read it. */
export function firefoxEngineState(ff: FirefoxExtension): Promise<EngineState> {
  return ff.pageRequest({ type: 'getState' }) as Promise<EngineState>;
}

/** RTP counters of a call, from the background page's RTCPeerConnection. */
export function firefoxCallStats(ff: FirefoxExtension, callId: string): Promise<CallStats | null> {
  return ff.pageRequest({ type: 'getStats', callId }) as Promise<CallStats | null>;
}

/** Every call in the extension's IndexedDB store, read from one of its pages (same origin). */
export async function firefoxStoredCalls(ff: FirefoxExtension, page: Page): Promise<CallRecord[]> {
  if (!(await href(page)).startsWith(ff.origin)) throw new Error('the store is readable from extension pages only');
  return page.evaluate(readStoredCalls);
}
