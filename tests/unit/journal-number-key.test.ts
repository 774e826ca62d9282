import { describe, expect, it } from 'vitest';
import { numberKey, UNKNOWN_NUMBERING, type Numbering } from '../../lib/journal/number-key';
import { planSearch } from '../../lib/journal/filter';
import { phone } from '../../lib/phone/default-kit';
import { DEFAULT_DIAL_RULES } from '../../lib/phone/dial-rules';

const RU_OFFICE: Numbering = {
  country: 'RU',
  dialRules: { outsideLinePrefix: '9', international: 'idd', domestic: 'national', extensionMaxDigits: 4 },
};
const PL: Numbering = { country: 'PL', dialRules: DEFAULT_DIAL_RULES };
const key = (n: Numbering, number: string, dir: 'inbound' | 'outbound' = 'outbound') =>
  numberKey(phone, n, number, dir);

describe('number match keys', () => {
  it('undoes the dialling rules of outbound numbers', () => {
    expect(key(RU_OFFICE, '984951234567')).toBe('+74951234567');
    expect(key(RU_OFFICE, '989161234567')).toBe('+79161234567');
    expect(key(RU_OFFICE, '981048221234567')).toBe('+48221234567');
    expect(key(PL, '+48 22 123 45 67')).toBe('+48221234567');
    expect(key({ ...PL, dialRules: { ...DEFAULT_DIAL_RULES, international: 'digits' } }, '74951234567')).toBe(
      '+74951234567',
    );
  });

  it('reads caller IDs in the forms PBXs send, without the outside-line prefix', () => {
    expect(key(RU_OFFICE, '84951234567', 'inbound')).toBe('+74951234567');
    expect(key(RU_OFFICE, '74951234567', 'inbound')).toBe('+74951234567');
    expect(key(RU_OFFICE, '+7 (495) 123-45-67', 'inbound')).toBe('+74951234567');
    expect(key(RU_OFFICE, '9161234567', 'inbound')).toBe('+79161234567');
    expect(key(PL, '221234567', 'inbound')).toBe('+48221234567');
  });

  it('keeps extensions and feature codes as dialled, never with +', () => {
    expect(key(RU_OFFICE, '2000')).toBe('2000');
    expect(key(PL, '2000')).toBe('2000');
    expect(key(PL, '*72')).toBe('*72');
    expect(key(PL, 'not a number')).toBe('');
  });

  it('without numbering knows only numbers written with + or 00', () => {
    expect(key(UNKNOWN_NUMBERING, '+74951234567')).toBe('+74951234567');
    expect(key(UNKNOWN_NUMBERING, '0048221234567')).toBe('+48221234567');
  });
});

describe('search plans', () => {
  const toKey = (q: string) => numberKey(phone, RU_OFFICE, q, 'inbound') || null;
  it('finds a whole number in any format by its E.164 key', () => {
    for (const q of ['8 (495) 123-45-67', '+7 495 123 45 67', '74951234567', '8‑495‑123‑45‑67']) {
      expect(planSearch(q, toKey)).toEqual({ kind: 'number', key: '+74951234567' });
    }
  });
  it('reads a number beginning as a prefix and letters as name words', () => {
    expect(planSearch('+7 495', toKey)).toEqual({ kind: 'numberPrefix', prefixes: ['+7495'] });
    expect(planSearch('2000', toKey)).toEqual({ kind: 'numberPrefix', prefixes: ['+2000', '2000'] });
    expect(planSearch('12', toKey)).toEqual({ kind: 'number', key: '12' });
    expect(planSearch('  Ánna  Pëtrova ', toKey)).toEqual({ kind: 'name', words: ['anna', 'petrova'] });
    expect(planSearch('Ольга Ёлкина', toKey)).toEqual({ kind: 'name', words: ['ольга', 'елкина'] });
    expect(planSearch('   ', toKey)).toBeNull();
  });
});
