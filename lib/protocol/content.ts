import * as z from 'zod/mini';
import { callRecordSchema } from '../call/types';

/**
 * Content script ↔ background. Stateless on purpose: an MV3 service worker comes and goes, so a
 * page asks for what it needs when it loads (`hello`, `scanConfig`), the background pushes
 * changes (`show`, `scanConfig`), and the page sends back the agent's trusted clicks. Content
 * scripts never receive settings beyond {@link ScanConfig}, and never credentials.
 */

/** What the number scanner of one page needs to know. */
export const scanConfigSchema = z.object({
  /** Click-to-call is on for this tab's site. */
  enabled: z.boolean(),
  /** Region used for numbers written without a country code; part of the page's cache key. */
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
});
/** The scanner's configuration for one tab. */
export type ScanConfig = z.infer<typeof scanConfigSchema>;

/** Background → content: the call the pop-up of this tab shows. Validated by the pop-up module. */
export const showMessageSchema = z.object({
  type: z.literal('show'),
  /** The call to show in this tab, or null to close the pop-up. */
  call: z.nullable(callRecordSchema),
});

/** Background → content: the number scanner's new configuration. */
export const scanConfigMessageSchema = z.object({ type: z.literal('scanConfig'), config: scanConfigSchema });

export const toContentSchema = z.discriminatedUnion('type', [showMessageSchema, scanConfigMessageSchema]);
/** Background → content. */
export type ToContent = z.infer<typeof toContentSchema>;

/** Longest text node sent for matching; longer ones are cut into windows around candidates. */
export const MAX_SCAN_TEXT = 4096;
/** Most texts in one `findNumbers` request. */
export const MAX_SCAN_BATCH = 1000;

/** One number found in one text: UTF-16 offsets and what to show and dial. */
export const foundNumberSchema = z.object({
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.positive()),
  /** E.164, e.g. +74951234567. */
  e164: z.string().check(z.regex(/^\+[1-9]\d{4,14}$/)),
  /** International display form, e.g. +7 495 123-45-67. */
  display: z.string().check(z.maxLength(40)),
  extension: z.optional(z.string().check(z.regex(/^\d{1,8}$/))),
});
/** A number found in a text. */
export type FoundNumber = z.infer<typeof foundNumberSchema>;

/** Reply to `findNumbers`: one list per text sent, in the same order. */
export const foundNumbersReplySchema = z.object({
  results: z.array(z.array(foundNumberSchema)),
});
/** Reply to `findNumbers`. */
export type FoundNumbersReply = z.infer<typeof foundNumbersReplySchema>;

const to = z.literal('background');
export const fromContentSchema = z.discriminatedUnion('type', [
  z.object({ target: to, type: z.literal('hello') }),
  z.object({
    target: to,
    type: z.enum(['answer', 'reject', 'hangup']),
    callId: z.string().check(z.minLength(1), z.maxLength(64)),
  }),
  z.object({ target: to, type: z.literal('scanConfig') }),
  z.object({
    target: to,
    type: z.literal('findNumbers'),
    texts: z.array(z.string().check(z.maxLength(MAX_SCAN_TEXT))).check(z.maxLength(MAX_SCAN_BATCH)),
  }),
  z.object({
    target: to,
    type: z.literal('dial'),
    /** A detected number (E.164) or the number of a tel:/callto:/sip: link, as written. */
    number: z.string().check(z.minLength(1), z.maxLength(64)),
  }),
]);
/** Content → background. */
export type FromContent = z.infer<typeof fromContentSchema>;
