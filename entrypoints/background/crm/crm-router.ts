import { browser } from 'wxt/browser';
import { CRM_ACTIONS, type CrmAction } from '../../../lib/protocol/crm';
import type { PageRequest } from '../../../lib/protocol/pages';
import { searchWords } from '../../../providers/crm/address-book';
import { ADAPTERS } from '../../../providers/crm';
import { asCrmError } from '../../../providers/crm/errors';
import type { CrmDb } from '../../../lib/store/crm-db';
import type { PhoneKit } from '../../../lib/phone/kit';
import type { RegionCode } from '../../../lib/phone/countries';
import type { CrmClients } from './crm-clients';
import type { CrmService } from './crm-service';
import { crmForPages, saveCrm } from './crm-settings';

/** True for the CRM actions both channels carry. */
export function isCrmAction(msg: { type: string }): msg is CrmAction {
  return (CRM_ACTIONS as readonly string[]).includes(msg.type);
}

/** Runs an agent's CRM action on a call (the router checked the sender may act on it). */
export async function runCrmAction(crm: CrmService, msg: CrmAction): Promise<unknown> {
  switch (msg.type) {
    case 'crmChoose':
      await crm.choose(msg.callId, msg.record);
      return { ok: true };
    case 'crmSearch':
      return crm.search(msg.query);
    case 'crmCreate':
      await crm.create(msg.callId, msg.connection, msg.kind, msg.name.trim());
      return { ok: true };
    case 'crmLink':
      await crm.link(msg.callId, msg.record, msg.attach);
      return { ok: true };
    case 'crmWrapUp':
      await crm.saveWrapUp(msg.callId, {
        subject: msg.subject.trim(),
        summary: msg.summary.trim(),
        ...(msg.disposition ? { disposition: msg.disposition } : {}),
      });
      return { ok: true };
    case 'crmDismiss':
      await crm.dismiss(msg.callId);
      return { ok: true };
  }
}

/** What the page-only CRM requests need. */
export interface CrmPageDeps {
  crm: CrmService;
  clients: CrmClients;
  db: CrmDb;
  phone(): Promise<{ kit: PhoneKit; country: RegionCode }>;
}

type CrmPageRequest = Extract<
  PageRequest,
  { type: 'crmOpen' | 'crmRetry' | 'getCrmSettings' | 'saveCrmSettings' | 'crmTest' | 'crmImport' }
>;

/** True for the CRM requests only extension pages send. */
export function isCrmPageRequest(msg: PageRequest): msg is CrmPageRequest {
  return ['crmOpen', 'crmRetry', 'getCrmSettings', 'saveCrmSettings', 'crmTest', 'crmImport'].includes(msg.type);
}

/** Answers the options page and the Link menu on calls in history. */
export async function crmPageRequest(deps: CrmPageDeps, msg: CrmPageRequest): Promise<unknown> {
  switch (msg.type) {
    case 'crmOpen':
      return (await deps.crm.open(msg.callId)) ?? null;
    case 'crmRetry':
      await deps.crm.retry(msg.key);
      return { ok: true };
    case 'getCrmSettings':
      return crmForPages();
    case 'saveCrmSettings':
      await saveCrm(msg.crm);
      // Writes that failed for want of a token or permission may work now.
      await deps.crm.outbox.dueNow((j) => ['auth', 'forbidden', 'config', 'permission'].includes(j.error?.code ?? ''));
      return crmForPages();
    case 'crmTest':
      return testConnection(deps, msg.connection, msg.number);
    case 'crmImport':
      return importRows(deps, msg.rows);
  }
}

async function testConnection(deps: CrmPageDeps, id: string, number: string): Promise<unknown> {
  const { kit, country } = await deps.phone();
  const e164 = kit.toE164(number, country);
  if (!e164) return { ok: false, error: 'number' };
  try {
    const c = await deps.clients.byId(id);
    const found = await c.client.lookupByNumber(e164);
    return { ok: true, found: found.map((r) => r.title).slice(0, 5) };
  } catch (e) {
    return { ok: false, error: asCrmError(e).code };
  }
}

async function importRows(
  deps: CrmPageDeps,
  rows: Extract<CrmPageRequest, { type: 'crmImport' }>['rows'],
): Promise<unknown> {
  const { kit, country } = await deps.phone();
  const skipped: Array<{ row: number; reason: 'name' | 'phone' }> = [];
  const entries = [];
  const now = Date.now();
  for (const [i, row] of rows.entries()) {
    const phones = [...new Set(row.phones.map((p) => kit.toE164(p, country)).filter((p): p is string => p !== null))];
    if (!row.name.trim()) skipped.push({ row: i + 1, reason: 'name' });
    else if (phones.length === 0) skipped.push({ row: i + 1, reason: 'phone' });
    else {
      entries.push({
        id: crypto.randomUUID(),
        kind: row.kind,
        name: row.name.trim(),
        company: row.company.trim(),
        phones,
        emails: row.emails.map((e) => e.trim()).filter(Boolean),
        note: row.note,
        words: searchWords(row.name, row.company, ...row.emails),
        updatedAt: now,
      });
    }
  }
  await deps.db.contacts.bulkAdd(entries);
  // Numbers that now have a contact must not be answered from a cached "nobody".
  await deps.db.cache.clear();
  return { imported: entries.length, skipped: skipped.slice(0, 200), skippedCount: skipped.length };
}

/** Host permission patterns of a CRM configuration (the options page asks for them before saving). */
export function originsOf(adapter: keyof typeof ADAPTERS, config: unknown): string[] {
  try {
    return ADAPTERS[adapter].origins(config);
  } catch {
    return [];
  }
}

/** True when the extension holds every origin. */
export function hasOrigins(origins: string[]): Promise<boolean> {
  return origins.length === 0 ? Promise.resolve(true) : browser.permissions.contains({ origins }).catch(() => false);
}
