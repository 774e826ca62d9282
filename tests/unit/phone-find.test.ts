import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, phone } from '../../lib/phone/default-kit';
import { LruMemo } from '../../lib/phone/memo';
import { NEGATIVE_COUNTRIES, NEGATIVES, POSITIVES, type CorpusCase } from './phone-corpus';

/** The expected matches of a corpus case with their offsets, each searched after the previous one. */
function expectedSpans(c: CorpusCase) {
  let from = 0;
  return c.expect.map((want) => {
    const start = c.text.indexOf(want.raw, from);
    expect(start, `"${want.raw}" is in "${c.text}"`).toBeGreaterThanOrEqual(0);
    from = start + want.raw.length;
    return { start, end: from, ...want };
  });
}

describe('findPhoneNumbers: corpus', () => {
  it('has enough cases', () => {
    expect(POSITIVES.length + NEGATIVES.length).toBeGreaterThanOrEqual(150);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(POSITIVES.map((c) => [c.country, c.text, c] as const))('%s %j', (country, text, c) => {
    const found = findPhoneNumbers(text, { defaultCountry: country });
    expect(found).toEqual(expectedSpans(c));
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.raw);
  });

  it.each(NEGATIVES.map((c) => [c.text] as const))('never a number: %j', (text) => {
    for (const country of NEGATIVE_COUNTRIES) {
      expect(findPhoneNumbers(text, { defaultCountry: country }), `home ${country}`).toEqual([]);
    }
  });
});

describe('findPhoneNumbers', () => {
  it('finds the same numbers with a warm memo', () => {
    const text = POSITIVES.map((c) => c.text).join('\n');
    const first = findPhoneNumbers(text, { defaultCountry: 'RU' });
    expect(findPhoneNumbers(text, { defaultCountry: 'RU' })).toEqual(first);
  });

  it('finds numbers in a long text with several per line, keeping offsets', () => {
    const line = 'Иванов: +7 916 123-45-67, офис 8 (495) 123-45-67 доб. 12; заказ № 1234567, 12.03.2024\n';
    const text = line.repeat(200);
    const found = findPhoneNumbers(text, { defaultCountry: 'RU' });
    expect(found).toHaveLength(400);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.raw);
    expect(found[3]).toMatchObject({ start: line.length + 31, e164: '+74951234567', extension: '12' });
  });

  it('with an unknown default country finds only international numbers', () => {
    const found = phone.findPhoneNumbers('22 123 45 67 or +48 22 123 45 67', { defaultCountry: 'XX' });
    expect(found.map((f) => f.e164)).toEqual(['+48221234567']);
  });

  it('returns nothing for text without digit runs', () => {
    expect(findPhoneNumbers('', { defaultCountry: 'RU' })).toEqual([]);
    expect(findPhoneNumbers('Позвоните нам завтра после 10', { defaultCountry: 'RU' })).toEqual([]);
  });

  it('cuts a run at wide gaps and splits single-spaced runs only into valid numbers', () => {
    expect(findPhoneNumbers('8 495 123-45-67  8 916 123-45-67', { defaultCountry: 'RU' })).toHaveLength(2);
    expect(findPhoneNumbers('8 495 123-45-67 12 34', { defaultCountry: 'RU' })).toEqual([]);
  });

  it('attaches an extension only right after a number', () => {
    const [hit] = findPhoneNumbers('+1 212 555 0123 ext 7, x 5', { defaultCountry: 'US' });
    expect(hit).toMatchObject({ raw: '+1 212 555 0123 ext 7', extension: '7' });
  });
});

describe('trunk prefix in page text', () => {
  it('needs the 0 where the country writes it, not in RU or the US', () => {
    const found = (text: string, country: string) =>
      findPhoneNumbers(text, { defaultCountry: country }).map((f) => f.e164);
    expect(found('Menge 30 12345678', 'DE')).toEqual([]);
    expect(found('Tel. 030 12345678', 'DE')).toEqual(['+493012345678']);
    expect(found('67 123 45 67', 'UA')).toEqual([]);
    expect(found('(495) 123-45-67', 'RU')).toEqual(['+74951234567']);
    expect(found('212 555 0123', 'US')).toEqual(['+12125550123']);
  });

  it('is still optional for toE164, which reads what agents type', () => {
    expect(phone.toE164('30 12345678', 'DE')).toBe('+493012345678');
  });
});

describe('LruMemo', () => {
  it('computes once per key and stays bounded', () => {
    const memo = new LruMemo<number | null>(4);
    let computed = 0;
    const get = (key: string) => memo.get(key, () => (computed++, key === 'none' ? null : key.length));
    expect(get('a')).toBe(1);
    expect(get('none')).toBeNull();
    expect(get('none')).toBeNull();
    expect(computed).toBe(2);
    for (const key of ['bb', 'ccc', 'dddd', 'eeeee', 'a']) get(key);
    expect(memo.size).toBeLessThanOrEqual(4);
    get('a');
    expect(computed).toBe(7);
  });
});
