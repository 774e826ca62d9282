import { browser } from 'wxt/browser';
import { migrateSettings, type LoadResult } from '../../lib/settings/migrate';
import { SETTINGS_VERSION, type SipAccount } from '../../lib/settings/schema';

const KEY = 'settings';

/** Reads settings from storage.local, migrating older versions in place. */
export async function loadSettings(): Promise<LoadResult> {
  const stored: Record<string, unknown> = await browser.storage.local.get(KEY);
  const result = migrateSettings(stored[KEY]);
  if (result.ok && result.migrated) await browser.storage.local.set({ [KEY]: result.settings });
  return result;
}

/** Saves the account (already validated by the message schema). */
export async function saveAccount(account: SipAccount): Promise<void> {
  await browser.storage.local.set({ [KEY]: { version: SETTINGS_VERSION, account } });
}

/**
 * Credentials live in storage.local; content scripts must not read it. Chrome lets us restrict
 * the area to trusted contexts; browsers without the call keep their default.
 */
export async function restrictStorageToExtension(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}
