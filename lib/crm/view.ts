import * as z from 'zod/mini';
import { CRM_ERROR_CODES } from '../../providers/crm/errors';
import {
  crmRecordSchema,
  dispositionSchema,
  httpUrlSchema,
  MAX_GROUPS,
  MAX_MATCHES,
  RECORD_KINDS,
  recordRefSchema,
  relatedGroupSchema,
} from '../../providers/crm/types';

/**
 * What the pop-ups show of the CRM for one call: the lookup's state and matches, the chosen
 * record and what is related to it, what the agent may create, the call's links and how their
 * logging stands, and the wrap-up the agent wrote. Built by the background, validated by every
 * receiver; all text in it is bounded CRM data and is rendered as text only.
 */

const text = (max: number) => z.string().check(z.maxLength(max));

/** Where a lookup is. `off`: no CRM is set up for lookups, or the number is not a phone number. */
export const LOOKUP_STATES = ['off', 'loading', 'done', 'failed'] as const;
/** Where a link's logging is: waiting for the wrap-up, queued, being sent, logged, failed, or not logged (policy). */
export const LINK_STATES = ['waiting', 'pending', 'sending', 'done', 'failed', 'not-logged'] as const;
/** One of {@link LINK_STATES}. */
export type LinkState = (typeof LINK_STATES)[number];

/** A CRM that could not answer, by its label, with why (an i18n key suffix `crmError_<code>`). */
export const crmProblemSchema = z.object({ connection: text(64), code: z.enum(CRM_ERROR_CODES) });
/** A CRM's problem. */
export type CrmProblem = z.infer<typeof crmProblemSchema>;

/** A record the call is linked to, and how logging the call on it stands. */
export const viewLinkSchema = z.object({
  record: recordRefSchema,
  how: z.enum(['matched', 'chosen', 'created', 'linked']),
  state: z.enum(LINK_STATES),
  error: z.optional(z.enum(CRM_ERROR_CODES)),
  /** The logged call in the CRM, once logged. */
  logUrl: z.optional(httpUrlSchema),
  /** When a waiting or failed log will be tried (epoch ms). */
  nextAt: z.optional(z.number()),
});
/** A link as the pop-up shows it. */
export type ViewLink = z.infer<typeof viewLinkSchema>;

/** A record being created (the outbox has it): shown until it is linked, or with its error. */
export const viewCreatingSchema = z.object({
  key: text(200),
  kind: z.enum(RECORD_KINDS),
  name: text(256),
  connection: text(64),
  state: z.enum(['pending', 'sending', 'failed']),
  error: z.optional(z.enum(CRM_ERROR_CODES)),
});

/** Where "Create…" can create, and what. */
export const createTargetSchema = z.object({
  connection: text(40),
  label: text(64),
  kinds: z.array(z.enum(RECORD_KINDS)).check(z.maxLength(RECORD_KINDS.length)),
});
/** A Create… target. */
export type CreateTarget = z.infer<typeof createTargetSchema>;

/** What the agent wrote about the call. */
export const wrapUpTextSchema = z.object({
  subject: text(256),
  summary: text(4000),
  disposition: z.optional(text(128)),
});
/** Subject, summary and disposition of a call. */
export type WrapUpText = z.infer<typeof wrapUpTextSchema>;

export const crmViewSchema = z.object({
  callId: text(64),
  /** The number looked up (E.164), '' when the caller's number is not a phone number. */
  number: text(32),
  status: z.enum(LOOKUP_STATES),
  problems: z.array(crmProblemSchema).check(z.maxLength(8)),
  matches: z.array(crmRecordSchema).check(z.maxLength(MAX_MATCHES * 2)),
  /** `connection|kind|id` of the record the call belongs to (the only match, or the agent's choice). */
  chosen: z.optional(text(200)),
  /** The agent's choice for this number was remembered from an earlier call. */
  remembered: z.boolean(),
  related: z.array(relatedGroupSchema).check(z.maxLength(MAX_GROUPS)),
  relatedStatus: z.enum(LOOKUP_STATES),
  links: z.array(viewLinkSchema).check(z.maxLength(20)),
  creating: z.array(viewCreatingSchema).check(z.maxLength(10)),
  create: z.array(createTargetSchema).check(z.maxLength(8)),
  /** Some connection can search (Find and link). */
  canSearch: z.boolean(),
  /** Some connection logs calls (the Link menu's subject, summary and disposition apply). */
  canLog: z.boolean(),
  wrapUp: z.optional(wrapUpTextSchema),
  dispositions: z.array(dispositionSchema).check(z.maxLength(50)),
  /** The call is over and the pop-up stays for the wrap-up until this time (epoch ms). */
  wrapUpUntil: z.optional(z.number()),
});
/** The CRM side of one call, as the pop-ups show it. */
export type CrmView = z.infer<typeof crmViewSchema>;

/** The key of a record in a view (`connection|kind|id`). */
export function recordKey(r: { connection: string; kind: string; id: string }): string {
  return `${r.connection}|${r.kind}|${r.id}`;
}
