import { describe, expect, it } from 'vitest';
import { isPhoneSeparator, isPlainDate, mayContainPhone, MIN_PHONE_DIGITS } from '../../lib/phone/candidates';
import { NEGATIVES, POSITIVES } from './phone-corpus';

describe('mayContainPhone', () => {
  it('is true for every positive of the corpus and every number in it', () => {
    for (const c of POSITIVES) {
      expect(mayContainPhone(c.text), c.text).toBe(true);
      for (const want of c.expect) expect(mayContainPhone(want.raw), want.raw).toBe(true);
    }
  });

  it('is true for digit runs with phone separators and a leading +', () => {
    for (const text of ['1234567', '+7 (495) 123-45-67', '8\u00a0800\u2009555–35–35', '212.555.0123', '089/1234567']) {
      expect(mayContainPhone(text), text).toBe(true);
    }
  });

  it('is false without a run of 7 digits', () => {
    const texts = [
      '',
      'no digits at all',
      '123456',
      '12:30 14:45',
      '12,34,56,78',
      'a1b2c3d4e5f6g7h8',
      '123456\n7',
      'ab123456cd',
    ];
    for (const text of texts) expect(mayContainPhone(text), text).toBe(false);
  });

  it('finds digit runs in some negatives too: those are vetoed later, by the kit', () => {
    expect(NEGATIVES.filter((c) => mayContainPhone(c.text)).length).toBeGreaterThan(NEGATIVES.length / 2);
  });

  it('knows the separators', () => {
    for (const ch of ' \u00a0\u2009\u202f-‐‑–—.()/') expect(isPhoneSeparator(ch.charCodeAt(0)), ch).toBe(true);
    for (const ch of ',;:\n\tx+') expect(isPhoneSeparator(ch.charCodeAt(0)), ch).toBe(false);
    expect(MIN_PHONE_DIGITS).toBe(7);
  });

  it('scans a megabyte in linear time', () => {
    const plain = 'lorem ipsum '.repeat(90_000);
    const t0 = performance.now();
    expect(mayContainPhone(plain)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(20);
    expect(mayContainPhone('12-34 x '.repeat(130_000))).toBe(false);
    expect(mayContainPhone(`${'1 '.repeat(500_000)}`)).toBe(true);
  });
});

describe('isPlainDate', () => {
  it('never takes a text with a number for a date', () => {
    for (const c of POSITIVES) expect(isPlainDate(c.text), c.text).toBe(false);
    for (const text of ['212.555.0123', '8.800.555.35.35', '22 123 45 67', '+7 495 123-45-67']) {
      expect(isPlainDate(text), text).toBe(false);
    }
  });
  it('knows a date or a date and time when it is the whole text', () => {
    for (const text of ['12.03.2024', ' 1/3/24 ', '2024-03-12', '12.03.2024 14:30', '2024-03-12T14:30:15']) {
      expect(isPlainDate(text), text).toBe(true);
    }
    expect(isPlainDate('Created 12.03.2024')).toBe(false);
  });
});
