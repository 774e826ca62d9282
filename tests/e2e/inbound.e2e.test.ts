import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/browser';
import { agentOnCrmPage } from '../support/crm-session';
import { audioFlowing, callStats, liveCall, nextEndedCall, storedCalls, waitFor } from '../support/extension';
import { callAgent, cancelCall, expectRejected, LAB } from '../support/lab';

const agent = LAB.agents[1]!;
let ext: ExtensionBrowser;
let page: Page;

agentOnCrmPage(agent, (e, p) => {
  ext = e;
  page = p;
});

const popup = (name: string) => page.getByRole('dialog', { name });

describe('inbound calls', () => {
  it('rings on the CRM page, is answered with audio both ways, and is stored as answered', async () => {
    const before = (await storedCalls(ext)).length;
    const run = callAgent({
      agent: agent.user,
      callerNumber: '4951234567',
      displayName: 'Ivan Petrov',
      talkSeconds: 5,
      hangup: 'caller',
    });
    const dialog = popup('Incoming call');
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByText('4951234567').waitFor();
    await dialog.getByText('Ivan Petrov').waitFor();
    const ringing = await liveCall(ext, 'ringing');
    await waitFor(
      () => callStats(ext, ringing.id),
      (s) => s?.ringtone === true,
      5000,
      'the ringtone to sound',
    );
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await dialog.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 10_000 });

    const call = await liveCall(ext, 'connected');
    expect((await callStats(ext, call.id))?.ringtone).toBe(false);
    const stats = await audioFlowing(ext, call.id);
    // The caller's tone is actually played (the level stays 0 for a track nobody plays).
    const heard = await waitFor(
      () => callStats(ext, call.id),
      (s) => (s?.audioLevel ?? 0) > 0,
      5000,
      'remote audio level',
    );
    expect(heard!.bytesReceived).toBeGreaterThanOrEqual(stats.bytesReceived);

    const result = await run.done;
    expect(result.ok, result.stderrTail).toBe(true);
    expect(result.rtpPacketsReceived).toBeGreaterThan(50);
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });

    const rec = await nextEndedCall(ext, before);
    expect(rec).toMatchObject({
      direction: 'inbound',
      outcome: 'answered',
      remoteNumber: '4951234567',
      remoteName: 'Ivan Petrov',
      localNumber: agent.user,
      account: agent.sipUri,
      endReason: 'hangup-remote',
    });
    expect(rec.sipCallId).toBeTruthy();
    expect(rec.talkDurationMs).toBeGreaterThan(3500);
    expect(rec.talkDurationMs).toBeLessThan(9000);
    expect(rec.ringDurationMs).toBeGreaterThan(0);
    expect(rec.answeredAt! - rec.startedAt).toBe(rec.ringDurationMs);
  });

  it('a call the caller cancels while ringing closes the pop-up and is stored as missed', async () => {
    const before = (await storedCalls(ext)).length;
    const run = cancelCall({ agent: agent.user, callerNumber: '48221234567', ringMs: 2000 });
    const dialog = popup('Incoming call');
    await dialog.waitFor({ timeout: 15_000 });
    // Written when it starts, not when it ends: a crash now would still leave this record.
    const ringing = await waitFor(
      () => storedCalls(ext),
      (c) => c.length === before + 1,
      5000,
      'ringing call stored',
    );
    expect(ringing.at(-1)).toMatchObject({ phase: 'ringing', direction: 'inbound', remoteNumber: '48221234567' });
    expect(ringing.at(-1)!.outcome).toBeUndefined();
    await popup('Missed call').waitFor({ timeout: 10_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 10_000 });
    expect((await run.done).ok).toBe(true);
    const rec = await nextEndedCall(ext, before);
    expect(rec).toMatchObject({ direction: 'inbound', outcome: 'missed', remoteNumber: '48221234567' });
    expect(rec.answeredAt).toBeUndefined();
    expect(rec.ringDurationMs).toBeGreaterThan(1500);
  });

  it('a call answered on another device closes the pop-up and is stored as answered elsewhere, not missed', async () => {
    const before = (await storedCalls(ext)).length;
    const run = cancelCall({
      agent: agent.user,
      callerNumber: '48221234568',
      ringMs: 1500,
      reason: 'SIP;cause=200;text="Call completed elsewhere"',
    });
    await popup('Incoming call').waitFor({ timeout: 15_000 });
    await popup('Call ended').getByText('Ended: answered on another device').waitFor({ timeout: 10_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 10_000 });
    expect((await run.done).ok).toBe(true);
    const rec = await nextEndedCall(ext, before);
    expect(rec).toMatchObject({
      direction: 'inbound',
      outcome: 'answered-elsewhere',
      endReason: 'answered-elsewhere',
    });
  });

  it('a call the agent rejects sends 486 and is stored as rejected', async () => {
    const before = (await storedCalls(ext)).length;
    const run = expectRejected({ agent: agent.user, callerNumber: '77012345678' });
    const dialog = popup('Incoming call');
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Reject' }).click();
    const result = await run.done;
    expect(result.ok, result.stderrTail).toBe(true);
    expect(result.finalStatusCodes).toContain(486);
    const rec = await nextEndedCall(ext, before);
    expect(rec).toMatchObject({
      direction: 'inbound',
      outcome: 'rejected',
      sipCode: 486,
      remoteNumber: '77012345678',
    });
  });

  it('when no web page can show the call, a desktop notification offers Accept and Reject', async () => {
    const settings = await ext.openPage('options.html');
    await settings.bringToFront();
    const run = cancelCall({ agent: agent.user, callerNumber: '380441234567', ringMs: 2500 });
    const sw = await ext.worker();
    const notes = await waitFor(
      () => sw.evaluate(() => chrome.notifications.getAll()),
      (n) => Object.keys(n).some((id) => id.startsWith('incoming-')),
      15_000,
      'incoming-call notification',
    );
    expect(Object.keys(notes)).toHaveLength(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await run.done).ok).toBe(true);
    await waitFor(
      () => sw.evaluate(() => chrome.notifications.getAll()),
      (n) => Object.keys(n).length === 0,
      10_000,
      'notification cleared',
    );
    await settings.close();
    await page.bringToFront();
  });
});
