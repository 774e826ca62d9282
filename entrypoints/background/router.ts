import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { PAGE_ENGINE_COMMANDS, runEngineCommand } from '../../lib/engine/dispatch';
import { appLog } from '../../lib/log/app-log';
import { fromContentSchema, type FromContent } from '../../lib/protocol/content';
import { fromOffscreenSchema } from '../../lib/protocol/offscreen';
import { pageRequestSchema, type PageRequest } from '../../lib/protocol/pages';
import { replyAsync } from '../../lib/protocol/reply';
import { senderKind } from '../../lib/protocol/sender';
import type { Hub } from './setup';
import { loadSettings, saveAccount } from './settings-store';

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
  if (kind === 'content' && sender.tab?.id !== undefined && sender.frameId === 0) {
    const msg = z.safeParse(fromContentSchema, raw);
    if (!msg.success) return reject(kind, msg.error);
    const tabId = sender.tab.id;
    return replyAsync(() => content(hub, tabId, msg.data), sendResponse);
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
  if (isEngineCommand(msg)) return runEngineCommand(hub.engine, msg);
  switch (msg.type) {
    case 'getState':
      return hub.state();
    case 'getAccount':
      return (await loadSettings()).settings.account;
    case 'saveAccount':
      await saveAccount(msg.account);
      await hub.configureEngine();
      return { ok: true };
  }
}

function isEngineCommand(
  msg: PageRequest,
): msg is Extract<PageRequest, { type: (typeof PAGE_ENGINE_COMMANDS)[number] }> {
  return (PAGE_ENGINE_COMMANDS as readonly string[]).includes(msg.type);
}

async function content(hub: Hub, tabId: number, msg: FromContent): Promise<unknown> {
  // After a service-worker restart, what is shown where is known only once start-up is done.
  await hub.ready;
  if (msg.type === 'hello') return hub.display.hello(tabId);
  // A page may only act on the call its pop-up shows; clicks are checked as trusted in the page.
  if (!hub.display.mayAct(tabId, msg.callId)) {
    log.warn(`tab ${tabId} tried to ${msg.type} a call it does not show`);
    return { ok: false };
  }
  await hub.engine[msg.type](msg.callId);
  return { ok: true };
}
