import { browser } from 'wxt/browser';
import { ADAPTERS } from '../../../providers/crm';
import { CrmError } from '../../../providers/crm/errors';
import type { Adapter, Capability, CrmClient } from '../../../providers/crm/types';
import type { CrmConnection, CrmSettings } from '../../../lib/settings/schema';
import type { CrmDb } from '../../../lib/store/crm-db';
import { loadSettings } from '../settings-store';
import { keyOf, t } from '../../../components/i18n';

/** An enabled connection, ready to use. */
export interface Connected {
  connection: CrmConnection;
  adapter: Adapter;
  client: CrmClient;
  can: ReadonlySet<Capability>;
  /** Host permission patterns it needs. */
  origins: string[];
  /** The connection's name in the UI: its label, else the adapter's. */
  name: string;
}

/**
 * The CRM clients of the saved settings, rebuilt when the settings change. Requests go through a
 * fetch that first checks the connection's host permission, so a missing one is reported in
 * words (`permission`) instead of as an opaque network error.
 */
export class CrmClients {
  private current: Promise<{ settings: CrmSettings; list: Connected[] }> | undefined;

  constructor(private readonly deps: { db: CrmDb; nationalNumber: () => Promise<(e164: string) => string> }) {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && 'settings' in changes) this.current = undefined;
    });
  }

  /** The CRM settings and every enabled connection. */
  get(): Promise<{ settings: CrmSettings; list: Connected[] }> {
    this.current ??= this.build().catch((e: unknown) => {
      this.current = undefined;
      throw e;
    });
    return this.current;
  }

  /** One enabled connection by id. */
  async byId(id: string): Promise<Connected> {
    const found = (await this.get()).list.find((c) => c.connection.id === id);
    if (!found) throw new CrmError('config', `connection ${id} is not set up or not enabled`);
    return found;
  }

  private async build(): Promise<{ settings: CrmSettings; list: Connected[] }> {
    const settings = (await loadSettings()).settings.crm;
    const national = await this.deps.nationalNumber().catch(() => undefined);
    const list: Connected[] = [];
    for (const connection of settings.connections) {
      if (!connection.enabled) continue;
      const adapter = ADAPTERS[connection.adapter];
      const origins = adapter.origins(connection.config);
      const client = adapter.connect(connection.config, {
        connectionId: connection.id,
        fetch: permittedFetch(origins),
        timeoutMs: settings.lookupTimeoutMs,
        addressBook: this.deps.db,
        ...(national ? { nationalNumber: national } : {}),
      });
      const can = new Set(adapter.capabilitiesFor?.(connection.config) ?? adapter.capabilities);
      list.push({
        connection,
        adapter,
        client,
        can,
        origins,
        name: connection.label || t(keyOf('crmAdapter', connection.adapter)),
      });
    }
    return { settings, list };
  }
}

/** A fetch that fails with `CrmError('permission')` while the connection's host permission is missing. */
function permittedFetch(origins: string[]): typeof fetch {
  return async (input, init) => {
    if (origins.length > 0 && !(await browser.permissions.contains({ origins }).catch(() => false))) {
      throw new CrmError('permission', `no host permission for ${origins.join(', ')}`);
    }
    return fetch(input, init);
  };
}
