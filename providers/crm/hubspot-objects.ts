import { CrmError } from './errors';
import { crmRecord, fields, idOf, joinName, maybeObject, text } from './normalize';
import type { CreatePrefill, CrmCall, CrmRecord, LogDetails, RecordKind } from './types';

/**
 * HubSpot's objects as the adapter (hubspot.ts) maps them: object types and association type ids
 * from the CRM v3/v4 reference, contact and company records, call engagement properties.
 */

/** HubSpot object types for our record kinds, and their object type ids (record URLs). */
export const OBJECT: Partial<Record<RecordKind, { type: string; typeId: string; callAssoc: number }>> = {
  contact: { type: 'contacts', typeId: '0-1', callAssoc: 194 },
  company: { type: 'companies', typeId: '0-2', callAssoc: 182 },
  deal: { type: 'deals', typeId: '0-3', callAssoc: 206 },
  case: { type: 'tickets', typeId: '0-5', callAssoc: 220 },
  task: { type: 'tasks', typeId: '0-27', callAssoc: 0 },
};
/** HUBSPOT_DEFINED association type ids from a new deal / ticket / task to its contact or company. */
export const TO_CONTACT: Partial<Record<RecordKind, number>> = { deal: 3, case: 16, task: 204 };
export const TO_COMPANY: Partial<Record<RecordKind, number>> = { deal: 5, case: 26, task: 192, contact: 279 };

export const CONTACT_PROPS = [
  'firstname',
  'lastname',
  'email',
  'phone',
  'mobilephone',
  'company',
  'jobtitle',
  'lifecyclestage',
  'hs_lead_status',
];
export const COMPANY_PROPS = ['name', 'domain', 'phone', 'industry', 'city'];

export function mapError(_status: number, body: unknown): CrmError | undefined {
  const category = text(maybeObject(body).category, 64);
  if (category === 'INVALID_AUTHENTICATION' || category === 'EXPIRED_AUTHENTICATION')
    return new CrmError('auth', `hubspot: ${category}`);
  if (category === 'MISSING_SCOPES') return new CrmError('forbidden', 'hubspot: the token lacks a scope');
  return undefined;
}

/** HubSpot contacts and companies as bounded records. */
export function hubspotRecords(connection: string, urlOf: (kind: RecordKind, id: string) => string | undefined) {
  const contact = (raw: unknown): CrmRecord | null => {
    const r = maybeObject(raw);
    const p = maybeObject(r.properties);
    const id = idOf(r.id);
    if (!id) return null;
    return crmRecord({
      connection,
      kind: 'contact',
      id,
      title: joinName(p.firstname, p.lastname) || p.email,
      subtitle: p.company,
      url: urlOf('contact', id),
      fields: fields([
        ['position', 'Job title', p.jobtitle],
        ['email', 'Email', p.email],
        ['phone', 'Phone', [text(p.phone), text(p.mobilephone)].filter(Boolean).join(', ')],
        ['stage', 'Lifecycle stage', p.lifecyclestage],
        ['status', 'Lead status', p.hs_lead_status],
      ]),
      phones: [p.phone, p.mobilephone],
    });
  };
  const company = (raw: unknown): CrmRecord | null => {
    const r = maybeObject(raw);
    const p = maybeObject(r.properties);
    const id = idOf(r.id);
    if (!id) return null;
    return crmRecord({
      connection,
      kind: 'company',
      id,
      title: p.name || p.domain,
      subtitle: p.city,
      url: urlOf('company', id),
      fields: fields([
        ['website', 'Domain', p.domain],
        ['phone', 'Phone', p.phone],
        ['industry', 'Industry', p.industry],
      ]),
      phones: [p.phone],
    });
  };
  return { contact, company };
}

/** HubSpot's call status for how a call ended. */
function callStatus(c: CrmCall): string {
  if (c.outcome === 'answered' || c.outcome === 'answered-elsewhere') return 'COMPLETED';
  if (c.outcome === 'busy' || c.outcome === 'rejected') return 'BUSY';
  if (c.outcome === 'failed') return 'FAILED';
  if (c.outcome === 'cancelled') return 'CANCELED';
  return 'NO_ANSWER';
}

export function callProperties(c: CrmCall, details: LogDetails): Record<string, string> {
  const inbound = c.direction === 'inbound';
  return {
    hs_timestamp: new Date(c.startedAt).toISOString(),
    hs_call_title: details.subject,
    hs_call_body: details.summary,
    hs_call_direction: inbound ? 'INBOUND' : 'OUTBOUND',
    hs_call_duration: String(c.talkSeconds * 1000),
    hs_call_from_number: inbound ? c.remote : c.local,
    hs_call_to_number: inbound ? c.local : c.remote,
    hs_call_status: callStatus(c),
    hs_call_external_id: c.id,
    ...(details.disposition ? { hs_call_disposition: details.disposition } : {}),
  };
}

/** The properties and associations of a new HubSpot object (a deal, ticket or task goes with the caller's record). */
export function createBody(kind: RecordKind, prefill: CreatePrefill) {
  const [first, ...rest] = prefill.name.trim().split(/\s+/);
  const properties: Record<string, string> =
    kind === 'contact'
      ? { firstname: first ?? '', lastname: rest.join(' '), ...(prefill.phone ? { phone: prefill.phone } : {}) }
      : kind === 'company'
        ? { name: prefill.name, ...(prefill.phone ? { phone: prefill.phone } : {}) }
        : kind === 'deal'
          ? { dealname: prefill.name, pipeline: 'default', dealstage: 'appointmentscheduled' }
          : kind === 'case'
            ? { subject: prefill.name, content: prefill.note ?? '', hs_pipeline: '0', hs_pipeline_stage: '1' }
            : {
                hs_timestamp: new Date().toISOString(),
                hs_task_subject: prefill.name,
                hs_task_body: prefill.note ?? '',
                hs_task_status: 'NOT_STARTED',
              };
  const about = prefill.about;
  const typeId =
    about?.kind === 'contact' ? TO_CONTACT[kind] : about?.kind === 'company' ? TO_COMPANY[kind] : undefined;
  const associations =
    about && typeId
      ? [{ to: { id: about.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }]
      : [];
  return { properties, associations };
}
