import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/browser';
import { badge, configureAccount, waitFor } from '../support/extension';
import { LAB, startKamailio, stopKamailio } from '../support/lab';

const agent = LAB.agents[0]!;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension({ mediaPrompts: 'ask' });
});
afterAll(async () => {
  await startKamailio().catch(() => undefined);
  await ext?.close();
});

describe('registration', () => {
  it('asks for the microphone on install, in a tab that explains why', async () => {
    const onboarding = await waitFor(
      () => Promise.resolve(ext.context.pages().find((p) => p.url().endsWith('/onboarding.html'))),
      Boolean,
      10_000,
      'the onboarding tab',
    );
    await onboarding!.getByRole('heading', { name: 'Allow the microphone for calls' }).waitFor();
    expect(await onboarding!.title()).toBe('Allow the microphone for calls');
    const popup = await ext.openPage('popup.html');
    await popup.getByRole('alert').getByText('The microphone is not allowed').waitFor();
    await onboarding!.bringToFront();
    await onboarding!.getByRole('button', { name: 'Allow microphone' }).waitFor();
    // The person allows the microphone (as the browser's prompt would): the page follows the
    // permission and says the extension is ready; the popup's warning goes away.
    await ext.context.grantPermissions(['microphone']);
    await onboarding!.getByText('The microphone is allowed.').waitFor();
    await popup.reload();
    await popup.getByRole('heading', { name: 'CTI Phone' }).waitFor();
    expect(await popup.getByText('The microphone is not allowed').count()).toBe(0);
    await popup.close();
  });

  it('shows "not set up" before an account exists', async () => {
    expect(await badge(ext)).toEqual({ text: '', title: 'CTI Phone: no SIP account set up' });
  });

  it('registers to Kamailio and shows it on the badge and in the popup', async () => {
    await configureAccount(ext, { wsServer: LAB.wsServer, sipUri: agent.sipUri, password: agent.password });
    const b = await waitFor(
      () => badge(ext),
      (v) => v.text === 'ON',
      10_000,
      'badge ON',
    );
    expect(b.title).toBe(`CTI Phone: registered as ${agent.sipUri}`);
    const popup = await ext.openPage('popup.html');
    await popup.getByText(`Ready: registered as ${agent.sipUri}`).waitFor();
    expect(await popup.title()).toBe('CTI Phone');
    await popup.close();
  });

  it('shows "connecting" while Kamailio is down and re-registers by itself when it is back', async () => {
    await stopKamailio();
    const down = await waitFor(
      () => badge(ext),
      (v) => v.text === '…',
      10_000,
      'badge connecting',
    );
    expect(down.title).toContain('connecting as');
    const popup = await ext.openPage('popup.html');
    await popup.getByText(/Connecting as .* the PBX cannot be reached/).waitFor();
    await startKamailio();
    const restarted = Date.now();
    await waitFor(
      () => badge(ext),
      (v) => v.text === 'ON',
      10_000,
      'badge ON again',
    );
    expect(Date.now() - restarted).toBeLessThan(6000);
    await popup.getByText(`Ready: registered as ${agent.sipUri}`).waitFor();
  });
});
