import { describe, expect, it } from 'vitest';
import { DebugLog, redact } from '../../lib/log/debug-log';
import { toDialable } from '../../lib/phone/dialable';

describe('redaction', () => {
  it('removes digest credentials, passwords and URL credentials', () => {
    const sip =
      'REGISTER sip:pbx SIP/2.0\r\nAuthorization: Digest username="1001", response="abc"\r\nProxy-Authorization: Digest x\r\n';
    const out = redact(sip);
    expect(out).not.toContain('response="abc"');
    expect(out).toContain('Authorization: Digest [redacted]');
    expect(out).toContain('Proxy-Authorization: Digest [redacted]');
    expect(redact('{"password":"hunter2","user":"a"}')).toBe('{"password":[redacted],"user":"a"}');
    expect(redact('turn://bob:hunter2@turn.example.com')).toBe('turn://bob:[redacted]@turn.example.com');
    expect(redact('authorizationPassword: hunter2')).not.toContain('hunter2');
  });

  it('keeps a bounded, redacted ring buffer', () => {
    const seen: string[] = [];
    const log = new DebugLog(3, (e) => seen.push(e.message));
    const s = log.scope('t');
    for (let i = 0; i < 5; i++) s.info(`m${i} password=secret${i}`);
    expect(log.snapshot().map((e) => e.message)).toEqual([
      'm2 password=[redacted]',
      'm3 password=[redacted]',
      'm4 password=[redacted]',
    ]);
    expect(seen).toHaveLength(5);
  });
});

describe('dialable numbers', () => {
  it('keeps digits, + * # and drops formatting', () => {
    expect(toDialable('+7 (495) 123-45-67')).toBe('+74951234567');
    expect(toDialable('*10')).toBe('*10');
    expect(toDialable(' 2000 ')).toBe('2000');
  });
  it('refuses anything else', () => {
    expect(toDialable('')).toBeNull();
    expect(toDialable('abc')).toBeNull();
    expect(toDialable('12;rm -rf')).toBeNull();
    expect(toDialable('1'.repeat(40))).toBeNull();
  });
});
