import * as z from 'zod/mini';
import { crmViewSchema } from '../crm/view';
import { showMessageSchema } from './content';
import { crmActionSchemas } from './crm';

/**
 * The CRM part of the content ↔ background channel (issue 4), beside `content.ts` rather than in
 * it: the content script that runs on every page imports `content.ts` for its scanner
 * configuration, and must not carry the CRM schemas (they are only needed by the call pop-up
 * module and the background). Same rules: validated at the receiver, sender checked.
 */

/** Background → the call pop-up module: a `show` message, with what the CRM knows of the call. */
export const showWithCrmSchema = z.extend(showMessageSchema, {
  /** Absent while no CRM is set up. */
  crm: z.optional(crmViewSchema),
});
/** A `show` message with its CRM part. */
export type ShowWithCrm = z.infer<typeof showWithCrmSchema>;

/** Content → background: the agent's CRM actions on the call the pop-up shows. */
export const fromContentCrmSchema = z.discriminatedUnion('type', [...crmActionSchemas]);
/** A CRM action from a page's pop-up. */
export type FromContentCrm = z.infer<typeof fromContentCrmSchema>;
