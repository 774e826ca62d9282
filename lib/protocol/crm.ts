import * as z from 'zod/mini';
import { crmProblemSchema } from '../crm/view';
import { crmRecordSchema, RECORD_KINDS } from '../../providers/crm/types';

/**
 * The agent's CRM actions on a call, as the in-page pop-up (content channel) and the extension's
 * pages (page channel) send them. Each channel's protocol file adds these to its own union; the
 * router checks the sender may act on the call before running one.
 */
const to = z.literal('background');
const callId = z.string().check(z.minLength(1), z.maxLength(64));
const key = z.string().check(z.minLength(1), z.maxLength(200));

export const crmActionSchemas = [
  /** Which of several records is calling (remembered for the number). */
  z.object({ target: to, type: z.literal('crmChoose'), callId, record: key }),
  /** Find and link: search the CRMs. */
  z.object({
    target: to,
    type: z.literal('crmSearch'),
    callId,
    query: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
  /** Create… a record of a kind, prefilled with the call's number. */
  z.object({
    target: to,
    type: z.literal('crmCreate'),
    callId,
    connection: z.string().check(z.minLength(1), z.maxLength(40)),
    kind: z.enum(RECORD_KINDS),
    name: z.string().check(z.minLength(1), z.maxLength(256)),
  }),
  /** Link a found record to the call; `attach` also adds the caller's number to it. */
  z.object({ target: to, type: z.literal('crmLink'), callId, record: crmRecordSchema, attach: z.boolean() }),
  /** The Link menu's subject, summary and disposition: saved, and the call logged now if it ended. */
  z.object({
    target: to,
    type: z.literal('crmWrapUp'),
    callId,
    subject: z.string().check(z.maxLength(256)),
    summary: z.string().check(z.maxLength(4000)),
    disposition: z.optional(z.string().check(z.maxLength(128))),
  }),
  /** Close the wrap-up pop-up (what is queued goes out now). */
  z.object({ target: to, type: z.literal('crmDismiss'), callId }),
] as const;

/** Reply to `crmSearch`. */
export const crmSearchReplySchema = z.object({
  results: z.array(crmRecordSchema).check(z.maxLength(40)),
  problems: z.array(crmProblemSchema).check(z.maxLength(8)),
});
/** Search results and the CRMs that could not answer. */
export type CrmSearchReply = z.infer<typeof crmSearchReplySchema>;

/** CRM action types, for routing. */
export const CRM_ACTIONS = ['crmChoose', 'crmSearch', 'crmCreate', 'crmLink', 'crmWrapUp', 'crmDismiss'] as const;
/** A CRM action as validated. */
export type CrmAction = z.infer<(typeof crmActionSchemas)[number]>;
