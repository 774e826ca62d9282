import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { digitsOf, FakeError, startFakeCrm, str, type FakeCrm, type FakeRequest } from './fake-http';

type Row = Record<string, unknown>;
/** The fake portal's data, in Bitrix24's own field names. */
export interface BitrixState {
  contacts: Row[];
  companies: Row[];
  leads: Row[];
  deals: Row[];
  tasks: Row[];
  activities: Row[];
}

/** The seed of tests/fixtures/crm/bitrix24. */
export function bitrixSeed(): BitrixState {
  const seed = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../fixtures/crm/bitrix24/seed.json'), 'utf8'),
  ) as Omit<BitrixState, 'activities'>;
  return { ...seed, activities: [] };
}

export const BITRIX_TOKEN = 'k8s2n4x0v1q7';
const time = () => ({
  start: Date.now() / 1000,
  finish: Date.now() / 1000,
  duration: 0.01,
  processing: 0.005,
  date_start: new Date().toISOString(),
  date_finish: new Date().toISOString(),
});

/** A fake Bitrix24 portal: the REST methods the adapter uses, behind an inbound webhook. */
export async function startFakeBitrix24(
  state: BitrixState = bitrixSeed(),
  port = 0,
): Promise<FakeCrm & { state: BitrixState; webhookUrl: string }> {
  let nextId = 9000;
  const phonesOf = (r: Row) => (Array.isArray(r.PHONE) ? (r.PHONE as Row[]) : []).map((p) => digitsOf(p?.VALUE));
  const byNumber = (rows: Row[], value: string) => {
    const d = digitsOf(value);
    // Bitrix24 compares normalised numbers; Russian 8… and +7… are the same number.
    const norm = (x: string) => (x.length === 11 && x.startsWith('8') ? `7${x.slice(1)}` : x);
    return rows.filter((r) => phonesOf(r).some((p) => norm(p) === norm(d))).map((r) => Number(r.ID));
  };
  const filterRows = (rows: Row[], filter: Row = {}) =>
    rows.filter((r) =>
      Object.entries(filter).every(([k, v]) => {
        if (k.startsWith('%')) return str(r[k.slice(1)]).toLowerCase().includes(String(v).toLowerCase());
        if (Array.isArray(v)) return v.map(String).includes(String(r[k]));
        return String(r[k]) === String(v);
      }),
    );
  const select = (rows: Row[], fields?: unknown) =>
    Array.isArray(fields) ? rows.map((r) => Object.fromEntries(fields.map((f: string) => [f, r[f] ?? null]))) : rows;
  const listOf = (rows: Row[], p: Row) => {
    const found = filterRows(rows, p.filter as Row);
    return {
      result: select(found.slice(0, 50), p.select),
      total: found.length,
      ...(found.length > 50 ? { next: 50 } : {}),
      time: time(),
    };
  };
  const add = (rows: Row[], fields: Row) => {
    const ID = String(nextId++);
    rows.push({
      ...fields,
      ID,
      PHONE: (fields.PHONE as Row[] | undefined)?.map((p, i) => ({ ID: `${ID}${i}`, TYPE_ID: 'PHONE', ...p })) ?? [],
    });
    return { result: Number(ID), time: time() };
  };

  const methods: Record<string, (p: Row) => unknown> = {
    'crm.duplicate.findbycomm': (p) => {
      const value = str((p.values as unknown[] | undefined)?.[0]);
      if (p.type !== 'PHONE') return { result: [], time: time() };
      const found = {
        CONTACT: byNumber(state.contacts, value),
        COMPANY: byNumber(state.companies, value),
        LEAD: byNumber(state.leads, value),
      };
      const nonEmpty = Object.fromEntries(Object.entries(found).filter(([, ids]) => ids.length > 0));
      // Documented quirk: nothing found is an empty list, not an empty object.
      return { result: Object.keys(nonEmpty).length ? nonEmpty : [], time: time() };
    },
    'crm.contact.list': (p) => listOf(state.contacts, p),
    'crm.company.list': (p) => listOf(state.companies, p),
    'crm.lead.list': (p) => listOf(state.leads, p),
    'crm.deal.list': (p) => listOf(state.deals, p),
    'crm.activity.list': (p) => listOf(state.activities, p),
    'tasks.task.list': (p) => {
      const crm = str((p.filter as Row | undefined)?.UF_CRM_TASK);
      const found = state.tasks.filter((t) => (t.ufCrmTask as unknown[] | undefined)?.includes(crm));
      return { result: { tasks: found.slice(0, 50) }, total: found.length, time: time() };
    },
    'crm.contact.add': (p) => add(state.contacts, p.fields as Row),
    'crm.company.add': (p) => add(state.companies, p.fields as Row),
    'crm.lead.add': (p) => add(state.leads, p.fields as Row),
    'crm.deal.add': (p) => add(state.deals, p.fields as Row),
    'crm.activity.add': (p) => add(state.activities, p.fields as Row),
    'tasks.task.add': (p) => {
      const f = p.fields as Row;
      const id = String(nextId++);
      state.tasks.push({ id, title: f.TITLE, status: '2', deadline: null, ufCrmTask: f.UF_CRM_TASK ?? [] });
      return { result: { task: { id, title: f.TITLE } }, time: time() };
    },
    'crm.contact.update': (p) => {
      const row = state.contacts.find((c) => String(c.ID) === String(p.id));
      if (!row) throw new FakeError(400, { error: 'NOT_FOUND', error_description: 'Not found' });
      const fields = p.fields as Row;
      if (Array.isArray(fields.PHONE)) row.PHONE = [...((row.PHONE as Row[]) ?? []), ...(fields.PHONE as Row[])];
      return { result: true, time: time() };
    },
  };

  const fake = await startFakeCrm((req: FakeRequest) => {
    const m = /^\/rest\/(\d+)\/([^/]+)\/([\w.]+)\.json$/.exec(req.path);
    if (!m) throw new FakeError(404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
    if (m[2] !== BITRIX_TOKEN)
      throw new FakeError(401, { error: 'INVALID_CREDENTIALS', error_description: 'Invalid request credentials' });
    const method = methods[m[3] ?? ''];
    if (!method) throw new FakeError(404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
    return { body: method((req.body ?? {}) as Row) };
  }, port);
  return Object.assign(fake, { state, webhookUrl: `${fake.url}/rest/1/${BITRIX_TOKEN}/` });
}
