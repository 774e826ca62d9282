import * as z from 'zod/mini';
import { CALL_DIRECTIONS, CALL_OUTCOMES } from '../call/types';
import { toDialable } from '../phone/dialable';
import type { StoredCall } from '../store/stored-call';
import { MAX_WORD_LENGTH, wordsOf } from './name-words';

/** What the history shows: every field optional, all given ones must hold. */
export const journalFilterSchema = z.object({
  /** Calls started at or after (epoch ms). */
  from: z.optional(z.number()),
  /** Calls started before (epoch ms, exclusive). */
  to: z.optional(z.number()),
  direction: z.optional(z.enum(CALL_DIRECTIONS)),
  outcome: z.optional(z.enum(CALL_OUTCOMES)),
  account: z.optional(z.string().check(z.maxLength(256))),
  queue: z.optional(z.string().check(z.maxLength(128))),
  /** A number in any format, or words of a name. */
  text: z.optional(z.string().check(z.maxLength(100))),
});
/** A history filter. */
export type JournalFilter = z.infer<typeof journalFilterSchema>;

/** How a search text is looked up. */
export type SearchPlan =
  /** A whole number: its match key, exactly. */
  | { kind: 'number'; key: string }
  /** The beginning of a number: keys starting with any of these. */
  | { kind: 'numberPrefix'; prefixes: string[] }
  /** Words of a name: the first through the index, all of them as word beginnings. */
  | { kind: 'name'; words: string[] };

/** Fewest digits of a number beginning worth searching (fewer would match most of the journal). */
export const MIN_PREFIX_DIGITS = 3;

/**
 * Reads a search text: letters mean a name; otherwise a number, which `toKey` turns into its match
 * key (E.164) when it is whole. `toKey` returns null for what is not a whole number.
 */
export function planSearch(text: string | undefined, toKey: (number: string) => string | null): SearchPlan | null {
  const q = text?.trim() ?? '';
  if (!q) return null;
  if (/\p{L}/u.test(q)) {
    const words = wordsOf(q);
    return words.length > 0 ? { kind: 'name', words } : null;
  }
  const dialable = toDialable(q.replace(/[\u2010-\u2015\u2212/]/g, '-'));
  if (!dialable) return null;
  const key = toKey(dialable);
  if (key?.startsWith('+')) return { kind: 'number', key };
  const digits = dialable.replace(/\D/g, '');
  // Feature codes and the shortest extensions are looked up as typed.
  if (/[*#]/.test(dialable) || digits.length < MIN_PREFIX_DIGITS)
    return { kind: 'number', key: dialable.replace(/^\+/, '') };
  return { kind: 'numberPrefix', prefixes: dialable.startsWith('+') ? [`+${digits}`] : [`+${digits}`, digits] };
}

/** Whether a stored call passes the filter's fields and the search (the check every plan ends with). */
export function matches(call: StoredCall, f: JournalFilter, plan: SearchPlan | null): boolean {
  if (f.from !== undefined && call.startedAt < f.from) return false;
  if (f.to !== undefined && call.startedAt >= f.to) return false;
  if (f.direction && call.direction !== f.direction) return false;
  if (f.outcome && call.outcome !== f.outcome) return false;
  if (f.account !== undefined && call.account !== f.account) return false;
  if (f.queue !== undefined && call.queue !== f.queue) return false;
  if (!plan) return true;
  switch (plan.kind) {
    case 'number':
      return call.remoteE164 === plan.key;
    case 'numberPrefix':
      return plan.prefixes.some((p) => call.remoteE164.startsWith(p));
    case 'name': {
      const words = call.nameKeys.map((k) => k.slice(0, k.indexOf('\u0001')));
      // Stored words are cut at MAX_WORD_LENGTH: a longer search word matches their whole length.
      return plan.words.every((w) => words.some((have) => have.startsWith(w.slice(0, MAX_WORD_LENGTH))));
    }
  }
}
