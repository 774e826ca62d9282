import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/browser';
import { agentOnCrmPage } from '../support/crm-session';
import { badge, nextEndedCall, storedCalls, waitFor } from '../support/extension';
import { expectRejected, LAB } from '../support/lab';

const agent = LAB.agents[3]!;
let ext: ExtensionBrowser;
let page: Page;

agentOnCrmPage(agent, (e, p) => {
  ext = e;
  page = p;
});

describe('hostile caller IDs', () => {
  const payloads = ['<img src=x onerror=xssTrap(1)>', '<script>xssTrap(2)</script>', '"><svg onload=xssTrap(3)>'];
  for (const payload of payloads) {
    it(`renders ${payload} as text and runs nothing`, async () => {
      const before = (await storedCalls(ext)).length;
      const run = expectRejected({ agent: agent.user, callerNumber: '5550100', displayName: payload });
      const dialog = page.getByRole('dialog', { name: 'Incoming call' });
      await dialog.waitFor({ timeout: 15_000 });
      await dialog.getByText(payload, { exact: true }).waitFor();
      await dialog.getByRole('button', { name: 'Reject' }).click();
      expect((await run.done).ok).toBe(true);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)).toEqual([]);
      expect((await nextEndedCall(ext, before)).remoteName).toBe(payload);
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    });
  }
});

describe('the options form', () => {
  it('shows field errors for an invalid account and keeps the saved one', async () => {
    const options = await ext.openPage('options.html');
    await options.getByLabel('SIP URI').waitFor();
    await waitFor(
      () => options.getByLabel('SIP URI').inputValue(),
      (v) => v === agent.sipUri,
      5000,
      'saved account loaded',
    );
    await options.getByLabel('WebSocket server').fill('http://pbx.example.com');
    await options.getByLabel('SIP URI').fill('1001');
    await options.getByLabel('ICE servers (STUN/TURN)').fill('ftp://x');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Some fields need fixing').waitFor();
    await options.getByText('Use a ws:// or wss:// address').waitFor();
    await options.getByText('Use the form sip:user@domain').waitFor();
    await options.getByText('Each line must start with stun:').waitFor();
    expect(await options.getByLabel('WebSocket server').getAttribute('aria-invalid')).toBe('true');

    const reloaded = await ext.openPage('options.html');
    await waitFor(
      () => reloaded.getByLabel('SIP URI').inputValue(),
      (v) => v === agent.sipUri,
      5000,
      'saved account kept',
    );
    expect(await reloaded.getByLabel('WebSocket server').inputValue()).toBe(LAB.wsServer);
    expect((await badge(ext)).text).toBe('ON');
  });

  it('Test connection tells a wrong password, an unreachable server and a bad URL apart', async () => {
    const options = await ext.openPage('options.html');
    await waitFor(
      () => options.getByLabel('SIP URI').inputValue(),
      (v) => v === agent.sipUri,
      5000,
      'saved account loaded',
    );
    const test = options.getByRole('button', { name: 'Test connection' });
    const status = options.getByRole('status').filter({ hasText: /./ });

    await test.click();
    await status.getByText('Connection works').waitFor({ timeout: 15_000 });

    await options.getByLabel('Password', { exact: true }).fill('wrong-password');
    await test.click();
    await status.getByText('Wrong user name or password').waitFor({ timeout: 15_000 });

    await options.getByLabel('Password', { exact: true }).fill(agent.password);
    await options.getByLabel('WebSocket server').fill('ws://127.0.0.1:9/ws');
    await test.click();
    await status.getByText('The server cannot be reached').waitFor({ timeout: 15_000 });

    await options.getByLabel('WebSocket server').fill('https://pbx.example.com/ws');
    await test.click();
    await options.getByText('Use a ws:// or wss:// address').waitFor();
    // Testing saved nothing: the agent is still registered with the saved account.
    expect((await badge(ext)).text).toBe('ON');
  });
});
