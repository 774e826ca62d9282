import { describe, expect, it } from 'vitest';
import { badgeFace } from '../../lib/journal/badge-face';

const words = { registered: 'ON', connecting: '…', error: '!' };

describe('toolbar badge', () => {
  it('shows registration alone when nobody waits for a call back', () => {
    expect(badgeFace('registered', words, 0)).toEqual({ text: 'ON', color: 'registered' });
    expect(badgeFace('connecting', words, 0)).toEqual({ text: '…', color: 'connecting' });
    expect(badgeFace('error', words, 0)).toEqual({ text: '!', color: 'error' });
    expect(badgeFace('unconfigured', words, 0)).toEqual({ text: '', color: 'unconfigured' });
  });
  it('shows the missed callers on the registration colour, keeping the alarm of an error', () => {
    expect(badgeFace('registered', words, 3)).toEqual({ text: '3', color: 'registered' });
    expect(badgeFace('connecting', words, 3)).toEqual({ text: '3', color: 'connecting' });
    expect(badgeFace('error', words, 3)).toEqual({ text: '!3', color: 'error' });
    expect(badgeFace('registered', words, 250)).toEqual({ text: '99+', color: 'registered' });
  });
});
