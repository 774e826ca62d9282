import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  classifyFailure,
  nextRegistration,
  UNCONFIGURED,
  type RegistrationState,
} from '../../lib/engine/registration';

const fail = (error: Parameters<typeof backoffDelay>[0], sipCode?: number) =>
  ({ type: 'failed', error, now: 1000, random: 1, ...(sipCode ? { sipCode } : {}) }) as const;

describe('registration state machine', () => {
  it('starts connecting when an account is configured and registers', () => {
    const s1 = nextRegistration(UNCONFIGURED, { type: 'configure', aor: 'sip:1001@pbx' });
    expect(s1).toEqual({ status: 'connecting', attempt: 0, aor: 'sip:1001@pbx' });
    expect(nextRegistration(s1, { type: 'registered' })).toEqual({
      status: 'registered',
      attempt: 0,
      aor: 'sip:1001@pbx',
    });
  });

  it('ignores engine events while unconfigured', () => {
    expect(nextRegistration(UNCONFIGURED, { type: 'registered' })).toBe(UNCONFIGURED);
    expect(nextRegistration(UNCONFIGURED, fail('unreachable'))).toBe(UNCONFIGURED);
  });

  it('treats an unreachable PBX as connecting with a retry, and counts attempts', () => {
    let s: RegistrationState = { status: 'registered', attempt: 0, aor: 'sip:1001@pbx' };
    s = nextRegistration(s, fail('unreachable'));
    expect(s).toMatchObject({ status: 'connecting', error: 'unreachable', attempt: 1, retryAt: 1500 });
    s = nextRegistration(s, { type: 'connecting' });
    expect(s).toMatchObject({ status: 'connecting', error: 'unreachable', attempt: 1 });
    s = nextRegistration(s, fail('unreachable'));
    expect(s).toMatchObject({ attempt: 2, retryAt: 2000 });
    expect(nextRegistration(s, { type: 'registered' })).toEqual({
      status: 'registered',
      attempt: 0,
      aor: 'sip:1001@pbx',
    });
  });

  it('reports wrong credentials as an error the agent must fix', () => {
    const s = nextRegistration({ status: 'connecting', attempt: 0, aor: 'a' }, fail('auth', 403));
    expect(s).toMatchObject({ status: 'error', error: 'auth', sipCode: 403 });
  });

  it('removing the account returns to unconfigured', () => {
    expect(nextRegistration({ status: 'registered', attempt: 0 }, { type: 'configure', aor: null })).toBe(UNCONFIGURED);
  });
});

describe('backoff', () => {
  it('doubles from 0.5 s and caps at 4 s so re-registration follows a PBX restart quickly', () => {
    expect([1, 2, 3, 4, 5, 10].map((a) => backoffDelay('unreachable', a, 1))).toEqual([
      500, 1000, 2000, 4000, 4000, 4000,
    ]);
  });
  it('applies 60–100 % jitter', () => {
    expect(backoffDelay('unreachable', 4, 0)).toBe(2400);
    expect(backoffDelay('unreachable', 4, 0.5)).toBe(3200);
  });
  it('retries wrong credentials slowly and bad settings never', () => {
    expect(backoffDelay('auth', 1, 1)).toBe(300_000);
    expect(backoffDelay('bad-config', 1, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('failure classification', () => {
  it('distinguishes unreachable, credentials, timeout and other refusals', () => {
    expect(classifyFailure({ transport: true })).toBe('unreachable');
    expect(classifyFailure({ sipCode: 401 })).toBe('auth');
    expect(classifyFailure({ sipCode: 403 })).toBe('auth');
    expect(classifyFailure({ sipCode: 408 })).toBe('timeout');
    expect(classifyFailure({ timeout: true })).toBe('timeout');
    expect(classifyFailure({ sipCode: 503 })).toBe('rejected');
  });
});
