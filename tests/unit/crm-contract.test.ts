import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError } from '../../providers/crm/errors';
import { ADAPTERS } from '../../providers/crm';
import type { AdapterName, CrmCall, CrmClient } from '../../providers/crm/types';
import { CALLERS, CONTRACT_COVERAGE, nationalNumber, type Harness, type RunningFake } from '../support/crm/harness';

const call = (id: string, over: Partial<CrmCall> = {}): CrmCall => ({
  id,
  direction: 'inbound',
  remote: CALLERS.known.e164,
  local: '1001',
  startedAt: Date.parse('2026-12-01T10:00:00Z'),
  answeredAt: Date.parse('2026-12-01T10:00:05Z'),
  endedAt: Date.parse('2026-12-01T10:02:05Z'),
  talkSeconds: 120,
  outcome: 'answered',
  ...over,
});

async function failure(p: Promise<unknown>): Promise<CrmError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CrmError) return e;
    throw e;
  }
  throw new Error('expected a CrmError');
}

const harnesses = Object.entries(CONTRACT_COVERAGE).filter((e): e is [AdapterName, Harness] => 'start' in e[1]);

describe.each(harnesses)('the %s adapter against its local server', (name, harness) => {
  let run: RunningFake;
  let crm: CrmClient;
  const connect = (config: unknown, timeoutMs = 2000) =>
    ADAPTERS[name].connect(config, { connectionId: 'c1', fetch, timeoutMs, nationalNumber });

  beforeAll(async () => {
    run = await harness.start();
    crm = connect(run.config);
  });
  afterAll(() => run.fake.close());

  it('found: one record for a known number, with its company and related records', async () => {
    const found = await crm.lookupByNumber(CALLERS.known.e164);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ connection: 'c1', kind: 'contact', title: CALLERS.known.name });
    expect(found[0]!.subtitle ?? '').toContain(CALLERS.known.company);
    expect(found[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const groups = await crm.related(found[0]!);
    const group = groups.find((g) => g.kind === run.related.kind);
    expect(group?.items).toHaveLength(run.related.count);
  });

  it('many: every record that has the number', async () => {
    const found = await crm.lookupByNumber(CALLERS.shared.e164);
    expect(found.map((r) => r.title).sort()).toEqual([...CALLERS.shared.names].sort());
  });

  it('none: an empty list, not an error', async () => {
    expect(await crm.lookupByNumber(CALLERS.unknown.e164)).toEqual([]);
  });

  it('401: a wrong token is an auth failure', async () => {
    const e = await failure(connect(run.badConfig).lookupByNumber(CALLERS.known.e164));
    expect(e.code).toBe('auth');
    expect(e.transient).toBe(false);
    expect(e.message).not.toMatch(/token|pat-|k8s2n4/i);
  });

  it('429: rate limited, with the wait the CRM asked for', async () => {
    run.fake.fail({ status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too many requests' } });
    const e = await failure(crm.lookupByNumber(CALLERS.known.e164));
    expect(e).toMatchObject({ code: 'rate-limited', retryAfterMs: 7000 });
    expect(e.transient).toBe(true);
  });

  it('500: a server error, to be retried', async () => {
    run.fake.fail({ status: 500, body: { error: 'internal' } });
    const e = await failure(crm.lookupByNumber(CALLERS.known.e164));
    expect(e.code).toBe('server');
    expect(e.transient).toBe(true);
  });

  it('timeout: gives up after the connection timeout, never hangs', async () => {
    run.fake.fail({ delayMs: 1500 });
    const started = Date.now();
    const e = await failure(connect(run.config, 300).lookupByNumber(CALLERS.known.e164));
    expect(e.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('malformed JSON: a bad response', async () => {
    run.fake.fail({ status: 200, raw: '<html><body>Maintenance</body></html>' });
    expect((await failure(crm.lookupByNumber(CALLERS.known.e164))).code).toBe('bad-response');
  });

  it('creates a contact with the number, and the next lookup finds it', async () => {
    const created = await crm.create('contact', { name: 'Pavel Sidorov', phone: '+74959990011' });
    expect(created).toMatchObject({ kind: 'contact', title: 'Pavel Sidorov' });
    const found = await crm.lookupByNumber('+74959990011');
    expect(found.map((r) => r.id)).toEqual([created.id]);
  });

  it('attaches a new number to an existing record', async () => {
    const [ivan] = await crm.lookupByNumber(CALLERS.known.e164);
    await crm.link(call('link-1', { remote: '+74951112200' }), ivan!);
    expect((await crm.lookupByNumber('+74951112200')).map((r) => r.id)).toEqual([ivan!.id]);
  });

  it('logs a call once, however often it is asked to (idempotent on the call id)', async () => {
    const [ivan] = await crm.lookupByNumber(CALLERS.known.e164);
    const before = run.logs().length;
    const details = { subject: 'Incoming call from +7 495 123-45-67', summary: 'Asked about <b>delivery</b> dates' };
    const first = await crm.logCall(call('call-42'), details, ivan!);
    const again = await crm.logCall(call('call-42'), details, ivan!);
    expect(again.id).toBe(first.id);
    expect(run.logs()).toHaveLength(before + 1);
    expect(JSON.stringify(run.logs().at(-1))).toContain('delivery');
  });
});
