import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DEFAULT_DIAL_RULES } from '../../lib/phone/dial-rules';
import { pageRequestSchema } from '../../lib/protocol/pages';
import { clickToCallFromForm, formFromClickToCall, sitesFromText } from '../../lib/settings/click-to-call-form';
import { dialRulesFromForm, formFromDialRules } from '../../lib/settings/dial-rules-form';
import { clickToCallSchema, defaultClickToCall, siteHostSchema, sitePatternSchema } from '../../lib/settings/schema';

describe('site patterns', () => {
  it('accepts hosts and *.domain wildcards, lower-cased', () => {
    for (const ok of ['crm.example.com', '*.example.com', 'localhost', '127.0.0.1', '[::1]', 'xn--e1afmkfd.xn--p1ai']) {
      expect(sitePatternSchema.safeParse(ok).success, ok).toBe(true);
    }
    expect(sitePatternSchema.parse('  CRM.Example.COM ')).toBe('crm.example.com');
  });
  it('refuses schemes, paths, ports, bad wildcards and over-long names', () => {
    const bad = [
      'http://x',
      'crm.example.com/contacts',
      'crm.example.com:8080',
      '*',
      '*example.com',
      'a.*.example.com',
      'crm .example.com',
      '-crm.example.com',
      'user@crm.example.com',
      `${'a'.repeat(63)}.`.repeat(4) + 'com',
      '',
    ];
    for (const pattern of bad) {
      expect(sitePatternSchema.safeParse(pattern).error?.issues[0]?.message, pattern).toBe('errSitePattern');
    }
  });
  it('takes a host without a wildcard from the popup', () => {
    expect(siteHostSchema.safeParse('crm.example.com').success).toBe(true);
    expect(siteHostSchema.safeParse('*.example.com').success).toBe(false);
  });
  it('de-duplicates the lists and caps them at 500 entries', () => {
    const c = clickToCallSchema.parse({ ...defaultClickToCall([]), blockedSites: ['a.org', 'A.org', 'b.org'] });
    expect(c.blockedSites).toEqual(['a.org', 'b.org']);
    const many = Array.from({ length: 501 }, (_, i) => `h${i}.example.com`);
    const r = clickToCallSchema.safeParse({ ...defaultClickToCall([]), allowedSites: many });
    expect(r.error?.issues[0]?.message).toBe('errTooManySites');
  });
  it('checks the page requests at the receiver', () => {
    const req = (msg: object) => z.safeParse(pageRequestSchema, { target: 'background', ...msg }).success;
    expect(req({ type: 'getPhoneSettings' })).toBe(true);
    expect(req({ type: 'setSiteEnabled', host: 'crm.example.com', enabled: false })).toBe(true);
    expect(req({ type: 'setSiteEnabled', host: 'http://crm.example.com', enabled: false })).toBe(false);
    expect(req({ type: 'saveClickToCall', clickToCall: defaultClickToCall(['pl']) })).toBe(true);
    expect(
      req({ type: 'saveClickToCall', clickToCall: { ...defaultClickToCall(['pl']), blockedSites: ['http://x'] } }),
    ).toBe(false);
    expect(
      req({ type: 'saveClickToCall', clickToCall: { ...defaultClickToCall(['pl']), defaultCountry: 'POL' } }),
    ).toBe(false);
    expect(req({ type: 'saveDialRules', dialRules: DEFAULT_DIAL_RULES })).toBe(true);
    expect(req({ type: 'saveDialRules', dialRules: { ...DEFAULT_DIAL_RULES, outsideLinePrefix: '9a' } })).toBe(false);
  });
});

describe('click-to-call form', () => {
  const form = formFromClickToCall(defaultClickToCall(['ru-RU']));

  it('round-trips saved settings', () => {
    const c = { ...defaultClickToCall(['ru-RU']), blockedSites: ['*.bank.example', 'hr.example.com'] };
    expect(clickToCallFromForm(formFromClickToCall(c))).toEqual({ ok: true, clickToCall: c });
  });
  it('reads one entry per line, skipping blank lines', () => {
    expect(sitesFromText(' a.org\r\n\n*.B.org \n a.org')).toEqual({ sites: ['a.org', '*.b.org'], problems: [] });
    expect(sitesFromText('*.пример.рф').sites).toEqual(['*.xn--e1afmkfd.xn--p1ai']);
  });
  it('reports every bad line with its number and text', () => {
    const r = clickToCallFromForm({ ...form, blockedSites: 'ok.example.com\n\nhttp://x\ncrm.example.com/path' });
    expect(r).toEqual({
      ok: false,
      errors: {
        blockedSites: [
          { key: 'errSitePattern', line: 3, text: 'http://x' },
          { key: 'errSitePattern', line: 4, text: 'crm.example.com/path' },
        ],
      },
    });
  });
  it('reports a too-long list once, without a line', () => {
    const text = Array.from({ length: 501 }, (_, i) => `h${i}.example.com`).join('\n');
    expect(clickToCallFromForm({ ...form, allowedSites: text })).toEqual({
      ok: false,
      errors: { allowedSites: [{ key: 'errTooManySites' }] },
    });
  });
});

describe('dialling rules form', () => {
  const form = formFromDialRules(DEFAULT_DIAL_RULES);

  it('round-trips saved rules', () => {
    expect(form.extensionMaxDigits).toBe('5');
    expect(dialRulesFromForm({ ...form, outsideLinePrefix: ' 9 ', international: 'idd' })).toEqual({
      ok: true,
      dialRules: { ...DEFAULT_DIAL_RULES, outsideLinePrefix: '9', international: 'idd' },
    });
  });
  it('says which field is wrong', () => {
    expect(dialRulesFromForm({ ...form, outsideLinePrefix: '9-1', extensionMaxDigits: 'four' })).toEqual({
      ok: false,
      errors: { outsideLinePrefix: 'errOutsidePrefix', extensionMaxDigits: 'errExtensionDigits' },
    });
    for (const digits of ['9', '-1', '2.5', '']) {
      const r = dialRulesFromForm({ ...form, extensionMaxDigits: digits });
      expect(r.ok || r.errors.extensionMaxDigits, digits).toBe('errExtensionDigits');
    }
  });
});
