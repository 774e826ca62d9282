import * as z from 'zod/mini';
import { dialRulesSchema } from '../phone/dial-rules';
import {
  clickToCallSchema,
  crmSettingsDraftSchema,
  journalSettingsSchema,
  recordingSchema,
  siteHostSchema,
  sipAccountSchema,
} from '../settings/schema';
import { crmActionSchemas } from './crm';

/**
 * Extension pages (popup, options, onboarding) → background, by `runtime.sendMessage`. State is
 * pushed back over a port named {@link PAGE_PORT}. Only our own pages may send these.
 */
export const PAGE_PORT = 'ui-page';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const to = z.literal('background');

/** A callback reminder as the missed-calls list asks for it. */
export const reminderRequestSchema = z.object({
  /** The number to dial when the reminder is clicked (E.164 where known). */
  number: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.maxLength(256)),
  /** When to remind (epoch ms); the background refuses times in the past. */
  when: z.number().check(z.positive()),
});
/** A reminder request. */
export type ReminderRequest = z.infer<typeof reminderRequestSchema>;

export const pageRequestSchema = z.discriminatedUnion('type', [
  z.object({ target: to, type: z.literal('getState') }),
  z.object({ target: to, type: z.literal('prepareCall') }),
  z.object({ target: to, type: z.literal('getAccount') }),
  z.object({ target: to, type: z.literal('saveAccount'), account: sipAccountSchema }),
  z.object({ target: to, type: z.literal('testConnection'), account: sipAccountSchema }),
  z.object({ target: to, type: z.literal('dial'), number: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ target: to, type: z.literal('answer'), callId: id }),
  z.object({ target: to, type: z.literal('reject'), callId: id }),
  z.object({ target: to, type: z.literal('hangup'), callId: id }),
  z.object({ target: to, type: z.literal('getStats'), callId: id }),
  z.object({ target: to, type: z.literal('getPhoneSettings') }),
  z.object({ target: to, type: z.literal('saveClickToCall'), clickToCall: clickToCallSchema }),
  z.object({ target: to, type: z.literal('saveDialRules'), dialRules: dialRulesSchema }),
  z.object({ target: to, type: z.literal('setSiteEnabled'), host: siteHostSchema, enabled: z.boolean() }),
  // ---- journal (issue 6)
  z.object({ target: to, type: z.literal('getJournalSettings') }),
  z.object({ target: to, type: z.literal('saveJournalSettings'), journal: journalSettingsSchema }),
  z.object({ target: to, type: z.literal('saveRecording'), recording: recordingSchema }),
  z.object({ target: to, type: z.literal('setReminder'), reminder: reminderRequestSchema }),
  z.object({ target: to, type: z.literal('cancelReminder'), id }),
  z.object({ target: to, type: z.literal('listReminders') }),
  // ---- CRM (issue 4)
  ...crmActionSchemas,
  /** The Link menu on a call of the journal: looks it up and answers its CRM view. */
  z.object({ target: to, type: z.literal('crmOpen'), callId: id }),
  /** Send a waiting or failed CRM write now. */
  z.object({ target: to, type: z.literal('crmRetry'), key: z.string().check(z.minLength(1), z.maxLength(300)) }),
  /** CRM settings without secrets (the options page). */
  z.object({ target: to, type: z.literal('getCrmSettings') }),
  /** Saves CRM settings; an empty secret keeps the stored one. */
  z.object({ target: to, type: z.literal('saveCrmSettings'), crm: crmSettingsDraftSchema }),
  /** Looks up a number through one saved connection, to test it. */
  z.object({
    target: to,
    type: z.literal('crmTest'),
    connection: z.string().check(z.maxLength(40)),
    number: z.string().check(z.minLength(1), z.maxLength(64)),
  }),
  /** Address book import: rows parsed from CSV or vCard by the page; numbers are normalised here. */
  z.object({
    target: to,
    type: z.literal('crmImport'),
    rows: z
      .array(
        z.object({
          kind: z.enum(['contact', 'company']),
          name: z.string().check(z.maxLength(256)),
          company: z.string().check(z.maxLength(256)),
          phones: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(10)),
          emails: z.array(z.string().check(z.maxLength(256))).check(z.maxLength(10)),
          note: z.string().check(z.maxLength(2000)),
        }),
      )
      .check(z.maxLength(20_000)),
  }),
]);
/** A request from an extension page. */
export type PageRequest = z.infer<typeof pageRequestSchema>;
/** A page request without its routing field, as page code writes it. */
export type PageCommand = PageRequest extends infer T ? (T extends PageRequest ? Omit<T, 'target'> : never) : never;

/**
 * The reply to `getPhoneSettings`, `saveClickToCall`, `saveDialRules` and `setSiteEnabled`: the
 * settings pages may show and change, as stored after the request. Never the account.
 */
export const phoneSettingsSchema = z.object({ clickToCall: clickToCallSchema, dialRules: dialRulesSchema });
/** Click-to-call and dialling rules, as pages see them. */
export type PhoneSettings = z.infer<typeof phoneSettingsSchema>;
