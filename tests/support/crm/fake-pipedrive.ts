import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { digitsOf, FakeError, startFakeCrm, type FakeCrm, type FakeRequest } from './fake-http';

type Row = Record<string, unknown>;
/** The fake company's data, in Pipedrive's own field names. */
export interface PipedriveState {
  persons: Row[];
  organizations: Row[];
  deals: Row[];
  leads: Row[];
  activities: Row[];
  callLogs: Row[];
}

/** The seed of tests/fixtures/crm/pipedrive. */
export function pipedriveSeed(): PipedriveState {
  const s = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../fixtures/crm/pipedrive/seed.json'), 'utf8'),
  ) as Omit<PipedriveState, 'callLogs'>;
  return { ...s, callLogs: [] };
}

export const PIPEDRIVE_TOKEN = '7f1c9a3b5d2e4f60819a7b3c5d2e4f60819a7b3c';

/** A fake Pipedrive company: the v1 endpoints the adapter uses. */
export async function startFakePipedrive(
  state: PipedriveState = pipedriveSeed(),
  port = 0,
): Promise<FakeCrm & { state: PipedriveState }> {
  let nextId = 9000;
  const ok = (data: unknown, more = false) => ({
    body: {
      success: true,
      data,
      additional_data: { pagination: { start: 0, limit: 100, more_items_in_collection: more } },
    },
  });
  const org = (id: unknown) => state.organizations.find((o) => o.id === id);
  const personItem = (p: Row) => ({
    result_score: 1,
    item: {
      id: p.id,
      type: 'person',
      name: p.name,
      phones: ((p.phone as Row[]) ?? []).map((x) => x.value),
      emails: ((p.email as Row[]) ?? []).map((x) => x.value),
      visible_to: 3,
      owner: { id: (p.owner_id as Row | undefined)?.id ?? 1 },
      organization: org(p.org_id)
        ? { id: org(p.org_id)!.id, name: org(p.org_id)!.name, address: org(p.org_id)!.address }
        : null,
      custom_fields: [],
      notes: [],
    },
  });
  const personData = (p: Row) => ({
    ...p,
    org_id: org(p.org_id) ? { name: org(p.org_id)!.name, value: p.org_id } : null,
  });

  const fake = await startFakeCrm((req: FakeRequest) => {
    if (req.headers['x-api-token'] !== PIPEDRIVE_TOKEN && req.query.get('api_token') !== PIPEDRIVE_TOKEN) {
      throw new FakeError(401, {
        success: false,
        error: 'unauthorized access',
        errorCode: 401,
        error_info: 'Please check the API token.',
      });
    }
    const body = (req.body ?? {}) as Row;
    const path = req.path.replace(/^\/api\/v1/, '');
    const q = req.query;
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && path === '/persons/search') {
      const term = q.get('term') ?? '';
      const d = digitsOf(term);
      const found = state.persons.filter((p) =>
        q.get('fields') === 'phone' && d
          ? ((p.phone as Row[]) ?? []).some((x) => digitsOf(x.value).includes(d))
          : String(p.name).toLowerCase().includes(term.toLowerCase()),
      );
      return ok({ items: found.slice(0, Number(q.get('limit') ?? 100)).map(personItem) });
    }
    if (req.method === 'GET' && path === '/itemSearch') {
      const term = (q.get('term') ?? '').toLowerCase();
      const people = state.persons.filter((p) => String(p.name).toLowerCase().includes(term)).map(personItem);
      const orgs = state.organizations
        .filter((o) => String(o.name).toLowerCase().includes(term))
        .map((o) => ({
          result_score: 0.5,
          item: { id: o.id, type: 'organization', name: o.name, address: o.address, visible_to: 3, owner: { id: 1 } },
        }));
      return ok({ items: [...people, ...orgs], related_items: [] });
    }
    if (req.method === 'GET' && (m = /^\/(persons|organizations)\/(\d+)\/(deals|activities|persons)$/.exec(path))) {
      const key = m[1] === 'persons' ? 'person_id' : 'org_id';
      const rows =
        m[3] === 'deals'
          ? state.deals
          : m[3] === 'activities'
            ? state.activities.filter((a) => !a.done)
            : state.persons;
      const found = rows.filter((r) => String(r[key]) === m![2]);
      return ok(found.length ? found.slice(0, 25) : null, found.length > 25);
    }
    if (req.method === 'GET' && path === '/leads') {
      const person = q.get('person_id');
      const orgId = q.get('organization_id');
      return ok(
        state.leads.filter(
          (l) => (person && String(l.person_id) === person) || (orgId && String(l.organization_id) === orgId),
        ),
      );
    }
    if ((m = /^\/persons\/(\d+)$/.exec(path))) {
      const p = state.persons.find((x) => String(x.id) === m![1]);
      if (!p) throw new FakeError(404, { success: false, error: 'Person not found', errorCode: 404 });
      if (req.method === 'PUT' && Array.isArray(body.phone)) p.phone = body.phone;
      return ok(personData(p));
    }
    if (req.method === 'GET' && path === '/callLogs')
      return ok([...state.callLogs].reverse().slice(0, Number(q.get('limit') ?? 50)));
    const create: Record<string, Row[]> = {
      '/persons': state.persons,
      '/organizations': state.organizations,
      '/deals': state.deals,
      '/leads': state.leads,
      '/activities': state.activities,
      '/callLogs': state.callLogs,
    };
    if (req.method === 'POST' && create[path]) {
      const id =
        path === '/leads'
          ? `0000${nextId++}-aaaa-4bbb-8ccc-000000000000`
          : path === '/callLogs'
            ? `${nextId++}a1b2c3`
            : nextId++;
      const row = { ...body, id };
      if (path === '/callLogs' && !body.to_phone_number)
        throw new FakeError(400, { success: false, error: 'to_phone_number is required', errorCode: 400 });
      create[path].push(row);
      return { status: 201, ...ok(path === '/persons' ? personData(row) : row) };
    }
    throw new FakeError(404, { success: false, error: `Unknown method ${req.method} ${path}`, errorCode: 404 });
  }, port);
  return Object.assign(fake, { state });
}
