import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { EngineApi } from '../../lib/engine/api';
import { callStatsSchema, engineStateSchema, testResultSchema } from '../../lib/engine/state';
import { dialReplySchema, type ToOffscreen } from '../../lib/protocol/offscreen';
import { replyFailure } from '../../lib/protocol/reply';
import { OFFSCREEN_PATH } from '../../lib/protocol/sender';

type Command = ToOffscreen extends infer T ? (T extends { target: 'offscreen' } ? Omit<T, 'target'> : never) : never;

let creating: Promise<void> | undefined;

/** True when our offscreen document exists. */
async function hasOffscreen(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  return contexts.length > 0;
}

/** Creates the offscreen document unless it exists; concurrent callers share one creation. */
export async function ensureOffscreen(): Promise<void> {
  if (await hasOffscreen()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH.slice(1),
      reasons: ['WEB_RTC', 'USER_MEDIA', 'AUDIO_PLAYBACK'],
      justification: 'Runs the SIP phone: WebSocket to the PBX, WebRTC calls, microphone and ringtone.',
    })
    .catch((e: unknown) => {
      // Another caller may have created it between our check and now.
      if (!String(e).includes('single offscreen')) throw e;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** The engine in the offscreen document, reached by messages; replies are validated. */
export function offscreenEngine(): EngineApi {
  async function send<T>(cmd: Command, schema: z.ZodMiniType<T>): Promise<T> {
    const msg = { ...cmd, target: 'offscreen' };
    let reply: unknown;
    try {
      // The document is almost always there: ask for it only when nobody answered.
      reply = await browser.runtime.sendMessage(msg);
    } catch {
      await ensureOffscreen();
      reply = await browser.runtime.sendMessage(msg);
    }
    const failure = replyFailure(reply);
    if (failure !== undefined) throw new Error(`engine: ${failure}`);
    return z.parse(schema, reply);
  }
  const none = z.null();
  return {
    configure: async (account) => void (await send({ type: 'configure', account }, none)),
    dial: (number) => send({ type: 'dial', number }, dialReplySchema),
    answer: async (callId) => void (await send({ type: 'answer', callId }, none)),
    reject: async (callId) => void (await send({ type: 'reject', callId }, none)),
    hangup: async (callId) => void (await send({ type: 'hangup', callId }, none)),
    getState: () => send({ type: 'getState' }, engineStateSchema),
    prepareCall: async () => void (await send({ type: 'prepareCall' }, none)),
    getStats: (callId) => send({ type: 'getStats', callId }, z.nullable(callStatsSchema)),
    testConnection: (account) => send({ type: 'testConnection', account }, testResultSchema),
  };
}
