/**
 * Lab self-check: proves the real PBX path works before the extension exists.
 * A plain SIP.js page in Debian Chromium registers over WS and talks to sipp
 * through Kamailio + rtpengine (DTLS-SRTP <-> RTP/AVP).
 *
 * Run inside a loopback-only netns:
 *   scripts/lab/in-netns.sh npx vitest run --config tests/lab/vitest.config.ts
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LAB_CHROMIUM_ARGS } from '../support/browser';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  LAB,
  answerCalls,
  callAgent,
  cancelCall,
  ensureInstalled,
  expectRejected,
  startKamailio,
  startPbx,
  stopKamailio,
  stopPbx,
} from '../support/lab';
import { servePage } from './page/serve';

type Stats = { bytesReceived: number; packetsReceived: number; bytesSent: number; packetsSent: number };

// What the page exposes as window.lab (see page/agent.ts).
declare global {
  interface Window {
    lab: {
      state: {
        registered: boolean;
        registerStatus: number | null;
        callState: string;
        incomingMode: 'answer' | 'reject' | 'ring';
        incomingDisplayName: string | null;
        incomingUser: string | null;
        ended: number;
        log: string[];
      };
      register(o: { user: string; password: string; wsServer: string; domain: string }): Promise<void>;
      reconnect(): Promise<void>;
      connected(): boolean;
      call(target: string, domain: string): Promise<void>;
      hangup(): Promise<void>;
      hold(on: boolean): Promise<void>;
      direction(which: 'local' | 'remote'): string | null;
      stats(): Promise<Stats>;
      unregister(): Promise<void>;
    };
  }
}

let browser: Browser;
let server: Awaited<ReturnType<typeof servePage>>;

beforeAll(async () => {
  await ensureInstalled();
  await startPbx();
  server = await servePage();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: LAB_CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await stopPbx();
});

async function agentPage(user: string, password?: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => 'lab' in window);
  const agent = LAB.agents.find((a) => a.user === user)!;
  await page.evaluate((o) => window.lab.register(o), {
    user,
    password: password ?? agent.password,
    wsServer: LAB.wsServer,
    domain: LAB.domain,
  });
  await page.waitForFunction(() => window.lab.state.registerStatus !== null, undefined, { timeout: 10_000 });
  return page;
}

const state = (page: Page) => page.evaluate(() => window.lab.state);
const stats = (page: Page) => page.evaluate(() => window.lab.stats());
const waitCallState = (page: Page, s: string, timeout = 15_000) =>
  page.waitForFunction((want) => window.lab.state.callState === want, s, { timeout });

/** bytesReceived must be > 0 and still growing a moment later. */
async function expectInboundAudioGrowing(page: Page) {
  await expect
    .poll(async () => (await stats(page)).bytesReceived, { timeout: 10_000, interval: 200 })
    .toBeGreaterThan(0);
  const first = await stats(page);
  await page.waitForTimeout(1000);
  const second = await stats(page);
  expect(second.bytesReceived).toBeGreaterThan(first.bytesReceived);
  expect(second.packetsSent).toBeGreaterThan(first.packetsSent);
}

/** re-INVITE sendonly (sipp answers recvonly), then sendrecv; audio flows again. */
async function holdAndResume(page: Page) {
  const dirs = () => page.evaluate(() => [window.lab.direction('local'), window.lab.direction('remote')]);
  await page.evaluate(() => window.lab.hold(true));
  expect(await dirs()).toEqual(['sendonly', 'recvonly']);
  await page.evaluate(() => window.lab.hold(false));
  expect(await dirs()).toEqual(['sendrecv', 'sendrecv']);
  await expectInboundAudioGrowing(page);
}

describe('lab PBX self-check', () => {
  test('wrong password: REGISTER is rejected', async () => {
    const page = await agentPage('1002', 'wrong');
    const s = await state(page);
    expect([401, 403, 407]).toContain(s.registerStatus);
    expect(s.registered).toBe(false);
    await page.close();
  });

  describe('agent 1001 registered over WS', () => {
    let page: Page;
    beforeAll(async () => {
      page = await agentPage('1001');
      expect((await state(page)).registerStatus).toBe(200);
      expect((await state(page)).registered).toBe(true);
    });
    afterAll(async () => {
      await page.evaluate(() => window.lab.unregister());
      await page.close();
    });

    test('customer calls agent: audio both ways, caller hangs up', async () => {
      const displayName = 'Eve "the \\ caller" <img src=x onerror=alert(1)>';
      const ended = (await state(page)).ended;
      const run = callAgent({ agent: '1001', hangup: 'caller', talkSeconds: 4, displayName });
      await waitCallState(page, 'Established');
      const s = await state(page);
      expect(s.incomingUser).toBe(run.callerNumber);
      expect(s.incomingDisplayName).toContain('<img src=x onerror=alert(1)>');
      await expectInboundAudioGrowing(page);
      const res = await run.done;
      expect(res.ok, res.stderrTail).toBe(true);
      expect(res.finalStatusCodes).toEqual([200]);
      expect(res.rtpPacketsReceived).toBeGreaterThan(50);
      expect(res.inviteTimes).toHaveLength(1);
      await page.waitForFunction((n) => window.lab.state.ended > n, ended);
    });

    test('customer calls agent: agent holds, resumes (re-INVITEs), hangs up', async () => {
      const run = callAgent({ agent: '1001', hangup: 'agent' });
      await waitCallState(page, 'Established');
      await expectInboundAudioGrowing(page);
      await holdAndResume(page);
      await page.evaluate(() => window.lab.hangup());
      const res = await run.done;
      expect(res.ok, res.stderrTail).toBe(true);
      expect(res.rtpPacketsReceived).toBeGreaterThan(0);
      await waitCallState(page, 'Terminated');
    });

    test('agent calls the PSTN number: audio both ways, hold/resume, agent hangs up', async () => {
      const uas = answerCalls({ calls: 1, timeoutMs: 60_000 });
      await uas.ready;
      await page.evaluate((o) => window.lab.call(o.n, o.d), { n: LAB.pstnNumber, d: LAB.domain });
      await waitCallState(page, 'Established');
      await expectInboundAudioGrowing(page);
      await holdAndResume(page);
      await page.evaluate(() => window.lab.hangup());
      const res = await uas.done;
      expect(res.ok, res.stderrTail).toBe(true);
      expect(res.successfulCalls).toBe(1);
      expect(res.rtpPacketsReceived).toBeGreaterThan(0);
      expect(res.inviteTimes).toHaveLength(1);
      await waitCallState(page, 'Terminated');
    });

    test('customer gives up while ringing: CANCEL -> 487', async () => {
      await page.evaluate(() => (window.lab.state.incomingMode = 'ring'));
      const ended = (await state(page)).ended;
      const res = await cancelCall({ agent: '1001', ringMs: 1500 }).done;
      expect(res.ok, res.stderrTail).toBe(true);
      expect(res.finalStatusCodes).toEqual([487]);
      await page.waitForFunction((n) => window.lab.state.ended > n, ended);
    });

    test('agent declines: 486', async () => {
      await page.evaluate(() => (window.lab.state.incomingMode = 'reject'));
      const res = await expectRejected({ agent: '1001' }).done;
      expect(res.ok, res.stderrTail).toBe(true);
      expect(res.finalStatusCodes).toEqual([486]);
      await page.evaluate(() => (window.lab.state.incomingMode = 'answer'));
    });

    test('unregistered agent: 480', async () => {
      const res = await expectRejected({ agent: '1005' }).done;
      expect(res.ok).toBe(false);
      expect(res.finalStatusCodes).toEqual([480]);
    });

    test('Kamailio restart: WS drops, agent re-registers, calls work again', async () => {
      await stopKamailio();
      await page.waitForFunction(() => !window.lab.connected(), undefined, { timeout: 10_000 });
      await startKamailio();
      await page.evaluate(() => window.lab.reconnect());
      await page.waitForFunction(() => window.lab.state.registerStatus === 200, undefined, { timeout: 10_000 });
      const run = callAgent({ agent: '1001', hangup: 'caller', talkSeconds: 2 });
      await waitCallState(page, 'Established');
      const res = await run.done;
      expect(res.ok, res.stderrTail).toBe(true);
      expect(res.rtpPacketsReceived).toBeGreaterThan(0);
    });
  });
});
