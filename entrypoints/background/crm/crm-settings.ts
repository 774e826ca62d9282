import { ADAPTERS } from '../../../providers/crm';
import { crmSettingsSchema, type CrmSettings, type CrmSettingsDraft } from '../../../lib/settings/schema';
import { loadSettings, saveCrmSettings } from '../settings-store';
import { hasOrigins } from './crm-router';

/** CRM settings as extension pages get them: secrets blanked, which are set, which origins are allowed. */
export interface CrmSettingsForPages {
  crm: CrmSettings;
  /** Per connection id: the secret fields that hold a value (shown as "saved; type to replace"). */
  secretsSet: Record<string, string[]>;
  /** Per connection id: the extension holds the host permissions the connection needs. */
  granted: Record<string, boolean>;
  /** Per connection id: the host permission patterns it needs (pages cannot compute them from blanked secrets). */
  origins: Record<string, string[]>;
}

/** The saved CRM settings without their secrets: tokens stay in the background. */
export async function crmForPages(): Promise<CrmSettingsForPages> {
  const crm = (await loadSettings()).settings.crm;
  const secretsSet: Record<string, string[]> = {};
  const granted: Record<string, boolean> = {};
  const origins: Record<string, string[]> = {};
  const connections = await Promise.all(
    crm.connections.map(async (c) => {
      const adapter = ADAPTERS[c.adapter];
      const config = { ...c.config };
      secretsSet[c.id] = adapter.secrets.filter((k) => typeof config[k] === 'string' && config[k] !== '');
      for (const k of adapter.secrets) if (k in config) config[k] = '';
      const needed = adapter.origins(c.config);
      origins[c.id] = needed;
      granted[c.id] = await hasOrigins(needed);
      return { ...c, config };
    }),
  );
  return { crm: { ...crm, connections }, secretsSet, granted, origins };
}

/**
 * Saves CRM settings from a page. A secret left empty keeps the one stored for the same
 * connection and adapter, so a page can save without ever having seen the token.
 */
export async function saveCrm(next: CrmSettingsDraft): Promise<void> {
  const stored = (await loadSettings()).settings.crm;
  const connections = next.connections.map((c) => {
    const before = stored.connections.find((s) => s.id === c.id && s.adapter === c.adapter);
    if (!before) return c;
    const config = { ...c.config };
    for (const k of ADAPTERS[c.adapter].secrets) {
      if (config[k] === '' && typeof before.config[k] === 'string') config[k] = before.config[k];
    }
    return { ...c, config };
  });
  await saveCrmSettings(crmSettingsSchema.parse({ ...next, connections }));
}
