import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { EngineApi } from '../../lib/engine/api';
import { runEngineCommand } from '../../lib/engine/dispatch';
import { toOffscreenSchema } from '../../lib/protocol/offscreen';
import { senderKind } from '../../lib/protocol/sender';
import { replyAsync } from '../../lib/protocol/reply';
import { appLog } from '../../lib/log/app-log';

const log = appLog.scope('offscreen-channel');

/** Answers the background's commands; anything else, or from anyone else, is ignored. */
export function serveEngine(engine: EngineApi): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
    if (!isForOffscreen(raw)) return undefined;
    const kind = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (kind !== 'background') {
      log.warn(`rejected a command from ${kind}`);
      return undefined;
    }
    const parsed = z.safeParse(toOffscreenSchema, raw);
    if (!parsed.success) {
      log.warn(`rejected a malformed command: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      return undefined;
    }
    return replyAsync(() => runEngineCommand(engine, parsed.data), sendResponse);
  });
}

function isForOffscreen(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { target?: unknown }).target === 'offscreen';
}
