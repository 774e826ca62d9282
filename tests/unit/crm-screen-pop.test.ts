import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../providers/crm';
import { screenPopConfig, screenPopUrl } from '../../providers/crm/screen-pop';

describe('the screen-pop adapter', () => {
  const config = screenPopConfig({
    url: 'https://crm.example.com/search?phone={e164}&name={name}',
    when: 'ring',
    reuseTab: true,
    outbound: false,
  })!;

  it('fills the URL template with encoded call values', () => {
    expect(screenPopUrl(config, { e164: '+74951234567', name: 'Иван & <Co>' })).toBe(
      'https://crm.example.com/search?phone=%2B74951234567&name=%D0%98%D0%B2%D0%B0%D0%BD%20%26%20%3CCo%3E',
    );
  });
  it('opens the found record with {recordUrl}, and nothing when there is none or it is not http(s)', () => {
    const record = screenPopConfig({ url: '{recordUrl}', when: 'answer', reuseTab: true, outbound: true })!;
    expect(screenPopUrl(record, { recordUrl: 'https://crm.example.com/contact/1' })).toBe(
      'https://crm.example.com/contact/1',
    );
    expect(screenPopUrl(record, { recordUrl: '' })).toBeNull();
    expect(screenPopUrl(record, { recordUrl: 'javascript:alert(1)' })).toBeNull();
  });
  it('refuses templates that are not web addresses or use unknown placeholders, with message keys', () => {
    const schema = ADAPTERS['screen-pop'].configSchema;
    const issues = (url: string) => {
      const r = schema.safeParse({ url, when: 'ring', reuseTab: true, outbound: false });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(issues('javascript:alert(1)')).toContain('errCrmUrl');
    expect(issues('https://crm.example.com/?q={phone}')).toContain('errTemplatePlaceholder');
    expect(issues('')).toContain('errRequired');
    expect(
      ADAPTERS['screen-pop'].origins({
        url: 'https://crm.example.com/',
        when: 'ring',
        reuseTab: true,
        outbound: false,
      }),
    ).toEqual([]);
  });
});
