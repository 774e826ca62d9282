import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Where `npm run build` puts the Chrome build the tests load. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.CTI_OUT_DIR ?? '.output', 'chrome-mv3');

/**
 * Chromium flags for the lab: fake audio devices, auto-granted media prompts, WebRTC allowed on
 * loopback (the lab's namespace has nothing else), audio that plays without a gesture, and no
 * background traffic to the outside.
 */
export const LAB_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A running Chromium with the built extension. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (re-read: it may restart). */
  worker(): Promise<Worker>;
  /** Opens one of the extension's pages (`popup.html`, `options.html`…) in a tab. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with the BUILT extension, fake audio devices and auto-granted media
 * prompts, allowing WebRTC on loopback (the lab's namespace has nothing else).
 */
export async function launchExtension(
  opts: {
    userDataDir?: string;
    /** `ask`: no auto-granted media prompts, so permissions start unset (onboarding tests). */
    mediaPrompts?: 'auto-accept' | 'ask';
    /** Extra environment of the browser (the desktop's D-Bus session for notifications). */
    env?: Record<string, string>;
    /**
     * An X display (Xvfb) to run a headed browser on: the browser's own prompts (host permission
     * requests) are real windows there, answered with the keyboard (tests/support/crm/xvfb.ts).
     */
    display?: string;
    /** The browser's UI language (`ru`, `pl`…): the extension's messages and date formats follow it. */
    lang?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const dir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'cti-profile-')));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: process.env.HEADED !== '1' && !opts.display,
    ...(opts.env || opts.display
      ? { env: { ...process.env, ...opts.env, ...(opts.display ? { DISPLAY: opts.display } : {}) } }
      : {}),
    // Playwright disables extensions by default; this suite is all about one.
    ignoreDefaultArgs: ['--disable-extensions'],
    ...(opts.lang ? { locale: opts.lang } : {}),
    args: [
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      // Agents' browsers have the default autoplay policy: the extension must play calls and the
      // ringtone without that flag (only the lab's plain web page needs it).
      ...LAB_CHROMIUM_ARGS.filter(
        (a) =>
          a !== '--autoplay-policy=no-user-gesture-required' &&
          (opts.mediaPrompts !== 'ask' || a !== '--use-fake-ui-for-media-stream'),
      ),
    ],
  });
  // Polled, not only awaited as an event: on a loaded machine the worker can start between
  // Playwright attaching and the first look, and a restarted worker is a new one.
  const worker = async (): Promise<Worker> => {
    const end = Date.now() + 30_000;
    for (;;) {
      const found = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      if (found) return found;
      if (Date.now() > end) throw new Error('the extension service worker did not start in 30 s');
      await context.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => undefined);
    }
  };
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!opts.userDataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
