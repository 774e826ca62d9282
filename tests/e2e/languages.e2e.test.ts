import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/browser';
import { serveCrm } from '../support/crm-server';
import { badge, openFrontPage, pageRequest, waitFor } from '../support/extension';
import { cancelCall, LAB } from '../support/lab';

// Every page, and the in-page pop-up, in Russian and in Polish: translated, and not one string
// left in English. Screenshots of each go to .e2e-artifacts/<language>/.
type Messages = Record<string, { message: string }>;
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, '.e2e-artifacts');
const agent = LAB.agents[4]!;
const load = async (lang: string) =>
  JSON.parse(await readFile(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;

/**
 * What in `text` betrays a missing translation: a message key (what `t()` shows for a missing
 * one), or an English message that the language translates differently.
 */
function untranslated(text: string, en: Messages, local: Messages): string[] {
  const found: string[] = [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [key, { message }] of Object.entries(en)) {
    // camelCase or prefixed keys (`fieldWsServer`, `end_busy_here`) never read as words.
    if (/[A-Z_]/.test(key) && new RegExp(`\\b${key}\\b`).test(text)) found.push(key);
    if (local[key]?.message === message) continue;
    const literal = message
      .split(/\$[a-z0-9_]+\$/i)
      .sort((a, b) => b.length - a.length)[0]!
      .trim();
    if (literal.length >= 4 && new RegExp(`(^|[^\\p{L}])${escape(literal)}($|[^\\p{L}])`, 'u').test(text)) {
      found.push(literal);
    }
  }
  return found;
}

/** The visible text of a page, including the open shadow roots the extension draws in (not their CSS). */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const host of document.querySelectorAll('*')) {
      for (const child of host.shadowRoot?.children ?? []) {
        if (child instanceof HTMLElement && child.localName !== 'style') parts.push(child.innerText);
      }
    }
    return parts.join('\n');
  });

for (const lang of ['ru', 'pl']) {
  describe(`in ${lang === 'ru' ? 'Russian' : 'Polish'}`, () => {
    let ext: ExtensionBrowser;
    let crm: Awaited<ReturnType<typeof serveCrm>>;
    let en: Messages;
    let local: Messages;
    const shot = async (page: Page, name: string) => {
      await mkdir(join(SHOTS, lang), { recursive: true });
      await page.screenshot({ path: join(SHOTS, lang, `${name}.png`), fullPage: true });
    };
    const expectTranslated = async (page: Page, name: string) => {
      await shot(page, name);
      expect(untranslated(await visibleText(page), en, local), `${lang} ${name}`).toEqual([]);
    };

    beforeAll(async () => {
      [en, local] = await Promise.all([load('en'), load(lang)]);
      crm = await serveCrm();
      ext = await launchExtension({ lang });
    });
    afterAll(async () => {
      await ext?.close();
      await crm?.close();
    });

    it('shows the setup, settings and dialer pages translated', async () => {
      const onboarding = await waitFor(
        () => Promise.resolve(ext.context.pages().find((p) => p.url().endsWith('/onboarding.html'))),
        Boolean,
        15_000,
        'the onboarding tab',
      );
      await onboarding!.getByRole('heading', { name: local.onboardingTitle!.message }).waitFor();
      await expectTranslated(onboarding!, 'onboarding');

      const options = await ext.openPage('options.html');
      await options
        .getByRole('button', { name: local.save!.message, exact: true })
        .and(options.locator(':enabled'))
        .waitFor();
      await options.getByLabel(local.fieldWsServer!.message).waitFor();
      expect(await options.title()).toBe(local.settingsTitle!.message);
      await expectTranslated(options, 'options');
      await options.close();

      const popup = await ext.openPage('popup.html');
      await popup.getByRole('textbox', { name: local.numberLabel!.message }).waitFor();
      await popup.getByText(local.statusUnconfigured!.message).waitFor();
      await expectTranslated(popup, 'popup');
      await popup.close();
    });

    it('rings on a web page with the pop-up translated', async () => {
      await pageRequest(ext, {
        type: 'saveAccount',
        account: {
          wsServer: LAB.wsServer,
          sipUri: agent.sipUri,
          authUser: '',
          password: agent.password,
          displayName: '',
          iceServers: [],
        },
      });
      await waitFor(
        () => badge(ext),
        (b) => b.text === 'ON',
        15_000,
        'registration',
      );
      const page = await openFrontPage(ext, crm.url);
      const run = cancelCall({ agent: agent.user, callerNumber: '74951234567', ringMs: 3000 });
      const dialog = page.getByRole('dialog', { name: local.incomingCall!.message });
      await dialog.waitFor({ timeout: 15_000 });
      await dialog.getByRole('button', { name: local.accept!.message }).waitFor();
      await dialog.getByRole('button', { name: local.reject!.message }).waitFor();
      await dialog.getByText(local.phaseIncoming!.message).waitFor();
      await expectTranslated(page, 'call-popup');
      await page.getByRole('dialog', { name: local.missedCall!.message }).waitFor({ timeout: 10_000 });
      expect((await run.done).ok).toBe(true);
    });
  });
}
