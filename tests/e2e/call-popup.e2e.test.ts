import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/browser';
import { evaluateInContentWorld } from '../support/content-world';
import { serveCrm } from '../support/crm-server';
import { launchRegistered, nextEndedCall, openFrontPage, storedCalls } from '../support/extension';
import { callAgent, LAB } from '../support/lab';

// The in-page pop-up is a module of its own, imported by the content script on the first call.
const agent = LAB.agents[1]!;
let ext: ExtensionBrowser;
let crm: Awaited<ReturnType<typeof serveCrm>>;
let page: Page;

beforeAll(async () => {
  crm = await serveCrm();
  ext = await launchRegistered(agent);
  page = await openFrontPage(ext, crm.url);
});
afterAll(async () => {
  await ext?.close();
  await crm?.close();
});

const popupLoaded = () =>
  evaluateInContentWorld(page, ext.extensionId, "typeof globalThis.__ctiCallPopup === 'function'");

describe('the in-page call pop-up', () => {
  it('is not loaded into a page that has not shown a call', async () => {
    // The content script runs (its world exists) but has not imported the pop-up module.
    expect(await popupLoaded()).toBe(false);
    expect(await page.locator('cti-call-popup').count()).toBe(0);
  });

  it('works on a page whose Content-Security-Policy forbids every script and style', async () => {
    await page.goto(crm.lockedDownUrl);
    const before = (await storedCalls(ext)).length;
    const run = callAgent({ agent: agent.user, callerNumber: '74951112233', talkSeconds: 2, hangup: 'caller' });
    const dialog = page.getByRole('dialog', { name: 'Incoming call' });
    await dialog.waitFor({ timeout: 15_000 });
    expect(await popupLoaded()).toBe(true);
    // Styled despite `style-src 'none'`: a fixed card in the corner, not bare text in the flow.
    const look = await dialog.evaluate((el) => {
      const floating = el.parentElement!;
      return { position: getComputedStyle(floating).position, background: getComputedStyle(el).backgroundColor };
    });
    expect(look).toEqual({ position: 'fixed', background: 'rgb(255, 255, 255)' });
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await dialog.getByText(/^Connected \d+:\d\d$/).waitFor({ timeout: 10_000 });
    const result = await run.done;
    expect(result.ok, result.stderrTail).toBe(true);
    expect(await nextEndedCall(ext, before)).toMatchObject({ outcome: 'answered', remoteNumber: '74951112233' });
  });
});
