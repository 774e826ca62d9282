import { describe, expect, it } from 'vitest';
import { linkNumber } from '../../lib/phone/link-number';

describe('numbers of tel:, callto: and sip: links', () => {
  it.each([
    ['tel:+7-495-765-43-21', '+7-495-765-43-21'],
    ['TEL:+48225550199', '+48225550199'],
    ['tel:+7%20495%20765%2043%2021', '+7 495 765 43 21'],
    ['tel:+12125550142;ext=12', '+12125550142'],
    ['tel:8(495)7654321;phone-context=+7', '8(495)7654321'],
    ['callto:+48225550199', '+48225550199'],
    ['callto://+48225550199', '+48225550199'],
    ['sip:1004@127.0.0.1', '1004'],
    ['sips:+74957654321@pbx.example.com;transport=tls', '+74957654321'],
    ['tel:*72', '*72'],
  ])('%s → %s', (href, number) => {
    expect(linkNumber(href)).toBe(number);
  });

  it.each([
    'https://example.com/tel:123',
    'mailto:a@example.com',
    'tel:',
    'tel:call-me',
    'sip:anna@example.com',
    'tel:%E0%A4%A',
    'javascript:alert(1)',
  ])('leaves %s to the browser', (href) => {
    expect(linkNumber(href)).toBeNull();
  });
});
