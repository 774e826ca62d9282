import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/browser';
import type { PageCommand } from '../../lib/protocol/pages';
import {
  clickToCallEverywhere,
  engineState,
  launchRegistered,
  openFrontPage,
  pageRequest,
  storedCalls,
} from '../support/extension';
import { serveFixtures } from '../support/fixture-server';
import { answerCalls, LAB } from '../support/lab';
import { pointAt } from '../support/numbers';

const agent = LAB.agents[3]!;
let ext: ExtensionBrowser;
let site: Awaited<ReturnType<typeof serveFixtures>>;
let page: Page;

/** Sends a page request as the options page does (the settings UI has its own suite). */
async function setting(command: PageCommand): Promise<void> {
  expect(await pageRequest(ext, command)).not.toMatchObject({ ok: false });
  await page.bringToFront();
}

const callButton = (p: Page | ReturnType<Page['frameLocator']>, number: RegExp | string) =>
  p.getByRole('button', { name: typeof number === 'string' ? `Call ${number}` : number });

/** Points at `text`, clicks the Call affordance and returns the number the PBX was asked to dial. */
async function clickToCall(text: string, name: RegExp): Promise<string> {
  const pstn = answerCalls({ calls: 1 });
  await pstn.ready;
  await pointAt(page, text);
  await callButton(page, name).click();
  const popup = page.getByRole('dialog', { name: 'Outgoing call' });
  await popup.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 15_000 });
  await popup.getByRole('button', { name: 'Hang up' }).click();
  const result = await pstn.done;
  expect(result.ok, result.stderrTail).toBe(true);
  await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
  return result.inviteTargets[0] ?? '';
}

/** Asserts that pointing at `text` offers no call (waiting long enough for the affordance to have shown). */
async function expectNoCall(text: string): Promise<void> {
  await pointAt(page, text);
  await page.waitForTimeout(250);
  expect(await page.getByRole('button', { name: /^Call / }).count(), `"${text}" must not be callable`).toBe(0);
}

beforeAll(async () => {
  site = await serveFixtures('click-to-call');
  ext = await launchRegistered(agent);
  page = await openFrontPage(ext, 'about:blank');
  // The agent works in Russia: national numbers such as 8 (916) … are Russian.
  await setting(clickToCallEverywhere('RU'));
  await page.goto(site.url('/crm-table.html'));
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('click-to-call on a static CRM table', () => {
  it('marks the numbers without moving anything on the page', async () => {
    await pointAt(page, '+7 (495) 123-45-67');
    await callButton(page, /^Call \+7 495 123.45.67$/).waitFor();
    // +7 495, +48 22, 8 916, +7 701 and 8 800: the marks are CSS highlights, not elements.
    await page.waitForFunction(() => CSS.highlights.get('cti-phone-number')?.size === 5);
    // The page's own DOM is untouched and no box moved by a pixel.
    const after = await page.evaluate(() => {
      const w = window as unknown as { __boxesBefore: unknown[]; __htmlBefore: string };
      return {
        before: w.__boxesBefore,
        boxes: [...document.querySelectorAll<HTMLElement>('[data-box]')].map((el) => {
          const r = el.getBoundingClientRect();
          return [el.dataset.box, r.x, r.y, r.width, r.height];
        }),
        sameHtml: document.body.getHTML() === w.__htmlBefore,
      };
    });
    expect(after.boxes).toEqual(after.before);
    expect(after.sameHtml).toBe(true);
  });

  it('offers Call, Copy and the international form in a menu', async () => {
    await pointAt(page, '+48 22 123 45 67');
    const menu = page.getByRole('menu', { name: /^\+48 22 123 45 67$/ });
    await menu.waitFor();
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url('') });
    await menu.getByRole('menuitem', { name: 'Copy number' }).click();
    await page.getByRole('status').getByText('Copied +48221234567').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('+48221234567');
    await page.keyboard.press('Escape');
  });

  it('never offers dates, amounts, IDs, IPs, cards, links, code or anything editable', async () => {
    await pointAt(page, '+7 (495) 123-45-67');
    await callButton(page, /^Call \+7 495/).waitFor();
    for (const text of [
      '12.03.2024',
      '1 234 567 ₽',
      '7707083893',
      '2024-03-12 14:30',
      '12 345 678 zł',
      '123-456-32-18',
      '1234567890',
      '192.168.100.200',
      '4276 3800 1234 5678',
      '+7 495 000-11-22',
      '+7 495 111-22-33',
      '+7 495 444-55-66',
    ]) {
      await expectNoCall(text);
    }
    // The editable note and the form fields keep working and keep their text.
    await page.getByRole('textbox', { name: 'Notes' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ok');
    expect(await page.getByRole('textbox', { name: 'Notes' }).textContent()).toBe('Notes: +7 495 111-22-33 ok');
    expect(await page.getByRole('textbox', { name: 'Phone field' }).inputValue()).toBe('+7 495 222-33-44');
    expect(await page.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('+7 495 333-44-55');
  });

  it('dials a clicked number through the PBX as E.164 by default', async () => {
    expect(await clickToCall('+7 (495) 123-45-67', /^Call \+7 495 123.45.67$/)).toBe('+74951234567');
  });

  it('applies the dialling rules: outside-line prefix and the national trunk prefix', async () => {
    await setting({
      type: 'saveDialRules',
      dialRules: { outsideLinePrefix: '9', international: 'digits', domestic: 'national', extensionMaxDigits: 5 },
    });
    expect(await clickToCall('8 (916) 555-12-34', /^Call \+7 916 555.12.34$/)).toBe('989165551234');
    expect(await clickToCall('+48 22 123 45 67', /^Call \+48 22 123 45 67$/)).toBe('948221234567');
    await setting({
      type: 'saveDialRules',
      dialRules: { outsideLinePrefix: '', international: 'plus', domestic: 'international', extensionMaxDigits: 5 },
    });
  });

  it('dials existing tel: and callto: links instead of handing them to the system', async () => {
    for (const [name, expected] of [
      ['Позвонить в офис', '+74957654321'],
      ['Skype-style', '+48225550199'],
    ] as const) {
      const pstn = answerCalls({ calls: 1 });
      await pstn.ready;
      await page.getByRole('link', { name }).click();
      const popup = page.getByRole('dialog', { name: 'Outgoing call' });
      await popup.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 15_000 });
      await popup.getByRole('button', { name: 'Hang up' }).click();
      const result = await pstn.done;
      expect(result.inviteTargets[0]).toBe(expected);
      await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
    }
    expect(page.url()).toBe(site.url('/crm-table.html'));
  });

  it('turns off for the site and restores the page exactly, and back on', async () => {
    // A fresh page (the test above typed into the notes), scanned and marked.
    await page.reload();
    await page.waitForFunction(() => (CSS.highlights.get('cti-phone-number')?.size ?? 0) > 0);
    await setting({ type: 'setSiteEnabled', host: '127.0.0.1', enabled: false });
    await page.waitForFunction(() => !CSS.highlights.has('cti-phone-number'));
    await expectNoCall('+7 (495) 123-45-67');
    const clean = await page.evaluate(() => ({
      html: document.body.getHTML() === (window as unknown as { __htmlBefore: string }).__htmlBefore,
      hosts: document.querySelectorAll('cti-number-actions').length,
      sheets: document.adoptedStyleSheets.length,
    }));
    expect(clean).toEqual({ html: true, hosts: 0, sheets: 0 });
    await setting({ type: 'setSiteEnabled', host: '127.0.0.1', enabled: true });
    await pointAt(page, '+7 (495) 123-45-67');
    await callButton(page, /^Call \+7 495 123.45.67$/).waitFor();
  });
});

describe('click-to-call on dynamic pages', () => {
  it('links rows an SPA adds later', async () => {
    await page.goto(site.url('/spa.html'));
    await page.getByText('+49 30 901820').waitFor();
    await pointAt(page, '+49 30 901820');
    await callButton(page, /^Call \+49 30 901820$/).waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await pointAt(page, '+44 20 7946 0001');
    await callButton(page, /^Call \+44 20 7946 0001$/).waitFor();
    await pointAt(page, '(212) 555-0123');
    await expect(callButton(page, /^Call /).count()).resolves.toBe(0);
  });

  it('reaches numbers in a web component’s open shadow root', async () => {
    await page.goto(site.url('/component.html'));
    await pointAt(page, '+48 12 345 67 89');
    await callButton(page, /^Call \+48 12 345 67 89$/).waitFor();
  });

  it('reaches numbers in a same-origin iframe and dials them', async () => {
    await page.goto(site.url('/frames.html'));
    const frame = page.frame({ url: /frame-inner/ });
    if (!frame) throw new Error('no frame');
    await frame.getByText('+380 44 123 45 67').waitFor();
    const pstn = answerCalls({ calls: 1 });
    await pstn.ready;
    await pointAt(page, '+380 44 123 45 67', frame);
    await frame.getByRole('button', { name: /^Call \+380 44 123 4567$|^Call \+380 44 123 45 67$/ }).click();
    const popup = page.getByRole('dialog', { name: 'Outgoing call' });
    await popup.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 15_000 });
    await popup.getByRole('button', { name: 'Hang up' }).click();
    expect((await pstn.done).inviteTargets[0]).toBe('+380441234567');
  });

  it('leaves pages that opt out of phone detection alone, but their tel: links still dial', async () => {
    await page.goto(site.url('/opt-out.html'));
    await page.waitForTimeout(500);
    await expectNoCall('+1 212 555 0199');
    const pstn = answerCalls({ calls: 1 });
    await pstn.ready;
    await page.getByRole('link', { name: 'Call support' }).click();
    const popup = page.getByRole('dialog', { name: 'Outgoing call' });
    await popup.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 15_000 });
    await popup.getByRole('button', { name: 'Hang up' }).click();
    expect((await pstn.done).inviteTargets[0]).toBe('+12125550142');
  });
});

describe('click-to-call and the page', () => {
  it('ignores clicks the page makes up: only a person’s click dials', async () => {
    await page.goto(site.url('/crm-table.html'));
    const before = (await storedCalls(ext)).length;
    await pointAt(page, '+7 (495) 123-45-67');
    await callButton(page, /^Call \+7 495 123.45.67$/).waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('cti-number-actions')?.shadowRoot;
      root?.querySelector<HTMLButtonElement>('button[aria-label^="Call"]')?.click();
      // Keeps the browser from following the link itself; the extension's own listener runs first.
      addEventListener('click', (e) => e.preventDefault(), { once: true });
      document
        .querySelector<HTMLAnchorElement>('a[href^="tel:"]')
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await page.waitForTimeout(1500);
    expect((await engineState(ext)).calls.filter((c) => c.phase !== 'ended')).toEqual([]);
    expect((await storedCalls(ext)).length).toBe(before);
  });
});
