import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../lib/settings/schema';
import { launchExtension, type ExtensionBrowser } from '../support/browser';
import { serveCrm } from '../support/crm-server';
import { openFrontPage } from '../support/extension';

// No PBX needed: these are settings. The profile's languages are Polish (what
// `navigator.languages` reports), so the default country must be guessed as Poland.
let ext: ExtensionBrowser;
let crm: Awaited<ReturnType<typeof serveCrm>>;
let profile: string;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'cti-settings-'));
  await mkdir(join(profile, 'Default'));
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ intl: { accept_languages: 'pl-PL,pl' } }));
  crm = await serveCrm();
  ext = await launchExtension({ userDataDir: profile });
});

afterAll(async () => {
  await ext?.close();
  await crm?.close();
  await rm(profile, { recursive: true, force: true });
});

/** The options page once the saved phone settings have loaded (the Save buttons enable then). */
async function openOptions(): Promise<Page> {
  const page = await ext.openPage('options.html');
  await page.getByRole('button', { name: 'Save click-to-call settings' }).and(page.locator(':enabled')).waitFor();
  await page.getByRole('button', { name: 'Save dialling rules' }).and(page.locator(':enabled')).waitFor();
  return page;
}

const clickToCall = (page: Page) => page.getByRole('region', { name: 'Click-to-call' });
const dialRules = (page: Page) => page.getByRole('region', { name: 'Dialling rules' });
const country = (page: Page) => clickToCall(page).getByLabel('Default country', { exact: true });
const selectedText = (page: Page) => country(page).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);

/** The settings in storage.local (undefined until something is saved), read through the service worker. */
async function stored(): Promise<Pick<Settings, 'clickToCall' | 'dialRules'> | undefined> {
  const sw = await ext.worker();
  return sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Settings | undefined);
}

describe('the click-to-call section of the options page', () => {
  it('shows the defaults, with the country guessed from the browser languages', async () => {
    const page = await openOptions();
    const section = clickToCall(page);
    expect(await country(page).inputValue()).toBe('PL');
    expect(await selectedText(page)).toBe('Poland');
    expect(
      await section.getByRole('checkbox', { name: 'Turn phone numbers on web pages into call links' }).isChecked(),
    ).toBe(true);
    expect(await section.getByRole('radio', { name: 'On all sites except the blocked ones' }).isChecked()).toBe(true);
    expect(await section.getByLabel('Blocked sites', { exact: true }).inputValue()).toBe('');
    await page.close();
  });

  it('names a bad site line in words and saves nothing', async () => {
    const page = await openOptions();
    const section = clickToCall(page);
    await country(page).selectOption('DE');
    await section.getByLabel('Blocked sites', { exact: true }).fill('crm.example.com\n\nhttp://x');
    await section.getByRole('button', { name: 'Save click-to-call settings' }).click();
    await section
      .getByText('Line 3: “http://x” is not a site. Write a host such as crm.example.com or *.example.com.', {
        exact: true,
      })
      .waitFor();
    await section.getByRole('status').getByText('Some fields need fixing').waitFor();
    expect(await section.getByLabel('Blocked sites', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toBeUndefined();
    await page.close();

    const reloaded = await openOptions();
    expect(await clickToCall(reloaded).getByLabel('Blocked sites', { exact: true }).inputValue()).toBe('');
    expect(await country(reloaded).inputValue()).toBe('PL');
    await reloaded.close();
  });

  it('saves valid settings, tidied, and they survive a reload', async () => {
    const page = await openOptions();
    const section = clickToCall(page);
    await country(page).selectOption('DE');
    await section.getByRole('radio', { name: 'Only on the allowed sites' }).check();
    await section.getByLabel('Blocked sites', { exact: true }).fill('*.Bank.example\nhr.example.com\nhr.example.com');
    await section.getByLabel('Allowed sites', { exact: true }).fill(' crm.example.com ');
    await section.getByRole('button', { name: 'Save click-to-call settings' }).click();
    await section.getByRole('status').getByText('Saved.', { exact: true }).waitFor();
    expect(await section.getByLabel('Blocked sites', { exact: true }).inputValue()).toBe(
      '*.bank.example\nhr.example.com',
    );
    await page.close();

    const reloaded = await openOptions();
    const again = clickToCall(reloaded);
    expect(await selectedText(reloaded)).toBe('Germany');
    expect(await again.getByRole('radio', { name: 'Only on the allowed sites' }).isChecked()).toBe(true);
    expect(await again.getByLabel('Blocked sites', { exact: true }).inputValue()).toBe(
      '*.bank.example\nhr.example.com',
    );
    expect(await again.getByLabel('Allowed sites', { exact: true }).inputValue()).toBe('crm.example.com');
    await reloaded.close();
  });
});

describe('the dialling rules section of the options page', () => {
  it('shows what a sample number becomes, as the rules are typed', async () => {
    const page = await openOptions();
    const section = dialRules(page);
    // The default country is Germany now (saved above), so the sample is a foreign number.
    await section.getByText('+7 495 123-45-67 will be dialled as +74951234567', { exact: true }).waitFor();
    await section.getByLabel('Outside line prefix').fill('9');
    await section.getByText('+7 495 123-45-67 will be dialled as 9+74951234567', { exact: true }).waitFor();
    await section.getByLabel('How numbers are sent to the PBX').selectOption('idd');
    await section.getByText('+7 495 123-45-67 will be dialled as 90074951234567', { exact: true }).waitFor();
    expect(await section.getByLabel('How numbers are sent to the PBX').locator('option:checked').textContent()).toBe(
      "With the default country's international prefix (00, 810, 011…): +44 20 7946 0958 is sent as 00442079460958",
    );
    // Nothing was saved: the example is only a preview.
    expect((await stored())?.dialRules.outsideLinePrefix).toBe('');
    await page.close();
  });

  it('says what is wrong with a field, then saves valid rules', async () => {
    const page = await openOptions();
    const section = dialRules(page);
    const prefix = section.getByLabel('Outside line prefix');
    await prefix.fill('9a');
    await section.getByLabel('Longest internal extension (digits)').fill('12');
    await section.getByRole('button', { name: 'Save dialling rules' }).click();
    await section.getByText('Use at most 4 digits, * or #, for example 9, or leave it empty.').waitFor();
    await section.getByText('Use a whole number from 0 to 8.').waitFor();
    expect(await prefix.getAttribute('aria-invalid')).toBe('true');

    await prefix.fill('9');
    await section.getByLabel('Longest internal extension (digits)').fill('4');
    await section.getByLabel('How numbers are sent to the PBX').selectOption('digits');
    await section.getByRole('button', { name: 'Save dialling rules' }).click();
    await section.getByRole('status').getByText('Saved.', { exact: true }).waitFor();
    await page.close();

    const reloaded = await openOptions();
    const again = dialRules(reloaded);
    expect(await again.getByLabel('Outside line prefix').inputValue()).toBe('9');
    expect(await again.getByLabel('Longest internal extension (digits)').inputValue()).toBe('4');
    expect(await again.getByLabel('How numbers are sent to the PBX').inputValue()).toBe('digits');
    // Saving the rules kept the click-to-call settings.
    expect(await country(reloaded).inputValue()).toBe('DE');
    await reloaded.close();
  });
});

describe('the popup’s switch for the current site', () => {
  /** Opens the popup for the CRM tab: it reads the active tab when it loads. */
  async function openPopup(front: Page): Promise<Page> {
    const popup = await ext.context.newPage();
    await front.bringToFront();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.getByRole('heading', { name: 'CTI Phone' }).waitFor({ state: 'attached' });
    await popup.getByRole('button', { name: 'Call' }).waitFor({ state: 'attached' });
    await popup.bringToFront();
    return popup;
  }

  async function saveSiteMode(mode: string, enabled: boolean): Promise<void> {
    const page = await openOptions();
    const section = clickToCall(page);
    await section.getByRole('radio', { name: mode }).check();
    await section
      .getByRole('checkbox', { name: 'Turn phone numbers on web pages into call links' })
      .setChecked(enabled);
    await section.getByLabel('Blocked sites', { exact: true }).fill('');
    await section.getByRole('button', { name: 'Save click-to-call settings' }).click();
    await section.getByRole('status').getByText('Saved.', { exact: true }).waitFor();
    await page.close();
  }

  it('blocks the site of the active tab, which the options page then lists', async () => {
    await saveSiteMode('On all sites except the blocked ones', true);
    const front = await openFrontPage(ext, crm.url);
    const popup = await openPopup(front);
    const toggle = popup.getByRole('checkbox', { name: 'Click-to-call on 127.0.0.1' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(async () => (await stored())?.clickToCall.blockedSites).toEqual(['127.0.0.1']);
    await popup.close();

    const options = await openOptions();
    expect(await clickToCall(options).getByLabel('Blocked sites', { exact: true }).inputValue()).toBe('127.0.0.1');
    await options.close();

    const again = await openPopup(front);
    const toggleAgain = again.getByRole('checkbox', { name: 'Click-to-call on 127.0.0.1' });
    await toggleAgain.waitFor();
    expect(await toggleAgain.isChecked()).toBe(false);
    await toggleAgain.check();
    await expect.poll(async () => (await stored())?.clickToCall.blockedSites).toEqual([]);
    await again.close();
  });

  it('is disabled, and says why, when click-to-call is off everywhere', async () => {
    await saveSiteMode('On all sites except the blocked ones', false);
    const front = await openFrontPage(ext, crm.url);
    const popup = await openPopup(front);
    const toggle = popup.getByRole('checkbox', { name: 'Click-to-call on 127.0.0.1' });
    await toggle.waitFor();
    expect(await toggle.isDisabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await popup.getByText('Click-to-call is switched off for all sites. Turn it on in Settings.').waitFor();
    await popup.close();
  });

  it('is not shown for a page that is not a web page', async () => {
    const options = await openOptions();
    const popup = await openPopup(options);
    await popup.getByRole('button', { name: 'Call' }).waitFor();
    // Give the switch the time it takes to appear on a web page (it never should here).
    await popup.waitForTimeout(500);
    expect(await popup.getByRole('checkbox').count()).toBe(0);
    await popup.close();
    await options.close();
  });
});
