import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { digitsOf, FakeError, startFakeCrm, type FakeCrm, type FakeRequest } from './fake-http';

type Row = Record<string, unknown>;
/** A small JSON API of an in-house CRM, as the generic REST adapter is configured for it. */
export interface RestState {
  contacts: Row[];
  calls: Row[];
}

export function restSeed(): RestState {
  const s = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/crm/rest/seed.json'), 'utf8')) as {
    contacts: Row[];
  };
  return { contacts: s.contacts, calls: [] };
}

export const REST_TOKEN = 'in-house-token-42';

/** A fake in-house CRM: `/api/contacts?phone=`, `/api/search?q=`, create, add phone, log call (idempotent). */
export async function startFakeRest(state: RestState = restSeed(), port = 0): Promise<FakeCrm & { state: RestState }> {
  let nextId = 9000;
  const fake = await startFakeCrm((req: FakeRequest) => {
    if (req.headers.authorization !== `Bearer ${REST_TOKEN}`) throw new FakeError(401, { error: 'unauthorized' });
    const body = (req.body ?? {}) as Row;
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && req.path === '/api/contacts') {
      const d = digitsOf(req.query.get('phone'));
      return {
        body: { data: state.contacts.filter((c) => ((c.phones as string[]) ?? []).some((p) => digitsOf(p) === d)) },
      };
    }
    if (req.method === 'GET' && req.path === '/api/search') {
      const q = (req.query.get('q') ?? '').toLowerCase();
      return { body: { data: state.contacts.filter((c) => String(c.name).toLowerCase().includes(q)) } };
    }
    if (req.method === 'POST' && req.path === '/api/contacts') {
      const c = {
        id: `c-${nextId++}`,
        name: body.name,
        company: { name: '' },
        phones: body.phone ? [body.phone] : [],
        email: '',
        orders: [],
      };
      state.contacts.push(c);
      return { status: 201, body: { data: c } };
    }
    if (req.method === 'POST' && (m = /^\/api\/contacts\/([^/]+)\/phones$/.exec(req.path))) {
      const c = state.contacts.find((x) => x.id === m![1]);
      if (!c) throw new FakeError(404, { error: 'no such contact' });
      (c.phones as string[]).push(String(body.phone));
      return { body: { ok: true } };
    }
    if (req.method === 'POST' && req.path === '/api/calls') {
      const key = String(req.headers['idempotency-key'] ?? '');
      const seen = state.calls.find((c) => c.idempotencyKey === key);
      if (seen) return { body: seen };
      const call = { ...body, id: `call-${nextId++}`, idempotencyKey: key };
      state.calls.push(call);
      return { status: 201, body: call };
    }
    throw new FakeError(404, { error: 'not found' });
  }, port);
  return Object.assign(fake, { state });
}

/** The REST adapter's configuration for this fake. */
export function restConfig(url: string): Record<string, unknown> {
  return {
    lookupUrl: `${url}/api/contacts?phone={e164}`,
    searchUrl: `${url}/api/search?q={query}`,
    headers: `Authorization: Bearer ${REST_TOKEN}`,
    resultsPath: 'data',
    idPath: 'id',
    titlePath: 'name',
    subtitlePath: 'company.name',
    phonesPath: 'phones',
    recordUrl: `${url}/contacts/{id}`,
    fields: [{ label: 'Email', path: 'email' }],
    related: [
      { kind: 'order', path: 'orders', titlePath: 'number', detailPath: 'status', urlTemplate: `${url}/orders/{id}` },
    ],
    createUrl: `${url}/api/contacts`,
    createBody: '{"name": "{name}", "phone": "{e164}"}',
    linkUrl: `${url}/api/contacts/{id}/phones`,
    linkBody: '{"phone": "{e164}"}',
    logUrl: `${url}/api/calls`,
    logBody:
      '{"callId": "{callId}", "contactId": "{id}", "phone": "{e164}", "direction": "{direction}", "duration": "{duration}", "subject": "{subject}", "summary": "{summary}"}',
  };
}
