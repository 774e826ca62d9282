import { z } from 'zod';
import { defineAdapter, originPattern } from './define';
import { CrmError, unsupported } from './errors';
import { requestJson, type HttpDeps } from './http';
import {
  callProperties,
  COMPANY_PROPS,
  CONTACT_PROPS,
  createBody,
  hubspotRecords,
  mapError,
  OBJECT,
} from './hubspot-objects';
import {
  array,
  createdRecord,
  digits,
  group,
  httpUrl,
  idOf,
  item,
  matches,
  maybeObject,
  object,
  text,
} from './normalize';
import type { AdapterDeps, CrmClient, CrmRecord, RecordKind, RecordRef, RelatedGroup } from './types';

/**
 * HubSpot through a private app's access token and the documented CRM v3/v4 APIs: object search
 * (`/crm/v3/objects/{type}/search`), batch read, v4 associations, object create/update, calls
 * engagements (`/crm/v3/objects/calls`, idempotent on `hs_call_external_id`) and
 * `/calling/v1/dispositions`.
 */

const URL_RE = /^https?:\/\/[^\s/?#]+\/?$/i;
const configSchema = z.object({
  token: z.string().trim().min(1, 'errRequired').max(512, 'errTooLong'),
  /** The account (hub) id, for record links (`app.hubspot.com/contacts/<portal>/record/…`). */
  portalId: z
    .string()
    .trim()
    .regex(/^\d{0,12}$/, 'errPortalId'),
  apiUrl: z.string().trim().regex(URL_RE, 'errCrmUrl'),
  appUrl: z.string().trim().regex(URL_RE, 'errCrmUrl'),
});
type Config = z.infer<typeof configSchema>;

function client(config: Config, deps: HttpDeps & Pick<AdapterDeps, 'connectionId' | 'nationalNumber'>): CrmClient {
  const api = config.apiUrl.replace(/\/$/, '');
  const app = config.appUrl.replace(/\/$/, '');
  const connection = deps.connectionId;
  const headers = { authorization: `Bearer ${config.token}` };
  const req = (path: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' = 'GET', body?: unknown, signal?: AbortSignal) =>
    requestJson(deps, `${api}${path}`, { method, body, headers, signal, mapError });

  const urlOf = (kind: RecordKind, id: string) => {
    const o = OBJECT[kind];
    return o && config.portalId
      ? httpUrl(`${app}/contacts/${config.portalId}/record/${o.typeId}/${encodeURIComponent(id)}`)
      : undefined;
  };

  const { contact, company } = hubspotRecords(connection, urlOf);
  const results = (body: unknown, what: string) => array(object(body, what).results, `${what} results`);
  const keep = (list: Array<CrmRecord | null>) => matches(list.filter((r): r is CrmRecord => r !== null));

  async function associated(kind: RecordKind, ref: RecordRef, to: string, signal?: AbortSignal) {
    const from = OBJECT[kind]?.type;
    const body = await req(
      `/crm/v4/objects/${from}/${encodeURIComponent(ref.id)}/associations/${to}?limit=100`,
      'GET',
      undefined,
      signal,
    );
    return results(body, `${to} associations`)
      .map((a) => idOf(maybeObject(a).toObjectId))
      .filter((id): id is string => id !== null);
  }
  async function batchRead(type: string, ids: string[], properties: string[], signal?: AbortSignal) {
    if (ids.length === 0) return [];
    const body = await req(
      `/crm/v3/objects/${type}/batch/read`,
      'POST',
      { inputs: ids.slice(0, 25).map((id) => ({ id })), properties },
      signal,
    );
    return results(body, `${type} batch read`);
  }

  return {
    async lookupByNumber(e164, opts) {
      const national = deps.nationalNumber?.(e164) ?? digits(e164).slice(-10);
      const filterGroups = ['hs_searchable_calculated_phone_number', 'hs_searchable_calculated_mobile_number'].map(
        (propertyName) => ({
          filters: [{ propertyName, operator: 'EQ', value: national }],
        }),
      );
      const body = await req(
        '/crm/v3/objects/contacts/search',
        'POST',
        { filterGroups, properties: CONTACT_PROPS, limit: 20 },
        opts?.signal,
      );
      return keep(results(body, 'contacts search').map(contact));
    },
    async search(query, opts) {
      const q = query.trim();
      if (!q) return [];
      const [people, companies] = await Promise.all([
        req(
          '/crm/v3/objects/contacts/search',
          'POST',
          { query: q, properties: CONTACT_PROPS, limit: 10 },
          opts?.signal,
        ),
        req(
          '/crm/v3/objects/companies/search',
          'POST',
          { query: q, properties: COMPANY_PROPS, limit: 10 },
          opts?.signal,
        ),
      ]);
      return keep([
        ...results(people, 'contacts search').map(contact),
        ...results(companies, 'companies search').map(company),
      ]);
    },
    async related(ref, opts) {
      if (ref.kind !== 'contact' && ref.kind !== 'company') return [];
      const signal = opts?.signal;
      const [dealIds, ticketIds, companyIds] = await Promise.all([
        associated(ref.kind, ref, 'deals', signal),
        associated(ref.kind, ref, 'tickets', signal),
        ref.kind === 'contact' ? associated(ref.kind, ref, 'companies', signal) : Promise.resolve([]),
      ]);
      const [deals, tickets, companies] = await Promise.all([
        batchRead('deals', dealIds, ['dealname', 'amount', 'dealstage', 'closedate'], signal),
        batchRead('tickets', ticketIds, ['subject', 'hs_pipeline_stage', 'hs_ticket_priority'], signal),
        batchRead('companies', companyIds, ['name', 'domain'], signal),
      ]);
      const groups: RelatedGroup[] = [];
      const props = (o: unknown) => maybeObject(maybeObject(o).properties);
      if (companies.length)
        groups.push(
          group(
            'company',
            companies.map((c) =>
              item(maybeObject(c).id, props(c).name, props(c).domain, urlOf('company', text(maybeObject(c).id))),
            ),
          ),
        );
      if (deals.length) {
        groups.push(
          group(
            'deal',
            deals.map((d) =>
              item(
                maybeObject(d).id,
                props(d).dealname,
                [text(props(d).dealstage), text(props(d).amount)].filter(Boolean).join(' · '),
                urlOf('deal', text(maybeObject(d).id)),
              ),
            ),
            dealIds.length,
          ),
        );
      }
      if (tickets.length) {
        groups.push(
          group(
            'case',
            tickets.map((t) =>
              item(
                maybeObject(t).id,
                props(t).subject,
                props(t).hs_pipeline_stage,
                urlOf('case', text(maybeObject(t).id)),
              ),
            ),
            ticketIds.length,
          ),
        );
      }
      return groups;
    },
    async create(kind, prefill, opts) {
      const o = OBJECT[kind];
      if (!o || kind === 'lead' || kind === 'order') unsupported(`creating a ${kind}`);
      const { properties, associations } = createBody(kind, prefill);
      const body = object(
        await req(`/crm/v3/objects/${o.type}`, 'POST', { properties, associations }, opts?.signal),
        `${o.type} create`,
      );
      return createdRecord(connection, kind, body.id, prefill, urlOf);
    },
    async link(c, ref, opts) {
      if ((ref.kind !== 'contact' && ref.kind !== 'company') || !c.remote.startsWith('+'))
        unsupported(`adding a number to a ${ref.kind}`);
      const type = OBJECT[ref.kind]?.type ?? 'contacts';
      const current = maybeObject(
        object(
          await req(
            `/crm/v3/objects/${type}/${encodeURIComponent(ref.id)}?properties=phone,mobilephone`,
            'GET',
            undefined,
            opts?.signal,
          ),
          'record',
        ).properties,
      );
      if (digits(text(current.phone)) === digits(c.remote) || digits(text(current.mobilephone)) === digits(c.remote))
        return;
      // HubSpot has one phone property per kind of number: fill an empty one, never overwrite.
      const free = !text(current.phone)
        ? 'phone'
        : ref.kind === 'contact' && !text(current.mobilephone)
          ? 'mobilephone'
          : null;
      if (!free) throw new CrmError('invalid', 'the record has no free phone property');
      await req(
        `/crm/v3/objects/${type}/${encodeURIComponent(ref.id)}`,
        'PATCH',
        { properties: { [free]: c.remote } },
        opts?.signal,
      );
    },
    async logCall(c, details, ref, opts) {
      const signal = opts?.signal;
      const assoc = ref ? OBJECT[ref.kind] : undefined;
      if (ref && !assoc?.callAssoc) unsupported(`logging a call on a ${ref.kind}`);
      // One call engagement per call: a retry or a second record finds it by its external id.
      const found = await req(
        '/crm/v3/objects/calls/search',
        'POST',
        {
          filterGroups: [{ filters: [{ propertyName: 'hs_call_external_id', operator: 'EQ', value: c.id }] }],
          properties: ['hs_call_external_id'],
          limit: 1,
        },
        signal,
      );
      const existing = idOf(maybeObject(results(found, 'calls search')[0]).id);
      if (existing) {
        if (ref && assoc)
          await req(
            `/crm/v4/objects/calls/${existing}/associations/default/${assoc.type}/${encodeURIComponent(ref.id)}`,
            'PUT',
            undefined,
            signal,
          );
        return { id: existing, url: urlOfCall(existing) };
      }
      const associations =
        ref && assoc
          ? [
              {
                to: { id: ref.id },
                types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: assoc.callAssoc }],
              },
            ]
          : [];
      const body = object(
        await req('/crm/v3/objects/calls', 'POST', { properties: callProperties(c, details), associations }, signal),
        'calls create',
      );
      const id = idOf(body.id);
      if (!id) throw new CrmError('bad-response', 'call logged without an id');
      return { id, url: urlOfCall(id) };
    },
    recordUrl: (ref) => urlOf(ref.kind, ref.id),
    async dispositions(opts) {
      const list = array(await req('/calling/v1/dispositions', 'GET', undefined, opts?.signal), 'dispositions');
      return list
        .map((d) => ({ id: text(maybeObject(d).id, 128), label: text(maybeObject(d).label, 128) }))
        .filter((d) => d.id && d.label)
        .slice(0, 50);
    },
  };

  function urlOfCall(id: string) {
    return config.portalId
      ? httpUrl(`${app}/contacts/${config.portalId}/record/0-48/${encodeURIComponent(id)}`)
      : undefined;
  }
}

/** HubSpot with a private app access token. */
export const hubspot = defineAdapter<Config>({
  name: 'hubspot',
  label: 'HubSpot',
  capabilities: ['lookup', 'search', 'related', 'create', 'link', 'log'],
  kinds: ['contact', 'company', 'deal', 'case', 'task'],
  fields: [
    { key: 'position', label: 'Job title' },
    { key: 'email', label: 'Email' },
    { key: 'phone', label: 'Phone' },
    { key: 'stage', label: 'Lifecycle stage' },
    { key: 'status', label: 'Lead status' },
    { key: 'website', label: 'Domain' },
    { key: 'industry', label: 'Industry' },
  ],
  defaultFields: ['position', 'email', 'stage'],
  configSchema,
  defaults: () => ({ token: '', portalId: '', apiUrl: 'https://api.hubapi.com', appUrl: 'https://app.hubspot.com' }),
  secrets: ['token'],
  origins: (c) => originPattern(c.apiUrl),
  connect: (c, deps) => client(c, deps),
});
