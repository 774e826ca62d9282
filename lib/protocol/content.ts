import * as z from 'zod/mini';
import { callRecordSchema } from '../call/types';

/**
 * Content script ↔ background. Stateless on purpose: an MV3 service worker comes and goes, so a
 * page asks for the call to show when it loads (`hello`), the background pushes `show` to the
 * one tab that should display the pop-up, and the tab sends back the agent's trusted clicks.
 * Content scripts never receive settings or credentials.
 */
export const toContentSchema = z.object({
  type: z.literal('show'),
  /** The call to show in this tab, or null to close the pop-up. */
  call: z.nullable(callRecordSchema),
});
/** Background → content. */
export type ToContent = z.infer<typeof toContentSchema>;

const to = z.literal('background');
export const fromContentSchema = z.discriminatedUnion('type', [
  z.object({ target: to, type: z.literal('hello') }),
  z.object({
    target: to,
    type: z.enum(['answer', 'reject', 'hangup']),
    callId: z.string().check(z.minLength(1), z.maxLength(64)),
  }),
]);
/** Content → background. */
export type FromContent = z.infer<typeof fromContentSchema>;
