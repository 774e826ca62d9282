import { browser } from 'wxt/browser';
import { serialQueue } from '../../lib/async/serial';
import type { DialRules } from '../../lib/phone/dial-rules';
import { migrateSettings, type LoadResult } from '../../lib/settings/migrate';
import {
  settingsSchema,
  type ClickToCall,
  type JournalSettings,
  type Recording,
  type CrmSettings,
  type Settings,
  type SipAccount,
} from '../../lib/settings/schema';
import { setSiteEnabled } from '../../lib/settings/sites';

const KEY = 'settings';

// Saves read, change and write the whole object: two of them must never interleave, or one
// would write back what the other has just replaced.
const writing = serialQueue();

/** Reads settings from storage.local, migrating older versions in place. */
export async function loadSettings(): Promise<LoadResult> {
  const stored: Record<string, unknown> = await browser.storage.local.get(KEY);
  const result = migrateSettings(stored[KEY], navigator.languages);
  if (result.ok && result.migrated) await browser.storage.local.set({ [KEY]: result.settings });
  return result;
}

/** Saves the account, keeping the other settings. */
export async function saveAccount(account: SipAccount): Promise<void> {
  // The account form does not hold recording settings: keep the saved ones.
  await update((s) => {
    const recording = account.recording ?? s.account?.recording;
    return { ...s, account: recording ? { ...account, recording } : account };
  });
}

/** Saves the click-to-call settings, keeping the others; returns all settings as stored. */
export function saveClickToCall(clickToCall: ClickToCall): Promise<Settings> {
  return update((s) => ({ ...s, clickToCall }));
}

/** Saves the dialling rules, keeping the other settings; returns all settings as stored. */
export function saveDialRules(dialRules: DialRules): Promise<Settings> {
  return update((s) => ({ ...s, dialRules }));
}

/** Turns click-to-call on or off for one web host; returns all settings as stored. */
export function saveSiteEnabled(host: string, enabled: boolean): Promise<Settings> {
  return update((s) => ({ ...s, clickToCall: setSiteEnabled(s.clickToCall, host, enabled) }));
}

/** Saves the CRM settings (secrets already merged), keeping the others; returns all settings as stored. */
export function saveCrmSettings(crm: CrmSettings): Promise<Settings> {
  return update((s) => ({ ...s, crm }));
}

/**
 * Read-modify-write of the stored settings. The result is validated as a whole, so a change that
 * would make them invalid (a 501st blocked site) throws and nothing is written. Unreadable
 * settings are replaced by defaults plus the change, as a fresh save always did.
 */
function update(change: (settings: Settings) => Settings): Promise<Settings> {
  return writing(async () => {
    const next = settingsSchema.parse(change((await loadSettings()).settings));
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
}

/**
 * Credentials live in storage.local; content scripts must not read it. Chrome lets us restrict
 * the area to trusted contexts; browsers without the call keep their default.
 */
export async function restrictStorageToExtension(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}

// ---- journal (issue 6)

/** Saves the journal settings, keeping the others; returns all settings as stored. */
export function saveJournalSettings(journal: JournalSettings): Promise<Settings> {
  return update((s) => ({ ...s, journal }));
}

/** Saves the account's recording settings; there must be an account to record. */
export function saveRecording(recording: Recording): Promise<Settings> {
  return update((s) => {
    if (!s.account) throw new Error('errNoAccount');
    return { ...s, account: { ...s.account, recording } };
  });
}
