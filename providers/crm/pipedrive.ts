import { z } from 'zod';
import { defineAdapter, originPattern } from './define';
import { CrmError, unsupported } from './errors';
import { requestJson, type HttpDeps } from './http';
import { callLog, OUTCOMES, PATH, phoneValues, pipedriveRecords } from './pipedrive-records';
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
import type { AdapterDeps, CrmClient, CrmRecord, RecordKind, RelatedGroup } from './types';

/**
 * Pipedrive through an API token (sent in the `x-api-token` header, never in the URL) and the
 * documented v1 API: persons/search, itemSearch, persons/{id}/deals, persons/{id}/activities,
 * leads, persons/organizations/deals/leads/activities create, callLogs.
 */

const configSchema = z.object({
  /** The company's address, `https://acme.pipedrive.com`: API calls go to its `/api/v1`. */
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/?#]+\/?$/i, 'errCrmUrl'),
  apiToken: z.string().trim().min(1, 'errRequired').max(256, 'errTooLong'),
});
type Config = z.infer<typeof configSchema>;

function client(config: Config, deps: HttpDeps & Pick<AdapterDeps, 'connectionId' | 'nationalNumber'>): CrmClient {
  const site = config.url.replace(/\/$/, '');
  const connection = deps.connectionId;
  const headers = { 'x-api-token': config.apiToken };
  async function req(path: string, method: 'GET' | 'POST' | 'PUT' = 'GET', body?: unknown, signal?: AbortSignal) {
    const answer = object(
      await requestJson(deps, `${site}/api/v1${path}`, { method, body, headers, signal }),
      path.split('?')[0] ?? path,
    );
    if (answer.success === false) throw new CrmError('invalid', `pipedrive: ${text(answer.error, 200)}`);
    return answer;
  }
  const urlOf = (kind: RecordKind, id: string) => {
    const p = PATH[kind];
    return p ? httpUrl(`${site}/${p}/${encodeURIComponent(id)}`) : undefined;
  };
  const { person, organization } = pipedriveRecords(connection, urlOf);
  const items = (answer: Record<string, unknown>) =>
    array(object(answer.data, 'search data').items, 'search items').map((i) => maybeObject(maybeObject(i).item));
  const keep = (list: Array<CrmRecord | null>) => matches(list.filter((r): r is CrmRecord => r !== null));

  return {
    async lookupByNumber(e164, opts) {
      const national = deps.nationalNumber?.(e164) ?? digits(e164).slice(-10);
      // Numbers are stored as typed ("8 (495) 123-45-67"); search by the national digits, then
      // keep the persons one of whose numbers really ends with them.
      const answer = await req(
        `/persons/search?term=${encodeURIComponent(national)}&fields=phone&limit=50`,
        'GET',
        undefined,
        opts?.signal,
      );
      const hits = items(answer).filter((p) =>
        phoneValues(p.phones).some((n) => digits(text(n, 64)).endsWith(national)),
      );
      return keep(hits.map(person));
    },
    async search(query, opts) {
      const q = query.trim();
      if (q.length < 2) return [];
      const answer = await req(
        `/itemSearch?term=${encodeURIComponent(q)}&item_types=person,organization&limit=20`,
        'GET',
        undefined,
        opts?.signal,
      );
      return keep(
        items(answer).map((i) =>
          i.type === 'organization' ? organization(i) : i.type === 'person' ? person(i) : null,
        ),
      );
    },
    async related(ref, opts) {
      if (ref.kind !== 'contact' && ref.kind !== 'company') return [];
      const base =
        ref.kind === 'contact'
          ? `/persons/${encodeURIComponent(ref.id)}`
          : `/organizations/${encodeURIComponent(ref.id)}`;
      const leadParam = ref.kind === 'contact' ? 'person_id' : 'organization_id';
      const [deals, activities, leads] = await Promise.all([
        req(`${base}/deals?status=all_not_deleted&limit=25`, 'GET', undefined, opts?.signal),
        req(`${base}/activities?done=0&limit=25`, 'GET', undefined, opts?.signal),
        req(`/leads?${leadParam}=${encodeURIComponent(ref.id)}&limit=25`, 'GET', undefined, opts?.signal),
      ]);
      const list = (a: Record<string, unknown>) => (a.data === null ? [] : array(a.data, 'data'));
      const more = (a: Record<string, unknown>) =>
        maybeObject(maybeObject(a.additional_data).pagination).more_items_in_collection === true;
      const groups: RelatedGroup[] = [];
      const dealItems = list(deals).map((d) => {
        const o = maybeObject(d);
        const value = text(o.value) ? `${text(o.value)} ${text(o.currency)}` : '';
        return item(o.id, o.title, [text(o.status), value].filter(Boolean).join(' · '), urlOf('deal', text(o.id)));
      });
      if (dealItems.length) groups.push({ ...group('deal', dealItems), more: more(deals) || dealItems.length > 25 });
      const leadItems = list(leads).map((l) =>
        item(maybeObject(l).id, maybeObject(l).title, undefined, urlOf('lead', text(maybeObject(l).id))),
      );
      if (leadItems.length) groups.push(group('lead', leadItems));
      const taskItems = list(activities).map((a) =>
        item(
          maybeObject(a).id,
          maybeObject(a).subject,
          [text(maybeObject(a).type), text(maybeObject(a).due_date)].filter(Boolean).join(' · '),
        ),
      );
      if (taskItems.length) groups.push({ ...group('task', taskItems), more: more(activities) });
      return groups;
    },
    async create(kind, prefill, opts) {
      const about = prefill.about;
      const person_id = about?.kind === 'contact' ? Number(about.id) : undefined;
      const org_id = about?.kind === 'company' ? Number(about.id) : undefined;
      let path: string;
      let body: Record<string, unknown>;
      if (kind === 'contact')
        [path, body] = [
          '/persons',
          {
            name: prefill.name,
            ...(prefill.phone ? { phone: [{ value: prefill.phone, primary: true, label: 'work' }] } : {}),
            ...(org_id ? { org_id } : {}),
          },
        ];
      else if (kind === 'company') [path, body] = ['/organizations', { name: prefill.name }];
      else if (kind === 'deal')
        [path, body] = [
          '/deals',
          { title: prefill.name, ...(person_id ? { person_id } : {}), ...(org_id ? { org_id } : {}) },
        ];
      else if (kind === 'lead')
        [path, body] = [
          '/leads',
          { title: prefill.name, ...(person_id ? { person_id } : {}), ...(org_id ? { organization_id: org_id } : {}) },
        ];
      else if (kind === 'task')
        [path, body] = [
          '/activities',
          {
            subject: prefill.name,
            type: 'task',
            note: prefill.note ?? '',
            done: 0,
            ...(person_id ? { person_id } : {}),
            ...(org_id ? { org_id } : {}),
          },
        ];
      else unsupported(`creating a ${kind}`);
      const answer = await req(path, 'POST', body, opts?.signal);
      return createdRecord(connection, kind, maybeObject(answer.data).id, prefill, urlOf);
    },
    async link(c, ref, opts) {
      if (ref.kind !== 'contact' || !c.remote.startsWith('+')) unsupported(`adding a number to a ${ref.kind}`);
      const current = maybeObject(
        (await req(`/persons/${encodeURIComponent(ref.id)}`, 'GET', undefined, opts?.signal)).data,
      );
      const phones = (Array.isArray(current.phone) ? current.phone : [])
        .map((p) => maybeObject(p))
        .filter((p) => text(p.value));
      if (phones.some((p) => digits(text(p.value, 64)) === digits(c.remote))) return;
      const next = [
        ...phones.map((p) => ({
          value: text(p.value, 64),
          primary: p.primary === true,
          label: text(p.label, 32) || 'work',
        })),
        { value: c.remote, primary: phones.length === 0, label: 'work' },
      ];
      await req(`/persons/${encodeURIComponent(ref.id)}`, 'PUT', { phone: next }, opts?.signal);
    },
    async logCall(c, details, ref, opts) {
      const marker = `Call ID: ${c.id}`;
      // Call logs have no external id: the note carries the call's id, and a retry looks for it
      // among the newest logs first, so a request that timed out after reaching Pipedrive is not repeated.
      const recent = await req('/callLogs?start=0&limit=50', 'GET', undefined, opts?.signal);
      const already = (recent.data === null ? [] : array(recent.data, 'callLogs'))
        .map((l) => maybeObject(l))
        .find((l) => text(l.note, 4000).includes(marker));
      const existing = already ? idOf(already.id) : null;
      if (existing) return { id: existing };
      const answer = await req(
        '/callLogs',
        'POST',
        callLog(c, details, ref ? { kind: ref.kind, id: ref.id } : null, marker),
        opts?.signal,
      );
      const id = idOf(maybeObject(answer.data).id);
      if (!id) throw new CrmError('bad-response', 'call logged without an id');
      return { id };
    },
    recordUrl: (ref) => urlOf(ref.kind, ref.id),
    dispositions: () => Promise.resolve(OUTCOMES),
  };
}

/** Pipedrive with an API token. */
export const pipedrive = defineAdapter<Config>({
  name: 'pipedrive',
  label: 'Pipedrive',
  capabilities: ['lookup', 'search', 'related', 'create', 'link', 'log'],
  kinds: ['contact', 'company', 'lead', 'deal', 'task'],
  fields: [
    { key: 'email', label: 'Email' },
    { key: 'phone', label: 'Phone' },
    { key: 'owner', label: 'Owner' },
    { key: 'address', label: 'Address' },
  ],
  defaultFields: ['email', 'owner'],
  configSchema,
  defaults: () => ({ url: '', apiToken: '' }),
  secrets: ['apiToken'],
  origins: (c) => originPattern(c.url),
  connect: (c, deps) => client(c, deps),
});
