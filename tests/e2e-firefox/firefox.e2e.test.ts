import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrm } from '../support/crm-server';
import { waitFor } from '../support/extension';
import {
  firefoxCallStats,
  firefoxEngineState,
  firefoxStoredCalls,
  launchFirefoxExtension,
  type FirefoxExtension,
} from '../support/firefox';
import { callAgent, LAB } from '../support/lab';

// The Firefox (MV2) build in Debian's firefox-esr: the SIP engine runs in the background page.
const agent = LAB.agents[2]!;
let ff: FirefoxExtension;
let crm: Awaited<ReturnType<typeof serveCrm>>;
let options: Page;

/** The shadow host of the in-page call pop-up. */
const POPUP = 'cti-call-popup';

/**
 * An element found by role and accessible name, as a screen reader finds it. Over WebDriver BiDi,
 * Firefox's accessibility queries do not descend into shadow roots from the document: `within`
 * names the shadow host to search in (the extension's in-page pop-up, say).
 */
const byRole = (page: Page, role: string, name: string, within?: string) =>
  page.locator(`${within ? `${within} >>> ` : ''}::-p-aria([name="${name}"][role="${role}"])`);
const byText = (page: Page, text: string) => page.locator(`::-p-text(${text})`);

/** Types into the form field labelled `name` (Firefox also gives the label element that name). */
async function fill(page: Page, name: string, value: string): Promise<void> {
  for (const el of await page.$$(`::-p-aria([name="${name}"])`)) {
    if (await el.evaluate((e) => e instanceof HTMLInputElement)) {
      await el.evaluate((e) => ((e as HTMLInputElement).value = ''));
      return el.type(value);
    }
  }
  throw new Error(`no field named ${name}`);
}

beforeAll(async () => {
  crm = await serveCrm();
  ff = await launchFirefoxExtension();
  options = await ff.extensionPage('options.html');
});
afterAll(async () => {
  await ff?.close();
  await crm?.close();
});

describe('Firefox', () => {
  it('registers to the lab PBX with an account saved in the options page', async () => {
    // Fields are read-only until the saved account has loaded.
    await options.waitForFunction(() => !document.querySelector('form button[type="submit"]:disabled'));
    await fill(options, 'WebSocket server', LAB.wsServer);
    await fill(options, 'SIP URI', agent.sipUri);
    await fill(options, 'Password', agent.password);
    await byRole(options, 'button', 'Save').click();
    await byText(options, 'Saved. Registering with the new settings…').wait();
    await waitFor(
      () => firefoxEngineState(ff),
      (s) => s.registration.status === 'registered',
      20_000,
      'registration in Firefox',
    );
    // Firefox's promise-returning `browser` namespace (chrome.* there takes callbacks).
    const badge = await options.evaluate(() =>
      (
        globalThis as unknown as { browser: { browserAction: { getBadgeText(d: object): Promise<string> } } }
      ).browser.browserAction.getBadgeText({}),
    );
    expect(badge).toBe('ON');
  });

  it('pops an inbound call up on a web page, answers it with audio both ways, and stores it', async () => {
    const before = (await firefoxStoredCalls(ff, options)).length;
    const page = await ff.browser.newPage();
    await page.goto(crm.url);
    await page.bringToFront();
    const run = callAgent({
      agent: agent.user,
      callerNumber: '48221234567',
      displayName: 'Anna Nowak',
      talkSeconds: 6,
      hangup: 'caller',
    });
    await byRole(page, 'dialog', 'Incoming call', POPUP).setTimeout(20_000).wait();
    await byText(page, 'Anna Nowak').wait();
    await byRole(page, 'button', 'Accept', POPUP).click();

    const state = await waitFor(
      () => firefoxEngineState(ff),
      (s) => s.calls.some((c) => c.phase === 'connected'),
      10_000,
      'the call to connect',
    );
    const callId = state.calls.find((c) => c.phase === 'connected')!.id;
    const first = await waitFor(
      () => firefoxCallStats(ff, callId),
      (s) => (s?.bytesReceived ?? 0) > 0 && (s?.bytesSent ?? 0) > 0,
      10_000,
      'RTP both ways',
    );
    await waitFor(
      () => firefoxCallStats(ff, callId),
      (s) => (s?.bytesReceived ?? 0) > (first?.bytesReceived ?? 0) + 1000,
      10_000,
      'RTP still arriving',
    );
    // The caller's tone is actually played by the background page (the level stays 0 otherwise).
    await waitFor(
      () => firefoxCallStats(ff, callId),
      (s) => (s?.audioLevel ?? 0) > 0,
      5000,
      'remote audio level',
    );

    const result = await run.done;
    expect(result.ok, result.stderrTail).toBe(true);
    expect(result.rtpPacketsReceived).toBeGreaterThan(50);
    const calls = await waitFor(
      () => firefoxStoredCalls(ff, options),
      (c) => c.length === before + 1 && c.at(-1)?.phase === 'ended',
      10_000,
      'the call stored as ended',
    );
    expect(calls.at(-1)).toMatchObject({
      direction: 'inbound',
      outcome: 'answered',
      remoteNumber: '48221234567',
      remoteName: 'Anna Nowak',
      endReason: 'hangup-remote',
    });
    expect(calls.at(-1)!.talkDurationMs).toBeGreaterThan(4000);
    await page.close();
  });
});
