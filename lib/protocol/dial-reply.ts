import * as z from 'zod/mini';

/** Reply to `dial` (engine, page and content channels): the new call's id, or why not (an i18n key). */
export const dialReplySchema = z.union([
  z.object({ ok: z.literal(true), callId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ ok: z.literal(false), error: z.string().check(z.maxLength(64)) }),
]);
/** Reply to `dial`. */
export type DialReply = z.infer<typeof dialReplySchema>;
