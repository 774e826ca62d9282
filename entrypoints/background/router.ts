import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { PAGE_ENGINE_COMMANDS, runEngineCommand } from '../../lib/engine/dispatch';
import { appLog } from '../../lib/log/app-log';
import { fromContentSchema, type FoundNumbersReply, type FromContent } from '../../lib/protocol/content';
import { fromContentCrmSchema, type FromContentCrm } from '../../lib/protocol/content-crm';
import { fromOffscreenSchema } from '../../lib/protocol/offscreen';
import { pageRequestSchema, type PageRequest, type PhoneSettings } from '../../lib/protocol/pages';
import { replyAsync } from '../../lib/protocol/reply';
import { senderKind } from '../../lib/protocol/sender';
import type { Settings } from '../../lib/settings/schema';
import type { Hub } from './setup';
import {
  loadSettings,
  saveAccount,
  saveClickToCall,
  saveDialRules,
  saveJournalSettings,
  saveRecording,
  saveSiteEnabled,
} from './settings-store';
import { crmPageRequest, isCrmAction, isCrmPageRequest, runCrmAction } from './crm/crm-router';

const log = appLog.scope('router');

/**
 * The background's one `runtime.onMessage` listener: each sender kind has its own schema, and a
 * message that does not match its sender's schema is rejected and logged.
 */
export function handleMessage(
  hub: Hub,
  raw: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (r: unknown) => void,
): true | undefined {
  if ((raw as { target?: unknown } | null)?.target !== 'background') return undefined;
  const kind = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (kind === 'offscreen') {
    const msg = z.safeParse(fromOffscreenSchema, raw);
    if (!msg.success) return reject(kind, msg.error);
    if (msg.data.type === 'ready') void hub.configureEngine().catch((e: unknown) => log.error(String(e)));
    else hub.setState(msg.data.state);
    return undefined;
  }
  if (kind === 'extension-page') {
    const msg = z.safeParse(pageRequestSchema, raw);
    if (!msg.success) return reject(kind, msg.error);
    return replyAsync(() => page(hub, msg.data), sendResponse);
  }
  if (kind === 'content' && sender.tab?.id !== undefined) {
    const msg = isCrmType(raw) ? z.safeParse(fromContentCrmSchema, raw) : z.safeParse(fromContentSchema, raw);
    if (!msg.success) return reject(kind, msg.error);
    const from: ContentSender = {
      tabId: sender.tab.id,
      topFrame: sender.frameId === 0,
      tabActive: sender.tab.active,
      tabUrl: sender.tab.url,
    };
    return replyAsync(() => content(hub, from, msg.data), sendResponse);
  }
  log.warn(`rejected a message from ${kind}`);
  return undefined;
}

function reject(kind: string, error: z.core.$ZodError): undefined {
  log.warn(
    `rejected a malformed message from ${kind}: ${error.issues.map((i) => i.path.join('.') || i.code).join(', ')}`,
  );
  return undefined;
}

async function page(hub: Hub, msg: PageRequest): Promise<unknown> {
  await hub.ready;
  // Typed numbers follow the same dialling rules as clicked ones; typing warms them up.
  if (msg.type === 'dial') return hub.clickToCall.dial(msg.number);
  if (msg.type === 'prepareCall') hub.clickToCall.warm();
  if (isEngineCommand(msg)) return runEngineCommand(hub.engine, msg);
  if (isCrmAction(msg)) return runCrmAction(hub.crm, msg);
  if (isCrmPageRequest(msg)) return crmPageRequest(hub.crmPages, msg);
  switch (msg.type) {
    case 'getState':
      return hub.state();
    case 'getAccount':
      return (await loadSettings()).settings.account;
    case 'saveAccount':
      await saveAccount(msg.account);
      await hub.configureEngine();
      return { ok: true };
    case 'getPhoneSettings':
      return phoneSettings((await loadSettings()).settings);
    case 'saveClickToCall':
      return afterPhoneSave(hub, await saveClickToCall(msg.clickToCall));
    case 'saveDialRules':
      return afterPhoneSave(hub, await saveDialRules(msg.dialRules));
    case 'setSiteEnabled':
      return afterPhoneSave(hub, await saveSiteEnabled(msg.host, msg.enabled));
    // ---- journal (issue 6)
    case 'getJournalSettings':
      return (await loadSettings()).settings.journal;
    case 'saveJournalSettings':
      return (await saveJournalSettings(msg.journal)).journal;
    case 'saveRecording':
      await saveRecording(msg.recording);
      await hub.configureEngine();
      return { ok: true };
    case 'setReminder':
      return hub.journal.setReminder(msg.reminder);
    case 'cancelReminder':
      return hub.journal.cancelReminder(msg.id);
    case 'listReminders':
      return hub.journal.listReminders();
  }
}

/** Open tabs pick up the saved settings; the page gets them back as stored (normalised). */
async function afterPhoneSave(hub: Hub, saved: Settings): Promise<PhoneSettings> {
  await hub.scanConfigChanged();
  return phoneSettings(saved);
}

/** What pages may read of the settings: never the account (`getAccount` is the options form's). */
function phoneSettings({ clickToCall, dialRules }: Settings): PhoneSettings {
  return { clickToCall, dialRules };
}

function isEngineCommand(
  msg: PageRequest,
): msg is Extract<PageRequest, { type: (typeof PAGE_ENGINE_COMMANDS)[number] }> {
  return (PAGE_ENGINE_COMMANDS as readonly string[]).includes(msg.type);
}

/** What the router knows of a content script's sender. */
interface ContentSender {
  tabId: number;
  /** The top frame: only it shows the call pop-up and acts on calls. */
  topFrame: boolean;
  tabActive: boolean;
  tabUrl: string | undefined;
}

/** CRM actions travel in their own schema (lib/protocol/content-crm.ts). */
function isCrmType(raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('crm');
}

async function content(hub: Hub, from: ContentSender, msg: FromContent | FromContentCrm): Promise<unknown> {
  // After a service-worker restart, what is shown where is known only once start-up is done.
  await hub.ready;
  switch (msg.type) {
    case 'scanConfig':
      return hub.clickToCall.configFor(from.tabUrl);
    case 'findNumbers':
      return { results: await hub.clickToCall.find(msg.texts) } satisfies FoundNumbersReply;
    case 'dial':
      // The page checked the click was trusted; a tab in the background cannot dial at all.
      if (!from.tabActive) {
        log.warn(`tab ${from.tabId} tried to dial while not active`);
        return { ok: false, error: 'errNotActiveTab' };
      }
      return hub.clickToCall.dial(msg.number);
  }
  if (!from.topFrame) {
    log.warn(`a frame of tab ${from.tabId} sent ${msg.type}`);
    return { ok: false };
  }
  if (msg.type === 'hello') return hub.display.hello(from.tabId);
  // A page may only act on the call its pop-up shows; clicks are checked as trusted in the page.
  if (!hub.display.mayAct(from.tabId, msg.callId)) {
    log.warn(`tab ${from.tabId} tried to ${msg.type} a call it does not show`);
    return { ok: false };
  }
  if (isCrmAction(msg)) return runCrmAction(hub.crm, msg);
  await hub.engine[msg.type](msg.callId);
  return { ok: true };
}
