import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/browser';
import { audioFlowing, launchRegistered, liveCall, nextEndedCall, storedCalls } from '../support/extension';
import { answerCalls, LAB } from '../support/lab';

const agent = LAB.agents[2]!;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchRegistered(agent);
});
afterAll(async () => {
  await ext?.close();
});

describe('outbound calls from the toolbar popup', () => {
  it('dials with Enter, talks with audio both ways, hangs up, and stores an answered outbound call', async () => {
    const before = (await storedCalls(ext)).length;
    const pstn = answerCalls({ calls: 1 });
    await pstn.ready;
    const popup = await ext.openPage('popup.html');
    // Typed like a person: typing lets the engine prepare the microphone and ICE before Enter.
    await popup.getByRole('textbox', { name: 'Number' }).pressSequentially(LAB.pstnNumber, { delay: 120 });
    await popup.getByRole('textbox', { name: 'Number' }).press('Enter');
    const card = popup.getByRole('dialog', { name: 'Outgoing call' });
    await card.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 15_000 });

    const call = await liveCall(ext, 'connected');
    await audioFlowing(ext, call.id);
    await popup.waitForTimeout(1500);
    await card.getByRole('button', { name: 'Hang up' }).click();
    await popup.getByRole('dialog', { name: 'Call ended' }).waitFor();

    const result = await pstn.done;
    expect(result.ok, result.stderrTail).toBe(true);
    expect(result.rtpPacketsReceived).toBeGreaterThan(20);
    const rec = await nextEndedCall(ext, before);
    expect(rec).toMatchObject({
      direction: 'outbound',
      outcome: 'answered',
      remoteNumber: LAB.pstnNumber,
      localNumber: agent.user,
      endReason: 'hangup-local',
    });
    expect(rec.talkDurationMs).toBeGreaterThan(1500);

    // The call is now the newest of the recent calls, and clicking it redials.
    const recent = popup.getByRole('list', { name: 'Recent calls' });
    const again = answerCalls({ calls: 1 });
    await again.ready;
    // Pointing at the entry prepares the call, as typing does; the click then dials.
    const redial = recent.getByRole('button', { name: `Call ${LAB.pstnNumber} again` }).first();
    await popup.waitForTimeout(2000);
    await redial.hover();
    await popup.waitForTimeout(600);
    await redial.click();
    await card.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Hang up' }).click();
    expect((await again.done).ok).toBe(true);
  });

  it('says what is wrong with a number it cannot dial', async () => {
    const popup = await ext.openPage('popup.html');
    await popup.getByRole('textbox', { name: 'Number' }).fill('call me maybe');
    await popup.getByRole('button', { name: 'Call', exact: true }).click();
    await popup.getByRole('alert').getByText('This is not a number that can be dialled').waitFor();
    expect(await popup.getByRole('textbox', { name: 'Number' }).getAttribute('aria-invalid')).toBe('true');
  });
});
