import type { Page } from 'playwright-core';
import type { CallRecord } from '../../lib/call/types';
import type { CallStats, EngineState } from '../../lib/engine/state';
import type { PageCommand } from '../../lib/protocol/pages';
import { launchExtension, type ExtensionBrowser } from './browser';
import { LAB } from './lab';
import { readStoredCalls } from './read-stored-calls';

/** A SIP account as the options form takes it. */
export interface TestAccount {
  wsServer: string;
  sipUri: string;
  password: string;
  authUser?: string;
}

/** Fills the options page like an admin would and saves; returns the page. */
export async function configureAccount(ext: ExtensionBrowser, account: TestAccount): Promise<Page> {
  const page = await ext.openPage('options.html');
  // Fields are read-only until the saved account has loaded.
  await page.getByRole('button', { name: 'Save', exact: true }).and(page.locator(':enabled')).waitFor();
  await page.getByLabel('WebSocket server').fill(account.wsServer);
  await page.getByLabel('SIP URI').fill(account.sipUri);
  await page.getByLabel('Authorization user').fill(account.authUser ?? '');
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').getByText('Saved. Registering with the new settings…', { exact: true }).waitFor();
  return page;
}

/** The toolbar badge and tooltip, read through the service worker. */
export async function badge(ext: ExtensionBrowser): Promise<{ text: string; title: string }> {
  const sw = await ext.worker();
  return sw.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** The engine's state, asked of the offscreen document through the service worker. */
export async function engineState(ext: ExtensionBrowser): Promise<EngineState> {
  const sw = await ext.worker();
  return sw.evaluate(() => chrome.runtime.sendMessage({ target: 'offscreen', type: 'getState' }));
}

/** RTP counters of a call, from the offscreen document's RTCPeerConnection. */
export async function callStats(ext: ExtensionBrowser, callId: string): Promise<CallStats | null> {
  const sw = await ext.worker();
  return sw.evaluate((id) => chrome.runtime.sendMessage({ target: 'offscreen', type: 'getStats', callId: id }), callId);
}

/** Every call record in the extension's IndexedDB store, oldest first. */
export async function storedCalls(ext: ExtensionBrowser): Promise<CallRecord[]> {
  const sw = await ext.worker();
  return sw.evaluate(readStoredCalls);
}

/** Polls `read` until `check` holds or the time is up; returns the last value read. */
export async function waitFor<T>(
  read: () => Promise<T>,
  check: (v: T) => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await read();
  }
  return last;
}

/** The one live call in the engine (waits for it). */
export async function liveCall(ext: ExtensionBrowser, phase?: CallRecord['phase']): Promise<CallRecord> {
  const state = await waitFor(
    () => engineState(ext),
    (s) => s.calls.some((c) => (phase ? c.phase === phase : c.phase !== 'ended')),
    15_000,
    `a call${phase ? ` in phase ${phase}` : ''}`,
  );
  const call = state.calls.find((c) => (phase ? c.phase === phase : c.phase !== 'ended'));
  if (!call) throw new Error('no call');
  return call;
}

/** Launches Chromium with the extension and registers it as `agent` through the options page. */
export async function launchRegistered(
  agent: { sipUri: string; password: string },
  launch: Parameters<typeof launchExtension>[0] = {},
): Promise<ExtensionBrowser> {
  const ext = await launchExtension(launch);
  try {
    const options = await configureAccount(ext, {
      wsServer: LAB.wsServer,
      sipUri: agent.sipUri,
      password: agent.password,
    });
    await options.close();
    await waitFor(
      () => badge(ext),
      (b) => b.text === 'ON',
      15_000,
      'registration',
    );
    return ext;
  } catch (e) {
    await ext.close();
    throw e;
  }
}

/** Shows `url` in the front tab, closing the extension's own tabs (onboarding) first. */
export async function openFrontPage(ext: ExtensionBrowser, url: string): Promise<Page> {
  for (const p of ext.context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(url);
  await page.bringToFront();
  return page;
}

/** Waits for the store to hold `before + 1` records, the newest ended, and returns it. */
export async function nextEndedCall(ext: ExtensionBrowser, before: number): Promise<CallRecord> {
  const calls = await waitFor(
    () => storedCalls(ext),
    (c) => c.length === before + 1 && c.at(-1)?.phase === 'ended',
    10_000,
    'the call to be stored as ended',
  );
  return calls.at(-1)!;
}

/** Waits until the call's audio flows both ways: received bytes keep growing, some were sent. */
export async function audioFlowing(ext: ExtensionBrowser, callId: string): Promise<CallStats> {
  const first = await waitFor(
    () => callStats(ext, callId),
    (s) => (s?.bytesReceived ?? 0) > 0,
    10_000,
    'RTP in',
  );
  const later = await waitFor(
    () => callStats(ext, callId),
    (s) => (s?.bytesReceived ?? 0) > (first?.bytesReceived ?? 0) + 1000 && (s?.bytesSent ?? 0) > 0,
    10_000,
    'RTP flowing both ways',
  );
  return later!;
}

/**
 * Sends a request the way the extension's own pages do, from a short-lived options tab: for the
 * settings a suite needs, not for testing the settings UI. Returns the background's reply.
 */
export async function pageRequest(ext: ExtensionBrowser, command: PageCommand): Promise<unknown> {
  const options = await ext.openPage('options.html');
  try {
    return await options.evaluate((m) => chrome.runtime.sendMessage({ target: 'background', ...m }), command);
  } finally {
    await options.close();
  }
}

/** The request that turns click-to-call on everywhere, with `country` for numbers without a code. */
export function clickToCallEverywhere(country: string): PageCommand {
  return {
    type: 'saveClickToCall',
    clickToCall: {
      enabled: true,
      defaultCountry: country,
      siteMode: 'all-except-blocked',
      blockedSites: [],
      allowedSites: [],
    },
  };
}
