import { DEFAULT_DIAL_RULES } from '../phone/dial-rules';
import {
  DEFAULT_JOURNAL,
  defaultClickToCall,
  defaultCrmSettings,
  defaultSettings,
  SETTINGS_VERSION,
  settingsSchema,
  type Settings,
} from './schema';

/** What a migration may need to know about the browser it runs in. */
export interface MigrationContext {
  /** The browser's languages (`navigator.languages`), for guessing the default country. */
  locales: readonly string[];
}

/** One migration step: takes settings at version N and returns them at N + 1. */
type Migration = (input: Record<string, unknown>, context: MigrationContext) => Record<string, unknown>;

/**
 * Migrations keyed by the version they start from. Version 0 is any unversioned object, e.g.
 * `{ account }` written by an early build or by hand.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  0: (input) => ({ version: 1, account: input.account ?? null }),
  // Version 2 adds click-to-call and dialling rules; the account stays as it was.
  1: (input, { locales }) => ({
    version: 2,
    account: input.account ?? null,
    clickToCall: defaultClickToCall(locales),
    dialRules: { ...DEFAULT_DIAL_RULES },
  }),
  // Version 3 adds the journal's settings (SLA threshold); accounts record nothing until asked.
  2: (input) => ({ ...input, version: 3, journal: { ...DEFAULT_JOURNAL } }),
  // Version 4 adds CRM connections (none yet); everything else stays.
  3: (input) => ({ ...input, version: 4, crm: defaultCrmSettings() }),
};

/** Result of loading stored settings. */
export type LoadResult =
  { ok: true; settings: Settings; migrated: boolean } | { ok: false; settings: Settings; problem: string };

/**
 * Brings stored settings to the current version and validates them. Anything unreadable falls
 * back to defaults and says why, so the caller can report it instead of crashing. `locales` are
 * the browser's languages: defaults and migrations guess the agent's country from them.
 */
export function migrateSettings(stored: unknown, locales: readonly string[]): LoadResult {
  const fallback = () => defaultSettings(locales);
  if (stored === undefined || stored === null) {
    return { ok: true, settings: fallback(), migrated: false };
  }
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { ok: false, settings: fallback(), problem: 'settings are not an object' };
  }
  let current = stored as Record<string, unknown>;
  const start = typeof current.version === 'number' ? current.version : 0;
  if (start > SETTINGS_VERSION) {
    return { ok: false, settings: fallback(), problem: `settings version ${start} is newer than this build` };
  }
  for (let v = start; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, settings: fallback(), problem: `no migration from version ${v}` };
    current = step(current, { locales });
  }
  const parsed = settingsSchema.safeParse(current);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    return { ok: false, settings: fallback(), problem: `invalid settings at ${where}` };
  }
  return { ok: true, settings: parsed.data, migrated: start !== SETTINGS_VERSION };
}
