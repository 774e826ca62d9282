import { describe, expect, it } from 'vitest';
import { guessCountry } from '../../lib/phone/countries';
import { phone } from '../../lib/phone/default-kit';
import { DEFAULT_DIAL_RULES, type DialRules } from '../../lib/phone/dial-rules';
import { toDialable } from '../../lib/phone/dialable';

const rules = (over: Partial<DialRules> = {}): DialRules => ({ ...DEFAULT_DIAL_RULES, ...over });
const dial = (input: string, home: string, over: Partial<DialRules> = {}) =>
  phone.toDialString(input, rules(over), home);

describe('toE164', () => {
  it.each([
    ['8 (495) 123-45-67', 'RU', '+74951234567'],
    ['+7 495 1234567', 'PL', '+74951234567'],
    ['0048 22 123 45 67', 'PL', '+48221234567'],
    ['0048 22 123 45 67', 'RU', '+48221234567'],
    ['810 48 22 123 45 67', 'RU', '+48221234567'],
    ['(212) 555-0123', 'US', '+12125550123'],
    ['212.555.0123', 'US', '+12125550123'],
    ['+49 (0)30 1234567', 'DE', '+49301234567'],
    ['030 1234567', 'DE', '+49301234567'],
    ['8 (727) 258-12-34', 'KZ', '+77272581234'],
    ['050 123 45 67', 'UA', '+380501234567'],
    ['8 029 123 45 67', 'BY', '+375291234567'],
    ['8 495 123-45-67 доб. 123', 'RU', '+74951234567'],
    ['+48 22 123 45 67 wew. 12', 'PL', '+48221234567'],
    ['8\u2009916\u202f123 45 67', 'RU', '+79161234567'],
    ['  89161234567  ', 'RU', '+79161234567'],
    ['+48 22 123 45 67', 'XX', '+48221234567'],
  ])('%j in %s → %s', (input, country, e164) => {
    expect(phone.toE164(input, country)).toBe(e164);
  });

  it.each([
    ['', 'RU'],
    ['abc', 'RU'],
    ['123', 'US'],
    ['22 123 45 67', 'XX'],
    ['8 (495) 123-45-67 call me', 'RU'],
    ['1234567890123456789', 'RU'],
  ])('%j in %s → null', (input, country) => {
    expect(phone.toE164(input, country)).toBeNull();
  });
});

describe('display formats', () => {
  it.each([
    ['+74951234567', '8 (495) 123-45-67', '+7 495 123 45 67'],
    ['+48221234567', '22 123 45 67', '+48 22 123 45 67'],
    ['+12125550123', '(212) 555-0123', '+1 212 555 0123'],
    ['+493012345678', '030 12345678', '+49 30 12345678'],
    ['+442079460958', '020 7946 0958', '+44 20 7946 0958'],
  ])('%s', (e164, national, international) => {
    expect(phone.formatNational(e164)).toBe(national);
    expect(phone.formatInternational(e164)).toBe(international);
  });

  it('returns what it cannot parse unchanged', () => {
    expect(phone.formatNational('not a number')).toBe('not a number');
    expect(phone.formatInternational('101')).toBe('101');
  });
});

describe('isSupportedCountry', () => {
  it('knows regions of the metadata only, in upper case', () => {
    for (const code of ['RU', 'PL', 'DE', 'US', 'KZ', 'UA', 'BY', 'FR', 'GB'])
      expect(phone.isSupportedCountry(code)).toBe(true);
    for (const code of ['XX', 'ru', 'RUS', '']) expect(phone.isSupportedCountry(code)).toBe(false);
  });
});

describe('toDialString', () => {
  it('dials internal extensions and feature codes as typed, without the outside prefix', () => {
    expect(dial('101', 'RU', { outsideLinePrefix: '9' })).toEqual({ ok: true, dial: '101' });
    expect(dial('10 1', 'RU', { outsideLinePrefix: '9' })).toEqual({ ok: true, dial: '101' });
    expect(dial('*72', 'US', { outsideLinePrefix: '9' })).toEqual({ ok: true, dial: '*72' });
    expect(dial('*72 5551234', 'US', { outsideLinePrefix: '9' })).toEqual({ ok: true, dial: '*725551234' });
    expect(dial('#31#', 'US', { outsideLinePrefix: '9' })).toEqual({ ok: true, dial: '#31#' });
    expect(dial('123456', 'RU', { extensionMaxDigits: 6, outsideLinePrefix: '9' })).toEqual({
      ok: true,
      dial: '123456',
    });
  });

  it('rejects what cannot be dialled', () => {
    for (const input of ['', '   ', 'abc', 'call 8 495 123-45-67', '+']) {
      expect(dial(input, 'RU'), input).toEqual({ ok: false, error: 'errNumber' });
    }
  });

  it('passes unparseable dialable input through, with the outside prefix beyond extension length', () => {
    expect(dial('123456', 'RU', { outsideLinePrefix: '9' })).toEqual({ ok: true, dial: '9123456' });
    expect(dial('+999 123', 'RU', { outsideLinePrefix: '0' })).toEqual({ ok: true, dial: '0+999123' });
    expect(dial('+12', 'RU', { extensionMaxDigits: 3 })).toEqual({ ok: true, dial: '+12' });
  });

  it('reads separators pasted from pages', () => {
    expect(dial('8\u202f916\u2009123–45–67', 'RU', { domestic: 'national' })).toEqual({
      ok: true,
      dial: '89161234567',
    });
    expect(dial('089/12345678', 'DE', { domestic: 'national' })).toEqual({ ok: true, dial: '08912345678' });
  });

  it('returns the extension for DTMF instead of dialling it', () => {
    expect(dial('8 495 123-45-67 доб. 123', 'RU')).toEqual({ ok: true, dial: '+74951234567', extension: '123' });
    expect(dial('(212) 555-0123 x 12', 'US', { domestic: 'national' })).toEqual({
      ok: true,
      dial: '12125550123',
      extension: '12',
    });
  });

  const cases: [home: string, input: string, over: Partial<DialRules>, expected: string][] = [
    // Russia: trunk prefix 8, IDD 810; KZ shares +7 and is dialled like a domestic number.
    ['RU', '8 (495) 123-45-67', {}, '+74951234567'],
    ['RU', '8 (495) 123-45-67', { domestic: 'national' }, '84951234567'],
    ['RU', '+7 916 123 45 67', { domestic: 'national', outsideLinePrefix: '9' }, '989161234567'],
    ['RU', '+7 701 123 45 67', { domestic: 'national' }, '87011234567'],
    ['RU', '+48 22 123 45 67', { domestic: 'national' }, '+48221234567'],
    ['RU', '+48 22 123 45 67', { international: 'digits' }, '48221234567'],
    ['RU', '+48 22 123 45 67', { international: 'idd' }, '81048221234567'],
    ['RU', '8 495 123 45 67', { international: 'idd' }, '81074951234567'],
    ['RU', '0048 22 123 45 67', {}, '+48221234567'],
    // Poland: no trunk prefix, IDD 00.
    ['PL', '22 123 45 67', { domestic: 'national' }, '221234567'],
    ['PL', '+48 512 345 678', { domestic: 'national', outsideLinePrefix: '0' }, '0512345678'],
    ['PL', '+7 495 123 45 67', { international: 'idd' }, '0074951234567'],
    ['PL', '22 123 45 67', { international: 'digits' }, '48221234567'],
    // Germany: trunk prefix 0, IDD 00.
    ['DE', '030 123456', { domestic: 'national' }, '030123456'],
    ['DE', '+49 171 1234567', { domestic: 'national' }, '01711234567'],
    ['DE', '+1 212 555 0123', { international: 'idd' }, '0012125550123'],
    ['DE', '030 12345678', {}, '+493012345678'],
    // United States: national numbers with the leading 1, IDD 011; Canada shares +1.
    ['US', '(212) 555-0123', { domestic: 'national' }, '12125550123'],
    ['US', '+1 416 555 0123', { domestic: 'national' }, '14165550123'],
    ['US', '+44 20 7946 0958', { international: 'idd' }, '011442079460958'],
    ['US', '212-555-0123', { international: 'digits', outsideLinePrefix: '9' }, '912125550123'],
    // Kazakhstan: trunk 8, IDD 810; Russia shares +7.
    ['KZ', '8 (727) 258-12-34', { domestic: 'national' }, '87272581234'],
    ['KZ', '+7 495 123 45 67', { domestic: 'national' }, '84951234567'],
    ['KZ', '+48 22 123 45 67', { international: 'idd' }, '81048221234567'],
    ['KZ', '87011234567', {}, '+77011234567'],
    // Ukraine: trunk 0, IDD 00.
    ['UA', '044 123 45 67', { domestic: 'national' }, '0441234567'],
    ['UA', '+48 22 123 45 67', { international: 'idd' }, '0048221234567'],
    ['UA', '050 123 45 67', {}, '+380501234567'],
    ['UA', '+380 50 123 45 67', { international: 'digits' }, '380501234567'],
  ];
  it.each(cases)('from %s: %j with %j → %s', (home, input, over, expected) => {
    expect(dial(input, home, over)).toEqual({ ok: true, dial: expected });
  });

  it('falls back to + when the home country is unknown', () => {
    expect(dial('+48 22 123 45 67', 'XX', { international: 'idd', domestic: 'national' })).toEqual({
      ok: true,
      dial: '+48221234567',
    });
  });

  it('keeps toDialable as the final sanity check of what is sent', () => {
    for (const input of ['+74951234567', '84951234567', '*725551234', '101']) {
      const result = dial(input, 'RU');
      expect(result.ok && toDialable(result.dial)).toBe(result.ok ? result.dial : false);
    }
  });
});

describe('guessCountry', () => {
  it.each([
    [['pl-PL', 'en-US'], 'PL'],
    [['ru'], 'RU'],
    [['uk', 'ru'], 'UA'],
    [['kk-KZ'], 'KZ'],
    [['be'], 'BY'],
    [['de', 'fr-FR'], 'FR'],
    [['zh-Hans-CN'], 'CN'],
    [['en'], 'US'],
    [['en_GB'], 'GB'],
    [['xx'], 'US'],
    [[], 'US'],
  ])('%j → %s', (locales, country) => {
    expect(guessCountry(locales)).toBe(country);
  });
});
