import type { MetadataJson } from 'libphonenumber-js/core';
import { browser } from 'wxt/browser';
import type { EngineApi } from '../../lib/engine/api';
import { appLog } from '../../lib/log/app-log';
import { createPhoneKit, type PhoneKit } from '../../lib/phone/kit';
import type { FoundNumber, ScanConfig, ToContent } from '../../lib/protocol/content';
import type { DialReply } from '../../lib/protocol/offscreen';
import type { Settings } from '../../lib/settings/schema';
import { hostOf, isClickToCallOn } from '../../lib/settings/sites';
import { loadSettings } from './settings-store';

const log = appLog.scope('click-to-call');

/** The metadata file copied into the build by wxt.config.ts (see lib/phone/metadata-choice.ts). */
export const METADATA_PATH = '/phone-metadata.json';
/** Longest stretch of matching before the background yields to other events (calls first). */
const SLICE_MS = 8;

/**
 * Click-to-call in the background: which pages scan, matching the texts they send (the phone
 * metadata is loaded once, here, on the first page that has candidates, and never in pages), and
 * dialling what the agent clicked through the dialling rules.
 */
export class ClickToCall {
  private kit: Promise<PhoneKit> | undefined;
  private settings: Promise<Settings> | undefined;

  constructor(private readonly engine: EngineApi) {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && 'settings' in changes) this.settings = undefined;
    });
  }

  /** The scanner configuration for a page of the tab at `tabUrl` (frames follow their tab). */
  async configFor(tabUrl: string | undefined): Promise<ScanConfig> {
    const { clickToCall } = await this.current();
    const host = tabUrl ? hostOf(tabUrl) : null;
    return { enabled: host !== null && isClickToCallOn(clickToCall, host), country: clickToCall.defaultCountry };
  }

  /** Numbers in each text, in order; yields between slices so call events are never held up. */
  async find(texts: readonly string[]): Promise<FoundNumber[][]> {
    const [kit, { clickToCall }] = await Promise.all([this.phoneKit(), this.current()]);
    const country = clickToCall.defaultCountry;
    const results: FoundNumber[][] = [];
    let sliceStart = performance.now();
    for (const text of texts) {
      results.push(
        kit.findPhoneNumbers(text, { defaultCountry: country }).map((m) => ({
          start: m.start,
          end: m.end,
          e164: m.e164,
          display: kit.formatInternational(m.e164),
          ...(m.extension ? { extension: m.extension } : {}),
        })),
      );
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
    return results;
  }

  /** Dials a typed or clicked number (E.164, a link's number, an extension) by the dialling rules. */
  async dial(number: string): Promise<DialReply> {
    const settings = await this.current();
    const kit = await this.phoneKit().catch((e: unknown) => {
      // Without metadata the rules cannot apply, but the agent can still call the number as written.
      log.error(String(e));
      return null;
    });
    if (!kit) return this.engine.dial(number);
    const dial = kit.toDialString(number, settings.dialRules, settings.clickToCall.defaultCountry);
    if (!dial.ok) return { ok: false, error: dial.error };
    return this.engine.dial(dial.dial);
  }

  /** Loads settings and phone metadata ahead of a dial (the agent is typing a number). */
  warm(): void {
    void Promise.all([this.current(), this.phoneKit()]).catch((e: unknown) => log.warn(String(e)));
  }

  /** Sends every open web tab (all frames) its new configuration. */
  async broadcast(): Promise<void> {
    this.settings = undefined;
    const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
    await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined) return;
        const message: ToContent = { type: 'scanConfig', config: await this.configFor(tab.url) };
        // Tabs without our content script (opened before install, discarded) have no receiver.
        await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
      }),
    );
  }

  private current(): Promise<Settings> {
    this.settings ??= loadSettings().then((r) => r.settings);
    return this.settings;
  }

  /** The phone kit over the fetched metadata (loaded once; the journal and CRM lookups share it). */
  phoneKit(): Promise<PhoneKit> {
    this.kit ??= fetch((browser.runtime.getURL as (path: string) => string)(METADATA_PATH))
      .then(async (response) => createPhoneKit((await response.json()) as MetadataJson))
      .catch((e: unknown) => {
        this.kit = undefined;
        throw new Error(`phone metadata did not load: ${String(e)}`);
      });
    return this.kit;
  }
}
