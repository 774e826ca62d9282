import { describe, expect, it } from 'vitest';
import { retryDelay, FIRST_RETRY_MS, MAX_RETRY_MS } from '../../lib/crm/backoff';
import { logJobKey } from '../../lib/crm/outbox-keys';
import { checkCrmDraft } from '../../lib/crm/settings-draft';
import { crmViewSchema } from '../../lib/crm/view';
import { retryAfter } from '../../providers/crm/http';
import { httpUrl, text } from '../../providers/crm/normalize';
import { atPath, fillJson, fillUrl } from '../../providers/crm/template';
import { defaultCrmSettings } from '../../lib/settings/schema';
import { viewOf, newSession } from '../../entrypoints/background/crm/crm-session';
import { ADAPTERS } from '../../providers/crm';
import { fakeCrmClient } from '../support/crm/crm-client-fake';

describe('CRM outbox policy', () => {
  it('backs off from 5 s, doubling to 10 min, with jitter, never before Retry-After', () => {
    const mid = () => 0.5;
    expect(retryDelay(1, 0, mid)).toBe(FIRST_RETRY_MS);
    expect(retryDelay(2, 0, mid)).toBe(2 * FIRST_RETRY_MS);
    expect(retryDelay(30, 0, mid)).toBe(MAX_RETRY_MS);
    expect(retryDelay(1, 0, () => 0)).toBe(0.8 * FIRST_RETRY_MS);
    expect(retryDelay(1, 0, () => 1)).toBe(1.2 * FIRST_RETRY_MS);
    expect(retryDelay(1, 60_000, mid)).toBe(60_000);
  });
  it('keys a call log by connection, call and record, so it is queued and sent once', () => {
    expect(logJobKey('b24', 'call-1', { kind: 'contact', id: '7' })).toBe('log|b24|call-1|contact:7');
    expect(logJobKey('b24', 'call-1', null)).toBe('log|b24|call-1|-');
  });
  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfter('7')).toBe(7000);
    expect(retryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThan(25_000);
    expect(retryAfter('soon')).toBeUndefined();
    expect(retryAfter(null)).toBeUndefined();
  });
});

describe('CRM templates and hostile values', () => {
  it('encodes values for URLs and JSON, so they cannot break out of a template', () => {
    expect(fillUrl('https://crm.example.com/api?phone={e164}&q={query}', { e164: '+7 495', query: 'a&b=c#d' })).toBe(
      'https://crm.example.com/api?phone=%2B7%20495&q=a%26b%3Dc%23d',
    );
    expect(fillJson('{"name": "{name}", "n": "{e164}"}', { name: 'He said "hi"\\n}', e164: '+7' })).toEqual({
      name: 'He said "hi"\\n}',
      n: '+7',
    });
  });
  it('reads dot paths of own properties only', () => {
    expect(atPath({ data: { items: [{ id: 1 }] } }, 'data.items.0.id')).toBe(1);
    expect(atPath({}, '__proto__.polluted')).toBeUndefined();
    expect(atPath({ a: 1 }, '')).toEqual({ a: 1 });
  });
  it('bounds text, drops wrong types and non-web links', () => {
    expect(text('a'.repeat(300))).toHaveLength(256);
    expect(text({ x: 1 })).toBe('');
    expect(text(42)).toBe('42');
    expect(text('line\u0000break')).toBe('line break');
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('https://crm.example.com/x')).toBe('https://crm.example.com/x');
  });
});

describe('CRM settings form', () => {
  const connection = (config: Record<string, unknown>) => ({
    id: 'b24',
    adapter: 'bitrix24' as const,
    label: '',
    enabled: true,
    autoLog: 'matched' as const,
    logMissed: false,
    popupFields: [],
    config,
  });
  it('accepts a blank secret the background keeps, and says what is wrong otherwise', () => {
    const draft = { ...defaultCrmSettings(), connections: [connection({ webhookUrl: '' })] };
    expect(checkCrmDraft(draft, { b24: ['webhookUrl'] }).ok).toBe(true);
    const check = checkCrmDraft(draft, {});
    expect(check.ok || check.errors.b24).toEqual({ 'config.webhookUrl': 'errRequired' });
    const bad = checkCrmDraft({ ...draft, wrapUpSeconds: 5000 }, { b24: ['webhookUrl'] });
    expect(bad.ok || bad.global).toEqual({ wrapUpSeconds: 'errWrapUp' });
  });
});

describe('the CRM view', () => {
  it('offers Create… per connection and validates as the pop-ups receive it', () => {
    const call = {
      id: 'c1',
      direction: 'inbound' as const,
      phase: 'ringing' as const,
      account: 'sip:1001@pbx',
      localNumber: '1001',
      remoteNumber: '+74951234567',
      remoteName: '',
      startedAt: 1,
      sipCallId: 'x',
    };
    const s = newSession(call, '+74951234567', false);
    const adapter = ADAPTERS.bitrix24;
    const connected = [
      {
        connection: {
          id: 'b24',
          adapter: 'bitrix24' as const,
          label: 'Sales CRM',
          enabled: true,
          autoLog: 'matched' as const,
          logMissed: false,
          popupFields: [],
          config: {},
        },
        adapter,
        client: fakeCrmClient(),
        can: new Set(adapter.capabilities),
        origins: [],
        name: 'Sales CRM',
      },
    ];
    const view = viewOf(s, connected);
    expect(view.create).toEqual([
      { connection: 'b24', label: 'Sales CRM', kinds: ['contact', 'company', 'lead', 'deal', 'task'] },
    ]);
    expect(view).toMatchObject({ status: 'loading', canSearch: true, canLog: true });
    expect(crmViewSchema.safeParse(view).success).toBe(true);
  });
});

describe('routing variables', () => {
  it('keeps X- headers as words and bounded text, nothing else', async () => {
    const { routingVariables } = await import('../../lib/call/routing-variables');
    expect(
      routingVariables({
        'X-Queue-Name': [{ raw: 'Sales' }],
        'X-IVR': [{ raw: '2\r\nInjected: yes' }],
        Subject: [{ raw: 'lab call' }],
        'X-Long': [{ raw: 'x'.repeat(500) }],
      }),
    ).toEqual([
      { name: 'Queue Name', value: 'Sales' },
      { name: 'Ivr', value: '2 Injected: yes' },
      { name: 'Long', value: 'x'.repeat(128) },
    ]);
  });
});
