import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/browser';
import { DesktopNotifications } from '../support/desktop-notifications';
import {
  badge,
  clickToCallEverywhere,
  launchRegistered,
  pageRequest,
  storedCalls,
  waitFor,
} from '../support/extension';
import { answerCalls, cancelCall, LAB } from '../support/lab';

// Missed calls against the real PBX: the badge counts callers to call back next to the
// registration state, the list groups them per caller, and a callback reminder goes through
// chrome.alarms → a desktop notification → the agent's click → an INVITE at the PBX.
const agent = LAB.agents[4]!;
let ext: ExtensionBrowser;
let desktop: DesktopNotifications;

beforeAll(async () => {
  desktop = await DesktopNotifications.start();
  ext = await launchRegistered(agent, { env: { DBUS_SESSION_BUS_ADDRESS: desktop.address } });
  await pageRequest(ext, clickToCallEverywhere('RU'));
});
afterAll(async () => {
  await ext?.close();
  desktop?.stop();
});

/** `YYYY-MM-DDTHH:MM:SS` in local time, as a datetime-local input takes it. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

describe('missed calls', () => {
  it('counts callers on the badge, groups them, marks them handled, and a reminder click calls back', async () => {
    const missed = (number: string, name: string) =>
      cancelCall({ agent: agent.user, callerNumber: number, displayName: name, ringMs: 1200 }).done;
    // One caller twice, in the two forms PBXs send; another once.
    expect((await missed('84951112233', 'Olga Smirnova')).ok).toBe(true);
    expect((await missed('74951112233', 'Olga Smirnova')).ok).toBe(true);
    expect((await missed('48221234567', 'Jan Nowak')).ok).toBe(true);

    // Two callers wait; the badge keeps the registration colour and says both in the tooltip.
    const b = await waitFor(
      () => badge(ext),
      (x) => x.text === '2',
      10_000,
      'badge with 2 callers',
    );
    expect(b.title).toContain('registered as sip:1005@127.0.0.1');
    expect(b.title).toContain('Callers waiting for a call back: 2');

    const history = await ext.openPage('history.html#missed');
    const list = history.getByRole('list', { name: 'Missed calls' });
    const first = list.getByRole('listitem', { name: 'Olga Smirnova +7 495 111 22 33' });
    await first.getByText(/^2 missed, last at/).waitFor();
    const pl = list.getByRole('listitem', { name: 'Jan Nowak +48 22 123 45 67' });
    await pl.getByText(/^1 missed, last at/).waitFor();

    // The Polish caller was dealt with elsewhere: marked handled, the entry and the count go.
    await pl.getByRole('button', { name: 'Mark the missed calls of Jan Nowak +48 22 123 45 67 handled' }).click();
    await pl.waitFor({ state: 'detached' });
    await waitFor(
      () => badge(ext),
      (x) => x.text === '1',
      10_000,
      'badge with 1 caller',
    );

    // A reminder in 3 s (unpacked extensions may set alarms from 1 s; packed ones from 30 s).
    const pstn = answerCalls({ calls: 1 });
    await pstn.ready;
    const at = Date.now() + 3000;
    await first.getByLabel('Remind me at').fill(localInput(at));
    await first.getByRole('button', { name: 'Remind me to call Olga Smirnova +7 495 111 22 33' }).click();
    await first.getByText(/^You will be reminded at/).waitFor();
    const alarms = await (await ext.worker()).evaluate(() => chrome.alarms.getAll());
    expect(alarms.map((a) => a.name)).toEqual([expect.stringMatching(/^callback:/)]);

    // The alarm fires, the desktop shows the notification, the agent clicks it: the call goes out.
    const note = await desktop.waitFor(/Time to call back Olga Smirnova \(\+74951112233\)/, 20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(at - 1000);
    desktop.click(note);
    await pstn.inviteSeen;
    const popup = await ext.openPage('popup.html');
    const out = popup.getByRole('dialog', { name: 'Outgoing call' });
    await out.getByText(/^Connected/).waitFor({ timeout: 15_000 });
    await out.getByRole('button', { name: 'Hang up' }).click();
    const result = await pstn.done;
    expect(result.ok).toBe(true);
    expect(result.inviteTargets).toEqual(['+74951112233']);

    // Talking with the caller closes the entry: the badge shows registration alone again.
    await waitFor(
      () => badge(ext),
      (x) => x.text === 'ON',
      10_000,
      'badge back to ON',
    );
    await list.waitFor({ state: 'detached' });
    await history.getByText('No missed calls waiting for a call back.').waitFor();
    const calls = await storedCalls(ext);
    expect(calls.at(-1)).toMatchObject({ direction: 'outbound', outcome: 'answered', remoteNumber: '+74951112233' });
  });
});
