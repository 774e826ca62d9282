import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { FakeError, startFakeCrm, str, type FakeCrm, type FakeRequest } from './fake-http';

type Obj = { id: string; properties: Record<string, unknown>; createdAt: string; updatedAt: string; archived: boolean };
/** The fake account's objects by type (`contacts`, `deals`…) and its associations. */
export interface HubSpotState {
  objects: Record<string, Obj[]>;
  associations: Array<{ from: string; fromId: string; to: string; toId: string; typeId: number }>;
  dispositions: Array<{ id: string; label: string }>;
}

interface Seed {
  contacts: Obj[];
  companies: Obj[];
  deals: Obj[];
  tickets: Obj[];
  associations: HubSpotState['associations'];
  dispositions: HubSpotState['dispositions'];
}

/** The seed of tests/fixtures/crm/hubspot. */
export function hubspotSeed(): HubSpotState {
  const s = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../fixtures/crm/hubspot/seed.json'), 'utf8'),
  ) as Seed;
  return {
    objects: { contacts: s.contacts, companies: s.companies, deals: s.deals, tickets: s.tickets, calls: [], tasks: [] },
    associations: s.associations,
    dispositions: s.dispositions,
  };
}

export const HUBSPOT_TOKEN = 'pat-eu1-11111111-2222-3333-4444-555555555555';
export const HUBSPOT_PORTAL = '4242';

/** HubSpot's calculated search property: the number's digits without the country code. */
function national(phone: unknown): string {
  const p = parsePhoneNumberFromString(str(phone), 'RU');
  return p ? p.nationalNumber : '';
}

/** A fake HubSpot account: the CRM v3/v4 endpoints the adapter uses. */
export async function startFakeHubSpot(
  state: HubSpotState = hubspotSeed(),
  port = 0,
): Promise<FakeCrm & { state: HubSpotState }> {
  let nextId = 9000;
  const list = (type: string) => (state.objects[type] ??= []);
  const calc = (o: Obj, prop: string): unknown => {
    if (prop === 'hs_searchable_calculated_phone_number') return national(o.properties.phone);
    if (prop === 'hs_searchable_calculated_mobile_number') return national(o.properties.mobilephone);
    return o.properties[prop];
  };
  const pick = (o: Obj, props?: unknown) => ({
    ...o,
    properties: Array.isArray(props)
      ? Object.fromEntries(
          [...(props as string[]), 'hs_object_id'].map((p: string) => [
            p,
            p === 'hs_object_id' ? o.id : (o.properties[p] ?? null),
          ]),
        )
      : o.properties,
  });
  const now = () => new Date().toISOString();

  const fake = await startFakeCrm((req: FakeRequest) => {
    if (req.headers.authorization !== `Bearer ${HUBSPOT_TOKEN}`) {
      throw new FakeError(401, {
        status: 'error',
        message: 'Authentication credentials not found.',
        correlationId: 'c0ffee00-0000-4000-8000-000000000001',
        category: 'INVALID_AUTHENTICATION',
      });
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && req.path === '/calling/v1/dispositions') return { body: state.dispositions };
    if (req.method === 'POST' && (m = /^\/crm\/v3\/objects\/(\w+)\/search$/.exec(req.path))) {
      const objects = list(m[1]!);
      const groups =
        (body.filterGroups as
          Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }> | undefined) ?? [];
      const q = str(body.query).toLowerCase();
      const found = objects.filter((o) =>
        groups.length
          ? groups.some((g) =>
              g.filters.every((f) => f.operator === 'EQ' && str(calc(o, f.propertyName)) === String(f.value)),
            )
          : q !== '' && Object.values(o.properties).some((v) => str(v).toLowerCase().includes(q)),
      );
      const limit = Number(body.limit ?? 10);
      return {
        body: {
          total: found.length,
          results: found.slice(0, limit).map((o) => pick(o, body.properties)),
          ...(found.length > limit ? { paging: { next: { after: String(limit) } } } : {}),
        },
      };
    }
    if (req.method === 'POST' && (m = /^\/crm\/v3\/objects\/(\w+)\/batch\/read$/.exec(req.path))) {
      const ids = ((body.inputs as Array<{ id: string }>) ?? []).map((i) => i.id);
      const found = list(m[1]!).filter((o) => ids.includes(o.id));
      return {
        body: {
          status: 'COMPLETE',
          results: found.map((o) => pick(o, body.properties)),
          startedAt: now(),
          completedAt: now(),
        },
      };
    }
    if (req.method === 'GET' && (m = /^\/crm\/v4\/objects\/(\w+)\/([^/]+)\/associations\/(\w+)$/.exec(req.path))) {
      const [, from, id, to] = m;
      const results = state.associations
        .filter((a) => a.from === from && a.fromId === id && a.to === to)
        .map((a) => ({
          toObjectId: Number(a.toId),
          associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: a.typeId, label: null }],
        }));
      return { body: { results } };
    }
    if (
      req.method === 'PUT' &&
      (m = /^\/crm\/v4\/objects\/(\w+)\/([^/]+)\/associations\/default\/(\w+)\/([^/]+)$/.exec(req.path))
    ) {
      state.associations.push({ from: m[1]!, fromId: m[2]!, to: m[3]!, toId: m[4]!, typeId: 0 });
      return {
        body: {
          status: 'COMPLETE',
          results: [
            {
              from: { id: m[2] },
              to: { id: m[4] },
              associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 0 },
            },
          ],
          startedAt: now(),
          completedAt: now(),
        },
      };
    }
    if (req.method === 'POST' && (m = /^\/crm\/v3\/objects\/(\w+)$/.exec(req.path))) {
      const type = m[1]!;
      const o: Obj = {
        id: String(nextId++),
        properties: (body.properties as Record<string, unknown>) ?? {},
        createdAt: now(),
        updatedAt: now(),
        archived: false,
      };
      list(type).push(o);
      for (const a of (body.associations as Array<{
        to: { id: string };
        types: Array<{ associationTypeId: number }>;
      }>) ?? []) {
        state.associations.push({
          from: type,
          fromId: o.id,
          to: 'any',
          toId: String(a.to.id),
          typeId: a.types[0]?.associationTypeId ?? 0,
        });
      }
      return { status: 201, body: o };
    }
    if ((m = /^\/crm\/v3\/objects\/(\w+)\/([^/]+)$/.exec(req.path))) {
      const o = list(m[1]!).find((x) => x.id === m![2]);
      if (!o) throw new FakeError(404, { status: 'error', message: 'Object not found.', category: 'OBJECT_NOT_FOUND' });
      if (req.method === 'PATCH') Object.assign(o.properties, (body.properties as object) ?? {});
      return { body: pick(o, req.query.get('properties')?.split(',')) };
    }
    throw new FakeError(404, {
      status: 'error',
      message: `no route ${req.method} ${req.path}`,
      category: 'OBJECT_NOT_FOUND',
    });
  }, port);
  return Object.assign(fake, { state });
}
