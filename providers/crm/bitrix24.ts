import { z } from 'zod';
import { defineAdapter, originPattern } from './define';
import { CrmError, unsupported } from './errors';
import { requestJson, type HttpDeps } from './http';
import {
  activityFields,
  bitrixRecords,
  COMPANY_SELECT,
  CONTACT_SELECT,
  ENTITY,
  LEAD_SELECT,
  mapError,
  OWNER_TYPE,
} from './bitrix24-records';
import { array, createdRecord, group, httpUrl, idOf, item, matches, maybeObject, object, text } from './normalize';
import type { CrmClient, CrmRecord, RecordKind, RelatedGroup } from './types';

/**
 * Bitrix24 through an inbound webhook (`https://portal.bitrix24.ru/rest/1/<token>/`), with the
 * documented REST methods: crm.duplicate.findbycomm, crm.{contact,company,lead,deal}.list/add/
 * update, tasks.task.list/add, crm.activity.list/add.
 */

/** The webhook URL: the token is its last path segment, so the whole URL is a secret. */
const WEBHOOK = /^https?:\/\/[^/\s]+\/rest\/(\d+)\/[^/\s]+\/?$/i;

const configSchema = z.object({
  webhookUrl: z.string().trim().min(1, 'errRequired').regex(WEBHOOK, 'errBitrixWebhook'),
});
type Config = z.infer<typeof configSchema>;

function client(config: Config, deps: HttpDeps & { connectionId: string }): CrmClient {
  const base = config.webhookUrl.replace(/\/?$/, '/');
  const portal = new URL(base).origin;
  const userId = WEBHOOK.exec(base)?.[1] ?? '1';
  const connection = deps.connectionId;

  /** Calls a REST method; resolves to its `result`. */
  async function call(method: string, params: unknown, signal?: AbortSignal): Promise<unknown> {
    const body = object(
      await requestJson(deps, `${base}${method}.json`, { method: 'POST', body: params, signal, mapError }),
      method,
    );
    if (!('result' in body)) throw new CrmError('bad-response', `${method}: no result`);
    return body.result;
  }
  const list = async (method: string, params: unknown, signal?: AbortSignal) =>
    array(await call(method, params, signal), method);

  const urlOf = (kind: RecordKind, id: string): string | undefined => {
    if (kind === 'task')
      return httpUrl(`${portal}/company/personal/user/${userId}/tasks/task/view/${encodeURIComponent(id)}/`);
    const entity = ENTITY[kind];
    return entity ? httpUrl(`${portal}/crm/${entity}/details/${encodeURIComponent(id)}/`) : undefined;
  };
  const record = bitrixRecords(connection, urlOf);

  async function companyNames(contacts: unknown[], signal?: AbortSignal): Promise<Map<string, string>> {
    const ids = [...new Set(contacts.map((c) => text(maybeObject(c).COMPANY_ID)).filter((id) => id && id !== '0'))];
    if (ids.length === 0) return new Map();
    const companies = await list('crm.company.list', { filter: { ID: ids }, select: ['ID', 'TITLE'] }, signal);
    return new Map(companies.map((c) => [text(maybeObject(c).ID), text(maybeObject(c).TITLE)]));
  }

  async function recordsByIds(
    ids: { contact: string[]; company: string[]; lead: string[] },
    signal?: AbortSignal,
  ): Promise<CrmRecord[]> {
    const [contacts, companies, leads] = await Promise.all([
      ids.contact.length
        ? list('crm.contact.list', { filter: { ID: ids.contact }, select: CONTACT_SELECT }, signal)
        : [],
      ids.company.length
        ? list('crm.company.list', { filter: { ID: ids.company }, select: COMPANY_SELECT }, signal)
        : [],
      ids.lead.length ? list('crm.lead.list', { filter: { ID: ids.lead }, select: LEAD_SELECT }, signal) : [],
    ]);
    const names = await companyNames(contacts, signal);
    const all = [
      ...contacts.map((c) => record('contact', c, names)),
      ...companies.map((c) => record('company', c)),
      ...leads.map((l) => record('lead', l)),
    ];
    return matches(all.filter((r): r is CrmRecord => r !== null));
  }

  const idList = (v: unknown): string[] =>
    Array.isArray(v)
      ? v
          .map(idOf)
          .filter((id): id is string => id !== null)
          .slice(0, 20)
      : [];

  return {
    async lookupByNumber(e164, opts) {
      const found = await call('crm.duplicate.findbycomm', { type: 'PHONE', values: [e164] }, opts?.signal);
      // Nothing found is documented as an empty list; found ids come grouped by entity type.
      if (Array.isArray(found)) return [];
      const byType = object(found, 'crm.duplicate.findbycomm');
      return recordsByIds(
        { contact: idList(byType.CONTACT), company: idList(byType.COMPANY), lead: idList(byType.LEAD) },
        opts?.signal,
      );
    },
    async search(query, opts) {
      const q = query.trim();
      if (!q) return [];
      if (/@/.test(q) || q.replace(/\D/g, '').length >= 6) {
        const found = await call(
          'crm.duplicate.findbycomm',
          { type: /@/.test(q) ? 'EMAIL' : 'PHONE', values: [q] },
          opts?.signal,
        );
        if (Array.isArray(found)) return [];
        const byType = object(found, 'crm.duplicate.findbycomm');
        return recordsByIds(
          { contact: idList(byType.CONTACT), company: idList(byType.COMPANY), lead: idList(byType.LEAD) },
          opts?.signal,
        );
      }
      const [byLast, byFirst, companies] = await Promise.all([
        list('crm.contact.list', { filter: { '%LAST_NAME': q }, select: CONTACT_SELECT }, opts?.signal),
        list('crm.contact.list', { filter: { '%NAME': q }, select: CONTACT_SELECT }, opts?.signal),
        list('crm.company.list', { filter: { '%TITLE': q }, select: COMPANY_SELECT }, opts?.signal),
      ]);
      const names = await companyNames([...byLast, ...byFirst], opts?.signal);
      const all = [...byLast, ...byFirst]
        .map((c) => record('contact', c, names))
        .concat(companies.map((c) => record('company', c)));
      return matches(all.filter((r): r is CrmRecord => r !== null));
    },
    async related(ref, opts) {
      const owner = ref.kind === 'contact' ? 'CONTACT_ID' : ref.kind === 'company' ? 'COMPANY_ID' : null;
      if (!owner) return [];
      const signal = opts?.signal;
      const dealsCall = call(
        'crm.deal.list',
        {
          filter: { [owner]: ref.id },
          select: ['ID', 'TITLE', 'STAGE_ID', 'OPPORTUNITY', 'CURRENCY_ID'],
          order: { ID: 'DESC' },
        },
        signal,
      );
      const prefix = ref.kind === 'contact' ? 'C' : 'CO';
      const tasksCall = call(
        'tasks.task.list',
        { filter: { UF_CRM_TASK: `${prefix}_${ref.id}` }, select: ['ID', 'TITLE', 'STATUS', 'DEADLINE'] },
        signal,
      );
      const [deals, tasks] = await Promise.all([dealsCall, tasksCall]);
      const groups: RelatedGroup[] = [];
      const dealItems = array(deals, 'crm.deal.list').map((d) => {
        const o = maybeObject(d);
        const amount = text(o.OPPORTUNITY) ? `${text(o.OPPORTUNITY)} ${text(o.CURRENCY_ID)}`.trim() : '';
        return item(o.ID, o.TITLE, [text(o.STAGE_ID), amount].filter(Boolean).join(' · '), urlOf('deal', text(o.ID)));
      });
      if (dealItems.length) groups.push(group('deal', dealItems));
      const taskList = array(maybeObject(tasks).tasks ?? [], 'tasks.task.list');
      const taskItems = taskList.map((t) => {
        const o = maybeObject(t);
        const id = o.id ?? o.ID;
        return item(id, o.title ?? o.TITLE, o.deadline ?? o.DEADLINE, urlOf('task', text(id)));
      });
      if (taskItems.length) groups.push(group('task', taskItems));
      return groups;
    },
    async create(kind, prefill, opts) {
      const phone = prefill.phone ? [{ VALUE: prefill.phone, VALUE_TYPE: 'WORK' }] : undefined;
      const about = prefill.about;
      const aboutField =
        about?.kind === 'company'
          ? { COMPANY_ID: about.id }
          : about?.kind === 'contact'
            ? { CONTACT_ID: about.id }
            : {};
      let id: unknown;
      if (kind === 'contact')
        id = await call(
          'crm.contact.add',
          {
            fields: {
              NAME: prefill.name,
              PHONE: phone,
              COMMENTS: prefill.note,
              ...(about?.kind === 'company' ? { COMPANY_ID: about.id } : {}),
            },
          },
          opts?.signal,
        );
      else if (kind === 'company')
        id = await call(
          'crm.company.add',
          { fields: { TITLE: prefill.name, PHONE: phone, COMMENTS: prefill.note } },
          opts?.signal,
        );
      else if (kind === 'lead')
        id = await call(
          'crm.lead.add',
          { fields: { TITLE: prefill.name, NAME: prefill.name, PHONE: phone, COMMENTS: prefill.note, ...aboutField } },
          opts?.signal,
        );
      else if (kind === 'deal')
        id = await call(
          'crm.deal.add',
          { fields: { TITLE: prefill.name, COMMENTS: prefill.note, ...aboutField } },
          opts?.signal,
        );
      else if (kind === 'task') {
        const crm =
          about && OWNER_TYPE[about.kind]
            ? [
                `${about.kind === 'company' ? 'CO' : about.kind === 'lead' ? 'L' : about.kind === 'deal' ? 'D' : 'C'}_${about.id}`,
              ]
            : [];
        const result = maybeObject(
          await call(
            'tasks.task.add',
            {
              fields: {
                TITLE: prefill.name,
                DESCRIPTION: prefill.note ?? '',
                RESPONSIBLE_ID: userId,
                UF_CRM_TASK: crm,
              },
            },
            opts?.signal,
          ),
        );
        id = maybeObject(result.task).id;
      } else unsupported(`creating a ${kind}`);
      return createdRecord(connection, kind, id, prefill, urlOf);
    },
    async link(c, ref, opts) {
      const entity =
        ref.kind === 'contact' || ref.kind === 'company' || ref.kind === 'lead' ? ENTITY[ref.kind] : undefined;
      if (!entity || !c.remote.startsWith('+')) unsupported(`adding a number to a ${ref.kind}`);
      // Multi-field values without an ID are added next to the existing ones, not replacing them.
      await call(
        `crm.${entity}.update`,
        { id: ref.id, fields: { PHONE: [{ VALUE: c.remote, VALUE_TYPE: 'WORK' }] } },
        opts?.signal,
      );
    },
    async logCall(c, details, ref, opts) {
      const ownerType = ref ? OWNER_TYPE[ref.kind] : undefined;
      if (!ref || !ownerType) unsupported('logging a call without a contact, company, lead or deal');
      const originId = `cti-phone:${c.id}`;
      const existing = await list(
        'crm.activity.list',
        { filter: { ORIGIN_ID: originId, OWNER_TYPE_ID: ownerType, OWNER_ID: ref.id }, select: ['ID'] },
        opts?.signal,
      );
      const found = idOf(maybeObject(existing[0]).ID);
      if (found) return { id: found };
      const id = idOf(
        await call(
          'crm.activity.add',
          { fields: activityFields(c, details, ownerType, ref, userId, originId) },
          opts?.signal,
        ),
      );
      if (!id) throw new CrmError('bad-response', 'crm.activity.add returned no id');
      return { id };
    },
    recordUrl: (ref) => urlOf(ref.kind, ref.id),
    dispositions: () => Promise.resolve([]),
  };
}

/** Bitrix24 (cloud or self-hosted) through an inbound webhook. */
export const bitrix24 = defineAdapter<Config>({
  name: 'bitrix24',
  label: 'Bitrix24',
  capabilities: ['lookup', 'search', 'related', 'create', 'link', 'log'],
  kinds: ['contact', 'company', 'lead', 'deal', 'task'],
  fields: [
    { key: 'position', label: 'Position' },
    { key: 'email', label: 'Email' },
    { key: 'phone', label: 'Phone' },
    { key: 'status', label: 'Status' },
    { key: 'industry', label: 'Industry' },
    { key: 'comments', label: 'Comments' },
  ],
  defaultFields: ['position', 'email', 'status'],
  configSchema,
  defaults: () => ({ webhookUrl: '' }),
  secrets: ['webhookUrl'],
  origins: (c) => originPattern(c.webhookUrl),
  connect: (c, deps) => client(c, deps),
});
