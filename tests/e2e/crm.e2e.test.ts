import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/browser';
import { serveCrm } from '../support/crm-server';
import { setUpCrm } from '../support/crm/crm-options';
import { startFakeBitrix24 } from '../support/crm/fake-bitrix24';
import type { FakeCrm } from '../support/crm/fake-http';
import { HOSTILE_NUMBER, hostileBitrix, PWNED } from '../support/crm/hostile';
import { startVirtualDisplay, type VirtualDisplay } from '../support/crm/xvfb';
import { launchRegistered, openFrontPage, waitFor } from '../support/extension';
import { callAgent, cancelCall, LAB } from '../support/lab';

// The CRM end to end: Bitrix24's REST API served by a local fake (tests/support/crm), the built
// extension in a headed Chromium on a virtual display (its permission prompt is answered by
// keyboard), calls from sipp through the real PBX.
const agent = LAB.agents[2]!;
let ext: ExtensionBrowser;
let page: Page;
let screen: VirtualDisplay;
let web: Awaited<ReturnType<typeof serveCrm>>;
let bitrix: FakeCrm & Awaited<ReturnType<typeof startFakeBitrix24>>;

beforeAll(async () => {
  screen = await startVirtualDisplay();
  bitrix = await startFakeBitrix24();
  web = await serveCrm();
  ext = await launchRegistered(agent, { display: screen.display });
  const options = await setUpCrm(
    ext,
    screen,
    { crm: 'Bitrix24', fields: { 'Inbound webhook URL': bitrix.webhookUrl } },
    { wrapUpSeconds: 60 },
  );
  await options.close();
  page = await openFrontPage(ext, web.url);
});
afterAll(async () => {
  await ext?.close();
  await bitrix?.close();
  await web?.close();
  await screen?.stop();
});

const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
const activities = () => bitrix.state.activities;

describe('CRM pop-up, chooser, Create… and logging (Bitrix24)', () => {
  it('a known caller: the pop-up shows the contact, company and deals; the wrap-up logs the call on the contact', async () => {
    const run = callAgent({
      agent: agent.user,
      callerNumber: '+74951234567',
      displayName: 'Caller',
      talkSeconds: 2,
      hangup: 'caller',
    });
    const ringing = dialog('Incoming call');
    await ringing.waitFor({ timeout: 15_000 });
    await ringing.getByText('+74951234567').waitFor();
    await ringing.getByRole('link', { name: 'Ivan Petrov' }).waitFor({ timeout: 10_000 });
    await ringing.getByText('Romashka LLC').waitFor();
    const deals = ringing.getByRole('region', { name: 'Deals' });
    await deals.getByRole('link', { name: 'Office chairs, 50 pcs' }).waitFor({ timeout: 10_000 });
    expect(await deals.getByRole('listitem').count()).toBe(2);
    expect(await ringing.getByRole('link', { name: 'Ivan Petrov' }).getAttribute('href')).toBe(
      `${bitrix.url}/crm/contact/details/1/`,
    );
    await ringing.getByRole('button', { name: 'Accept' }).click();
    expect((await run.done).ok).toBe(true);

    const ended = dialog('Call ended');
    await ended.getByRole('region', { name: 'Link' }).waitFor({ timeout: 10_000 });
    await ended.getByText('logged when the wrap-up ends').waitFor();
    await ended.getByLabel('Subject').fill('Delivery dates');
    await ended.getByLabel('Summary').fill('Wants the chairs before the 20th');
    const before = activities().length;
    await ended.getByRole('button', { name: 'Save and log the call' }).click();
    await ended.getByText(/— logged$/).waitFor({ timeout: 10_000 });
    expect(activities()).toHaveLength(before + 1);
    expect(activities().at(-1)).toMatchObject({
      OWNER_TYPE_ID: 3,
      OWNER_ID: '1',
      TYPE_ID: 2,
      SUBJECT: 'Delivery dates',
      DESCRIPTION: 'Wants the chairs before the 20th',
      DIRECTION: 1,
    });
    await ended.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('two contacts share the number: the agent chooses, and the choice sticks on the next call', async () => {
    const first = cancelCall({
      agent: agent.user,
      callerNumber: '+74957654321',
      ringMs: 6000,
      header: 'X-Queue-Name: Sales <b>line</b>',
    });
    const ringing = dialog('Incoming call');
    // The PBX's routing variables show as they came, as text.
    const variables = ringing.getByRole('definition').filter({ hasText: 'Sales <b>line</b>' });
    await variables.waitFor({ timeout: 15_000 });
    await ringing.getByRole('term').filter({ hasText: 'Queue Name' }).waitFor();
    const chooser = ringing.getByRole('group', { name: 'Several records have this number. Who is calling?' });
    await chooser.waitFor({ timeout: 15_000 });
    await chooser.getByRole('button', { name: /Anna Smirnova/ }).waitFor();
    await chooser.getByRole('button', { name: /Oleg Smirnov/ }).click();
    await ringing.getByRole('link', { name: 'Oleg Smirnov' }).waitFor();
    expect((await first.done).ok).toBe(true);
    await dialog('Missed call').getByRole('button', { name: 'Done' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 10_000 });

    const second = cancelCall({ agent: agent.user, callerNumber: '+74957654321', ringMs: 3000 });
    const again = dialog('Incoming call');
    await again.getByRole('link', { name: 'Oleg Smirnov' }).waitFor({ timeout: 15_000 });
    await again.getByText('Chosen for this number earlier.').waitFor();
    expect(await again.getByRole('group', { name: /Who is calling/ }).count()).toBe(0);
    expect((await second.done).ok).toBe(true);
    await dialog('Missed call').getByRole('button', { name: 'Done' }).click();
  });

  it('an unknown caller: Create contact creates it in the CRM with the number and links the call', async () => {
    const run = callAgent({ agent: agent.user, callerNumber: '+74950000000', talkSeconds: 4, hangup: 'caller' });
    const ringing = dialog('Incoming call');
    await ringing.getByText('Not in the CRM.').waitFor({ timeout: 15_000 });
    await ringing.getByRole('button', { name: 'Accept' }).click();
    const live = dialog('Incoming call');
    await live.getByRole('button', { name: 'Create contact' }).first().click();
    await live.getByLabel('Name of the record', { exact: true }).fill('Pavel Sidorov');
    await live.getByRole('button', { name: 'Create contact' }).click();
    await waitFor(
      () => Promise.resolve(bitrix.state.contacts.find((c) => c.NAME === 'Pavel Sidorov')),
      (c) => c !== undefined,
      10_000,
      'the contact to be created in Bitrix24',
    );
    const created = bitrix.state.contacts.find((c) => c.NAME === 'Pavel Sidorov')!;
    expect(created.PHONE).toEqual([expect.objectContaining({ VALUE: '+74950000000', VALUE_TYPE: 'WORK' })]);
    expect((await run.done).ok).toBe(true);
    const ended = dialog('Call ended');
    await ended.getByRole('link', { name: 'Pavel Sidorov' }).first().waitFor({ timeout: 10_000 });
    await ended.getByRole('button', { name: 'Done' }).click();
    await waitFor(
      () => Promise.resolve(activities().find((a) => a.OWNER_ID === created.ID)),
      (a) => a !== undefined,
      10_000,
      'the call to be logged on the new contact',
    );
  });

  it('with the CRM server stopped, the call is logged once it is back, even after the service worker slept', async () => {
    // Down before the call: the pop-up says so in words, and the call still rings.
    await bitrix.stop();
    const unreachable = cancelCall({ agent: agent.user, callerNumber: '+74959990000', ringMs: 2500 });
    const ringing = dialog('Incoming call');
    await ringing
      .getByText(/^CRM unreachable: the caller is shown by number only\. Bitrix24: is unreachable$/)
      .waitFor({ timeout: 15_000 });
    expect((await unreachable.done).ok).toBe(true);
    await dialog('Missed call').getByRole('button', { name: 'Done' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 10_000 });

    // Down while the call is on: the log waits in the outbox.
    await bitrix.start();
    const before = activities().length;
    const run = callAgent({ agent: agent.user, callerNumber: '+74951234567', talkSeconds: 3, hangup: 'caller' });
    const known = dialog('Incoming call');
    await known.getByRole('link', { name: 'Ivan Petrov' }).waitFor({ timeout: 15_000 });
    await known.getByRole('button', { name: 'Accept' }).click();
    await bitrix.stop();
    expect((await run.done).ok).toBe(true);
    const ended = dialog('Call ended');
    await ended.getByRole('button', { name: 'Done' }).click();

    const popup = await ext.openPage('popup.html');
    const outbox = popup.getByRole('list', { name: 'CRM writes not sent yet' });
    await outbox.getByText(/is unreachable; next try at/).waitFor({ timeout: 15_000 });

    // The service worker goes to sleep (as MV3 does after 30 s idle): only the alarm can wake it.
    // DevTools stops it from a page of the extension's origin, which is closed at once after.
    const cdp = await ext.context.newCDPSession(popup);
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) states.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(
      () => Promise.resolve(states.at(-1)),
      (s) => s === 'stopped',
      10_000,
      'the service worker to stop',
    );
    await cdp.detach();
    await popup.close();
    await bitrix.start();
    await waitFor(
      () => Promise.resolve(activities().length),
      (n) => n === before + 1,
      45_000,
      'the call to be logged after the CRM came back',
    );
    expect(activities().at(-1)).toMatchObject({ OWNER_ID: '1', TYPE_ID: 2 });
    await new Promise((r) => setTimeout(r, 2000));
    expect(activities()).toHaveLength(before + 1);
  });

  it('hostile CRM data (markup, wrong types, 3000 deals) renders as text, truncated, and the pop-up still works', async () => {
    const hostile = hostileBitrix();
    bitrix.state.contacts.push(hostile.contact);
    bitrix.state.deals.push(...hostile.deals);
    bitrix.state.tasks.push(...hostile.tasks);
    const title = await page.title();
    const run = callAgent({ agent: agent.user, callerNumber: HOSTILE_NUMBER, talkSeconds: 2, hangup: 'caller' });
    const ringing = dialog('Incoming call');
    const name = ringing.getByRole('link', { name: /^<img src=x onerror=/ });
    await name.waitFor({ timeout: 15_000 });
    const text = (await name.textContent()) ?? '';
    expect(text).toContain('12345 <script>');
    expect(text.length).toBeLessThanOrEqual(256);
    expect(text.endsWith('…')).toBe(true);
    const deals = ringing.getByRole('region', { name: 'Deals' });
    await deals.getByRole('heading', { name: 'Deals (25+)' }).waitFor({ timeout: 10_000 });
    expect(await deals.getByRole('listitem').count()).toBe(25);
    await deals.getByText(/^javascript-link <a href=/).waitFor();
    expect(await page.locator('cti-call-popup img, cti-call-popup script, cti-call-popup b').count()).toBe(0);
    for (const href of await page
      .locator('cti-call-popup a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href).toMatch(/^https?:\/\//);
    }
    await ringing.getByRole('button', { name: 'Accept' }).click();
    await ringing.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 10_000 });
    expect((await run.done).ok).toBe(true);
    expect(await page.title()).toBe(title);
    expect(await page.title()).not.toBe(PWNED);
    await dialog('Call ended').getByRole('button', { name: 'Done' }).click();
  });

  it("the Link menu on a call in the toolbar popup's history links it to a found record and logs it there", async () => {
    await bitrix.start();
    const popup = await ext.openPage('popup.html');
    const recent = popup.getByRole('list', { name: 'Recent calls' });
    await recent
      .getByRole('button', { name: /^Link the call with .*\+74959990000$/ })
      .first()
      .click();
    const menu = popup.getByRole('region', { name: /^Link the call with .*\+74959990000$/ });
    await menu.getByText('Not in the CRM.').waitFor({ timeout: 10_000 });
    await menu
      .getByRole('searchbox', { name: /Find in the CRM/ })
      .last()
      .fill('Petrov');
    await menu.getByRole('button', { name: 'Find' }).last().click();
    const before = activities().length;
    await menu.getByRole('button', { name: 'Link the call to Ivan Petrov' }).click();
    await menu.getByText(/— logged$/).waitFor({ timeout: 10_000 });
    expect(activities()).toHaveLength(before + 1);
    expect(activities().at(-1)).toMatchObject({ OWNER_ID: '1', SUBJECT: 'Missed call from +74959990000' });
    await popup.close();
  });

  it('a screen-pop connection opens the CRM page of the caller when the call rings, and the pop-up follows', async () => {
    const options = await setUpCrm(ext, screen, {
      crm: 'Screen-pop URL',
      fields: { Address: `${web.url}?caller={e164}` },
    });
    await options.close();
    await page.bringToFront();
    const opened = ext.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('caller=%2B74951234567'),
      timeout: 20_000,
    });
    const run = cancelCall({ agent: agent.user, callerNumber: '+74951234567', ringMs: 4000 });
    const crmPage = await opened;
    await crmPage
      .getByRole('dialog', { name: 'Incoming call' })
      .getByRole('link', { name: 'Ivan Petrov' })
      .waitFor({ timeout: 15_000 });
    expect((await run.done).ok).toBe(true);
    await crmPage.getByRole('dialog', { name: 'Missed call' }).getByRole('button', { name: 'Done' }).click();
    await crmPage.close();
  });
});
