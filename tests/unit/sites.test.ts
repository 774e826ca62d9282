import { describe, expect, it } from 'vitest';
import { defaultClickToCall, type ClickToCall } from '../../lib/settings/schema';
import { hostOf, isClickToCallOn, matchesSite, setSiteEnabled, sitePatternFor } from '../../lib/settings/sites';

const base: ClickToCall = defaultClickToCall(['en-US']);
const only = (allowedSites: string[], blockedSites: string[] = []): ClickToCall => ({
  ...base,
  siteMode: 'only-allowed',
  allowedSites,
  blockedSites,
});

describe('hostOf', () => {
  it('gives the host of web pages only', () => {
    expect(hostOf('https://CRM.Example.com:8443/contacts?id=1')).toBe('crm.example.com');
    expect(hostOf('http://127.0.0.1:5173/')).toBe('127.0.0.1');
    expect(hostOf('http://[::1]:80/')).toBe('[::1]');
    expect(hostOf('https://пример.рф/')).toBe('xn--e1afmkfd.xn--p1ai');
    expect(hostOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(hostOf('file:///home/a.html')).toBeNull();
    expect(hostOf('about:blank')).toBeNull();
    expect(hostOf('not a url')).toBeNull();
  });
  it('names a host exactly as a site entry', () => {
    expect(sitePatternFor('CRM.example.com.')).toBe('crm.example.com');
  });
});

describe('matchesSite', () => {
  it('matches an exact host only itself', () => {
    expect(matchesSite('crm.example.com', 'crm.example.com')).toBe(true);
    expect(matchesSite('a.crm.example.com', 'crm.example.com')).toBe(false);
    expect(matchesSite('example.com', 'crm.example.com')).toBe(false);
  });
  it('matches a wildcard for the domain and every subdomain, not look-alikes', () => {
    expect(matchesSite('example.com', '*.example.com')).toBe(true);
    expect(matchesSite('a.b.example.com', '*.example.com')).toBe(true);
    expect(matchesSite('badexample.com', '*.example.com')).toBe(false);
    expect(matchesSite('example.com.evil.net', '*.example.com')).toBe(false);
  });
});

describe('isClickToCallOn', () => {
  it('is off everywhere when the global switch is off', () => {
    expect(isClickToCallOn({ ...base, enabled: false }, 'crm.example.com')).toBe(false);
    expect(isClickToCallOn({ ...only(['crm.example.com']), enabled: false }, 'crm.example.com')).toBe(false);
  });
  it('is on everywhere but blocked sites in all-except-blocked mode', () => {
    const c = { ...base, blockedSites: ['*.bank.example'] };
    expect(isClickToCallOn(c, 'crm.example.com')).toBe(true);
    expect(isClickToCallOn(c, 'www.bank.example')).toBe(false);
  });
  it('is on only on allowed sites in only-allowed mode, and a blocked entry wins', () => {
    const c = only(['*.example.com'], ['hr.example.com']);
    expect(isClickToCallOn(c, 'crm.example.com')).toBe(true);
    expect(isClickToCallOn(c, 'hr.example.com')).toBe(false);
    expect(isClickToCallOn(c, 'other.org')).toBe(false);
  });
});

describe('setSiteEnabled', () => {
  it('blocks the exact host in all-except-blocked mode, once', () => {
    const off = setSiteEnabled(base, 'CRM.example.com', false);
    expect(off.blockedSites).toEqual(['crm.example.com']);
    expect(setSiteEnabled(off, 'crm.example.com', false)).toEqual(off);
    expect(setSiteEnabled({ ...base, blockedSites: ['*.example.com'] }, 'crm.example.com', false).blockedSites).toEqual(
      ['*.example.com'],
    );
  });
  it('turning a host on removes every blocked entry that covers it', () => {
    const c = { ...base, blockedSites: ['*.example.com', 'crm.example.com', 'other.org'] };
    expect(setSiteEnabled(c, 'crm.example.com', true).blockedSites).toEqual(['other.org']);
  });
  it('allows the exact host in only-allowed mode and removes it again', () => {
    const on = setSiteEnabled(only(['a.org']), 'crm.example.com', true);
    expect(on.allowedSites).toEqual(['a.org', 'crm.example.com']);
    expect(setSiteEnabled(on, 'crm.example.com', false).allowedSites).toEqual(['a.org']);
    expect(setSiteEnabled(only(['*.example.com']), 'crm.example.com', true).allowedSites).toEqual(['*.example.com']);
  });
  it('turns off a host allowed by a wildcard by blocking that host only', () => {
    const off = setSiteEnabled(only(['*.example.com']), 'crm.example.com', false);
    expect(off).toMatchObject({ allowedSites: ['*.example.com'], blockedSites: ['crm.example.com'] });
    expect(isClickToCallOn(off, 'www.example.com')).toBe(true);
  });
  it('always leaves the host as asked, and never touches the global switch', () => {
    const starts: ClickToCall[] = [
      base,
      { ...base, blockedSites: ['*.example.com'] },
      only([]),
      only(['*.example.com']),
      only(['crm.example.com'], ['*.example.com']),
    ];
    for (const start of starts) {
      for (const enabled of [true, false]) {
        const next = setSiteEnabled(start, 'crm.example.com', enabled);
        expect(isClickToCallOn(next, 'crm.example.com'), JSON.stringify({ start, enabled })).toBe(enabled);
        expect(next.enabled).toBe(true);
      }
    }
    expect(setSiteEnabled({ ...base, enabled: false }, 'a.org', true).enabled).toBe(false);
  });
});
