import { z } from 'zod';
import { defineAdapter } from './define';
import { rejectUnsupported } from './errors';
import { fillUrl, unknownPlaceholders, type TemplateValues } from './template';
import type { CrmClient } from './types';

/**
 * Screen-pop: opens (or reuses) a CRM tab at a URL template when a call rings or is answered, as
 * the Spikon CTI link and Omnidesk do. It reads and writes nothing itself; `{recordUrl}` opens the
 * record another connection found for the caller.
 */

export const SCREEN_POP_WHEN = ['ring', 'answer'] as const;

const configSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'errRequired')
    .max(1024, 'errTooLong')
    .refine((s) => s === '{recordUrl}' || /^https?:\/\/[^\s/?#{}]+/i.test(s), 'errCrmUrl')
    .refine((s) => unknownPlaceholders(s).length === 0, 'errTemplatePlaceholder'),
  when: z.enum(SCREEN_POP_WHEN),
  /** Reuse the tab opened for the previous call instead of opening a new one each time. */
  reuseTab: z.boolean(),
  /** Outbound calls too, not only incoming ones. */
  outbound: z.boolean(),
});
/** A screen-pop configuration. */
export type ScreenPopConfig = z.infer<typeof configSchema>;

/** Parses a stored screen-pop configuration; null when it is not one. */
export function screenPopConfig(raw: unknown): ScreenPopConfig | null {
  const parsed = configSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The URL to open for a call, or null (no http(s) URL results, e.g. no record found for `{recordUrl}`). */
export function screenPopUrl(config: ScreenPopConfig, values: TemplateValues): string | null {
  const url = fillUrl(config.url, values);
  return /^https?:\/\//i.test(url) ? url : null;
}

const none = (): CrmClient => ({
  lookupByNumber: () => rejectUnsupported('lookup'),
  search: () => rejectUnsupported('search'),
  related: () => rejectUnsupported('related records'),
  create: () => rejectUnsupported('creating records'),
  link: () => rejectUnsupported('linking'),
  logCall: () => rejectUnsupported('logging calls'),
  recordUrl: () => undefined,
  dispositions: () => Promise.resolve([]),
});

/** Opens a CRM page for each call; no lookups or writes. */
export const screenPop = defineAdapter<ScreenPopConfig>({
  name: 'screen-pop',
  label: 'Screen-pop URL',
  capabilities: ['screen-pop'],
  kinds: [],
  fields: [],
  defaultFields: [],
  configSchema,
  defaults: () => ({ url: '', when: 'ring', reuseTab: true, outbound: false }),
  secrets: [],
  // Opening a tab needs no host permission: the extension never reads the page it opens.
  origins: () => [],
  connect: () => none(),
});
