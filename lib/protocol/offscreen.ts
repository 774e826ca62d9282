import * as z from 'zod/mini';
import { sipAccountSchema } from '../settings/schema';
import { engineStateSchema } from '../engine/state';
import { countryCodeSchema } from '../phone/countries';
import { dialRulesSchema } from '../phone/dial-rules';

/**
 * Background ↔ offscreen engine. The background sends commands (`target: 'offscreen'`), the
 * engine answers each and pushes state snapshots (`target: 'background'`). Offscreen documents
 * only have `runtime`, so the background hands them the account with each `configure`.
 */
const id = z.string().check(z.minLength(1), z.maxLength(64));
const to = z.literal('offscreen');

export const toOffscreenSchema = z.discriminatedUnion('type', [
  z.object({ target: to, type: z.literal('configure'), account: z.nullable(sipAccountSchema) }),
  z.object({ target: to, type: z.literal('dial'), number: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ target: to, type: z.literal('answer'), callId: id }),
  z.object({ target: to, type: z.literal('reject'), callId: id }),
  z.object({ target: to, type: z.literal('hangup'), callId: id }),
  z.object({ target: to, type: z.literal('getState') }),
  z.object({ target: to, type: z.literal('prepareCall') }),
  z.object({ target: to, type: z.literal('getStats'), callId: id }),
  z.object({ target: to, type: z.literal('testConnection'), account: sipAccountSchema }),
  // ---- journal (issue 6): how stored numbers become E.164 (home country and dialling rules).
  z.object({ target: to, type: z.literal('numbering'), country: countryCodeSchema, dialRules: dialRulesSchema }),
]);
/** A command for the engine. */
export type ToOffscreen = z.infer<typeof toOffscreenSchema>;

export const fromOffscreenSchema = z.discriminatedUnion('type', [
  z.object({ target: z.literal('background'), type: z.literal('ready') }),
  z.object({ target: z.literal('background'), type: z.literal('state'), state: engineStateSchema }),
]);

// Pages and content scripts import the dial reply without this file's account schema (and classic zod).
export { dialReplySchema, type DialReply } from './dial-reply';
