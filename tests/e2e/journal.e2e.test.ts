import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration } from '../../components/format';
import type { ExtensionBrowser } from '../support/browser';
import { clickToCallEverywhere, launchRegistered, pageRequest, storedCalls, waitFor } from '../support/extension';
import { answerCalls, callAgent, LAB } from '../support/lab';

// The journal against the real PBX: calls made through Kamailio/rtpengine/sipp land in the
// history with their durations, are found by a number written differently, and survive
// export → delete → import exactly.
const agent = LAB.agents[4]!;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchRegistered(agent);
  // Numbers without a country code are Russian for this agent.
  await pageRequest(ext, clickToCallEverywhere('RU'));
});
afterAll(async () => {
  await ext?.close();
});

/** Takes an incoming call from the toolbar popup, as an agent without a CRM tab would. */
async function answerFromPopup(): Promise<Page> {
  const popup = await ext.openPage('popup.html');
  const card = popup.getByRole('dialog', { name: 'Incoming call' });
  await card.waitFor({ timeout: 15_000 });
  await card.getByRole('button', { name: 'Accept' }).click();
  return popup;
}

describe('call journal', () => {
  it('shows real calls with their durations, finds them by any number format, and export → delete → import restores them exactly', async () => {
    // 1. A customer calls in (national caller ID) and talks for 3 s.
    const inbound = callAgent({
      agent: agent.user,
      callerNumber: '84951234567',
      displayName: 'Ivan Petrov',
      talkSeconds: 3,
      hangup: 'caller',
    });
    const popup = await answerFromPopup();
    expect((await inbound.done).ok).toBe(true);
    // 2. The agent calls a customer, written internationally, and hangs up after ~2 s.
    const pstn = answerCalls({ calls: 1 });
    await pstn.ready;
    await popup.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
    await popup.getByRole('textbox', { name: 'Number' }).fill('+7 495 765-43-21');
    await popup.getByRole('button', { name: 'Call', exact: true }).click();
    const out = popup.getByRole('dialog', { name: 'Outgoing call' });
    await out.getByText(/^Connected/).waitFor({ timeout: 15_000 });
    await popup.waitForTimeout(2000);
    await out.getByRole('button', { name: 'Hang up' }).click();
    expect((await pstn.done).ok).toBe(true);

    const stored = await waitFor(
      () => storedCalls(ext),
      (c) => c.length === 2 && c.every((x) => x.phase === 'ended'),
      10_000,
      'both calls stored as ended',
    );
    const [inRec, outRec] = stored;
    expect(inRec).toMatchObject({ direction: 'inbound', outcome: 'answered', remoteNumber: '84951234567' });
    expect(outRec).toMatchObject({ direction: 'outbound', outcome: 'answered', remoteNumber: '+74957654321' });
    expect(inRec!.talkDurationMs).toBeGreaterThan(2500);
    expect(inRec!.talkDurationMs).toBeLessThan(7000);
    expect(outRec!.talkDurationMs).toBeGreaterThan(1500);

    // The history lists both, newest first, with the stored durations and E.164 numbers.
    const history = await ext.openPage('history.html');
    const list = history.getByRole('list', { name: 'Calls' });
    const rows = list.getByRole('button', { name: /^Open the call with/ });
    await waitFor(
      () => rows.count(),
      (n) => n === 2,
      10_000,
      'two rows',
    );
    const first = rows.nth(0);
    const second = rows.nth(1);
    await expect(first.textContent()).resolves.toContain('+7 495 765 43 21');
    await expect(first.textContent()).resolves.toContain(formatDuration(outRec!.talkDurationMs!));
    await expect(second.textContent()).resolves.toContain('Ivan Petrov');
    await expect(second.textContent()).resolves.toContain('+7 495 123 45 67');
    await expect(second.textContent()).resolves.toContain(formatDuration(inRec!.talkDurationMs!));
    await history.getByRole('status').getByText('2 calls').waitFor();

    // The card shows ring and talk times as stored.
    await second.click();
    const card = history.getByRole('dialog', { name: /^Call with Ivan Petrov/ });
    await card.getByText(formatDuration(inRec!.ringDurationMs!), { exact: true }).first().waitFor();
    await card.getByRole('button', { name: 'Close' }).click();

    // Search: the inbound call came as 84951234567; it is found written internationally, and
    // the outbound one (+74957654321) written nationally. A name finds the caller too.
    const search = history.getByRole('searchbox', { name: 'Search by number or name' });
    const labels = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const only = async (q: string, who: RegExp) => {
      await search.fill(q);
      // The list follows the search after a short debounce: wait for its answer, not the last one.
      await waitFor(labels, (l) => l.length === 1 && who.test(l[0]!), 5000, `one row for ${q}`);
    };
    await only('+7 (495) 123-45-67', /Ivan Petrov/);
    await only('8 495 765 43 21', /\+7 495 765 43 21/);
    await only('petrov', /Ivan Petrov/);
    await search.fill('');
    await waitFor(
      () => rows.count(),
      (n) => n === 2,
      5000,
      'both rows again',
    );

    // Export everything shown as CSV.
    const [download] = await Promise.all([
      history.waitForEvent('download'),
      history.getByRole('button', { name: 'Export CSV (all shown)' }).click(),
    ]);
    const file = join(tmpdir(), `journal-${Date.now()}.csv`);
    await download.saveAs(file);
    expect(await readFile(file, 'utf8')).toContain('84951234567');

    // Select all, delete (confirmed): the journal is empty.
    await history.getByRole('checkbox', { name: 'Select all' }).check();
    await history.getByRole('button', { name: 'Delete selected' }).click();
    await history
      .getByRole('dialog', { name: 'Delete calls?' })
      .getByRole('button', { name: 'Delete 2 calls' })
      .click();
    await history.getByText('No calls yet.', { exact: false }).waitFor();
    expect(await storedCalls(ext)).toEqual([]);

    // Import the file: a preview, then exactly the calls that were there.
    await history.getByLabel('Import calls from CSV or Excel…').setInputFiles(file);
    const preview = history.getByRole('dialog', { name: 'Import preview' });
    await preview.getByText('2 rows read: 2 calls ready, 0 problems.').waitFor();
    await preview.getByRole('button', { name: 'Import 2 calls' }).click();
    await waitFor(
      () => rows.count(),
      (n) => n === 2,
      10_000,
      'rows back',
    );
    const restored = await storedCalls(ext);
    expect(restored).toEqual(stored);

    // An invalid file changes nothing and says what is wrong.
    await history.getByLabel('Import calls from CSV or Excel…').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,started_at,direction,remote_number\nx,yesterday,inbound,+74950000000\n'),
    });
    await preview.getByText(/Line 2, column started_at: “yesterday” is not a date/).waitFor();
    expect(await preview.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedCalls(ext)).toEqual(restored);
  });

  it('records a call of an account that opted in, and the player plays it back with sound', async () => {
    // The agent turns recording on in the options, confirming callers are told.
    const options = await ext.openPage('options.html');
    const section = options.getByRole('region', { name: 'Call recording' });
    await section.getByRole('checkbox', { name: 'Record calls of this account in the browser' }).check();
    await section
      .getByRole('note')
      .getByText(/unlawful in many countries/)
      .waitFor();
    await section.getByRole('button', { name: 'Save recording settings' }).click();
    await section.getByText('Confirm that callers are told before turning recording on.').waitFor();
    await section.getByRole('checkbox', { name: 'Callers are told that calls are recorded' }).check();
    await section.getByRole('button', { name: 'Save recording settings' }).click();
    await section.getByRole('status').getByText('Saved', { exact: false }).waitFor();
    await options.close();

    const run = callAgent({
      agent: agent.user,
      callerNumber: '84957770011',
      displayName: 'Recorded Caller',
      talkSeconds: 4,
      hangup: 'caller',
    });
    const popup = await answerFromPopup();
    expect((await run.done).ok).toBe(true);
    await popup.close();

    const history = await ext.openPage('history.html');
    await history.getByRole('button', { name: /^Open the call with Recorded Caller/ }).click();
    const card = history.getByRole('dialog', { name: /^Call with Recorded Caller/ });
    const player = card.getByRole('group', { name: 'Recording 1' });
    await player.waitFor({ timeout: 15_000 });

    // Decode what was stored: both directions mixed, several seconds, not silence.
    const sound = await player.locator('audio').evaluate(async (el: HTMLAudioElement) => {
      const data = await (await fetch(el.src)).arrayBuffer();
      const audio = await new AudioContext().decodeAudioData(data);
      const ch = audio.getChannelData(0);
      let sum = 0;
      for (const v of ch) sum += v * v;
      return { seconds: audio.duration, rms: Math.sqrt(sum / ch.length) };
    });
    expect(sound.seconds).toBeGreaterThan(2.5);
    expect(sound.rms).toBeGreaterThan(0.005);

    // Play at double speed, seek, and the position moves on.
    await player.getByRole('combobox', { name: 'Speed' }).selectOption('2');
    await player.getByRole('button', { name: 'Play' }).click();
    await player.getByRole('button', { name: 'Pause' }).waitFor();
    const rate = await player.locator('audio').evaluate((el: HTMLAudioElement) => el.playbackRate);
    expect(rate).toBe(2);
    await waitFor(
      () => player.locator('audio').evaluate((el: HTMLAudioElement) => el.currentTime),
      (t) => t > 0.5,
      5000,
      'playback to advance',
    );
    await player.getByRole('slider', { name: 'Position' }).fill('0.2');
    const at = await player.locator('audio').evaluate((el: HTMLAudioElement) => el.currentTime);
    expect(at).toBeLessThan(1);
    await expect(player.getByRole('link', { name: 'Download' }).getAttribute('download')).resolves.toMatch(/\.webm$/);
  });
});
