import { describe, expect, it } from 'vitest';
import { cleanDisplayName, cleanNumber } from '../../lib/call/caller-id';

describe('caller ID cleaning', () => {
  it('undoes SIP quoted-pair escapes', () => {
    expect(cleanDisplayName('Eve \\"the \\\\ caller\\"')).toBe('Eve "the \\ caller"');
    expect(cleanDisplayName('\\">\\<svg onload=x>')).toBe('"><svg onload=x>');
  });
  it('turns control characters into spaces and bounds the length', () => {
    expect(cleanDisplayName('Anna\r\nX-Evil: 1')).toBe('Anna X-Evil: 1');
    expect(cleanDisplayName('x'.repeat(1000))).toHaveLength(256);
    expect(cleanDisplayName(undefined)).toBe('');
  });
  it('bounds numbers and drops control characters', () => {
    expect(cleanNumber('+7495\u00001234567')).toBe('+74951234567');
    expect(cleanNumber('9'.repeat(500))).toHaveLength(128);
    expect(cleanNumber(undefined)).toBe('');
  });
});
