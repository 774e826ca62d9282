import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { EngineApi } from '../../lib/engine/api';
import { runEngineCommand } from '../../lib/engine/dispatch';
import { toOffscreenSchema, type ToOffscreen } from '../../lib/protocol/offscreen';
import { senderKind } from '../../lib/protocol/sender';
import { replyAsync } from '../../lib/protocol/reply';
import { appLog } from '../../lib/log/app-log';

const log = appLog.scope('offscreen-channel');

/** Commands for the offscreen document that are not the engine's (each feature handles its own). */
export interface OffscreenExtras {
  /** The journal's numbering changed (issue 6). */
  numbering?(n: Extract<ToOffscreen, { type: 'numbering' }>): void;
}

/** Answers the background's commands; anything else, or from anyone else, is ignored. */
export function serveEngine(engine: EngineApi, extras: OffscreenExtras = {}): void {
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
    const cmd = parsed.data;
    if (cmd.type === 'numbering') {
      extras.numbering?.(cmd);
      sendResponse(null);
      return undefined;
    }
    return replyAsync(() => runEngineCommand(engine, cmd), sendResponse);
  });
}

function isForOffscreen(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { target?: unknown }).target === 'offscreen';
}
