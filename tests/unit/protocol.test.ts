import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  foundNumbersReplySchema,
  fromContentSchema,
  MAX_SCAN_BATCH,
  MAX_SCAN_TEXT,
  toContentSchema,
} from '../../lib/protocol/content';
import { fromOffscreenSchema, toOffscreenSchema } from '../../lib/protocol/offscreen';
import { pageRequestSchema } from '../../lib/protocol/pages';
import { replyAsync, replyFailure } from '../../lib/protocol/reply';
import { senderKind } from '../../lib/protocol/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const account = {
  wsServer: 'wss://pbx.example.com/ws',
  sipUri: 'sip:1001@pbx.example.com',
  authUser: '',
  password: 'secret',
  displayName: 'Agent',
  iceServers: [],
};
const call = {
  id: 'c1',
  direction: 'inbound',
  phase: 'ringing',
  account: 'sip:1001@pbx',
  localNumber: '1001',
  remoteNumber: '2000',
  remoteName: '<img src=x onerror=alert(1)>',
  startedAt: 1,
  sipCallId: 'x@y',
};

describe('sender checks', () => {
  it('tells our contexts apart and rejects everything else', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}offscreen.html` }, ID, ORIGIN)).toBe('offscreen');
    expect(senderKind({ id: ID, url: `${ORIGIN}background.js` }, ID, ORIGIN)).toBe('background');
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: 'https://crm.example.com/', tab: { id: 4 } }, ID, ORIGIN)).toBe('content');
    expect(senderKind({ id: 'other', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('unknown');
    expect(senderKind({ id: ID, url: 'https://crm.example.com/' }, ID, ORIGIN)).toBe('unknown');
    expect(senderKind({ id: ID, url: 'file:///etc/passwd', tab: { id: 1 } }, ID, ORIGIN)).toBe('unknown');
    expect(senderKind({ id: ID, url: 'not a url' }, ID, ORIGIN)).toBe('unknown');
    expect(senderKind({ id: ID }, ID, ORIGIN)).toBe('unknown');
  });
});

describe('background ↔ offscreen', () => {
  it('accepts well-formed commands and rejects unknown or malformed ones', () => {
    expect(z.safeParse(toOffscreenSchema, { target: 'offscreen', type: 'configure', account }).success).toBe(true);
    expect(z.safeParse(toOffscreenSchema, { target: 'offscreen', type: 'configure', account: null }).success).toBe(
      true,
    );
    expect(z.safeParse(toOffscreenSchema, { target: 'offscreen', type: 'dial', number: '2000' }).success).toBe(true);
    expect(z.safeParse(toOffscreenSchema, { target: 'offscreen', type: 'format-disk' }).success).toBe(false);
    expect(z.safeParse(toOffscreenSchema, { target: 'offscreen', type: 'answer', callId: '' }).success).toBe(false);
    expect(
      z.safeParse(toOffscreenSchema, {
        target: 'offscreen',
        type: 'configure',
        account: { ...account, wsServer: 'http://x' },
      }).success,
    ).toBe(false);
  });
  it('validates state pushed by the engine, with bounded caller IDs', () => {
    const state = { registration: { status: 'registered', attempt: 0 }, calls: [call] };
    expect(z.safeParse(fromOffscreenSchema, { target: 'background', type: 'state', state }).success).toBe(true);
    const huge = { ...state, calls: [{ ...call, remoteName: 'x'.repeat(10_000) }] };
    expect(z.safeParse(fromOffscreenSchema, { target: 'background', type: 'state', state: huge }).success).toBe(false);
  });
});

describe('pages → background', () => {
  it('accepts the page requests', () => {
    expect(z.safeParse(pageRequestSchema, { target: 'background', type: 'saveAccount', account }).success).toBe(true);
    expect(z.safeParse(pageRequestSchema, { target: 'background', type: 'hangup', callId: 'c1' }).success).toBe(true);
    expect(z.safeParse(pageRequestSchema, { target: 'background', type: 'dial' }).success).toBe(false);
  });
});

describe('content ↔ background', () => {
  it('lets a page say hello, act on a call, scan for numbers and dial one, nothing else', () => {
    const ok = (m: object) => z.safeParse(fromContentSchema, { target: 'background', ...m }).success;
    expect(ok({ type: 'hello' })).toBe(true);
    expect(ok({ type: 'answer', callId: 'c1' })).toBe(true);
    expect(ok({ type: 'scanConfig' })).toBe(true);
    expect(ok({ type: 'findNumbers', texts: ['Tel. +7 495 123-45-67'] })).toBe(true);
    expect(ok({ type: 'dial', number: '+74951234567' })).toBe(true);
    // Bounded: a page cannot make the background match megabytes or dial a novel.
    expect(ok({ type: 'findNumbers', texts: ['x'.repeat(MAX_SCAN_TEXT + 1)] })).toBe(false);
    expect(ok({ type: 'findNumbers', texts: Array.from({ length: MAX_SCAN_BATCH + 1 }, () => '1') })).toBe(false);
    expect(ok({ type: 'dial', number: '' })).toBe(false);
    expect(ok({ type: 'dial', number: '1'.repeat(65) })).toBe(false);
    expect(ok({ type: 'saveAccount', account })).toBe(false);
    expect(ok({ type: 'getPhoneSettings' })).toBe(false);
  });
  it('accepts only well-formed matches back', () => {
    const reply = (found: object) => z.safeParse(foundNumbersReplySchema, { results: [[found]] }).success;
    const good = { start: 5, end: 21, e164: '+74951234567', display: '+7 495 123 45 67' };
    expect(reply(good)).toBe(true);
    expect(reply({ ...good, e164: '<img src=x>' })).toBe(false);
    expect(reply({ ...good, start: -1 })).toBe(false);
    expect(reply({ ...good, extension: '12; DROP' })).toBe(false);
  });
  it('sends a scanner configuration with a region code', () => {
    expect(z.safeParse(toContentSchema, { type: 'scanConfig', config: { enabled: true, country: 'PL' } }).success).toBe(
      true,
    );
    expect(z.safeParse(toContentSchema, { type: 'scanConfig', config: { enabled: true, country: 'pl' } }).success).toBe(
      false,
    );
  });
  it('shows a call or nothing', () => {
    expect(z.safeParse(toContentSchema, { type: 'show', call }).success).toBe(true);
    expect(z.safeParse(toContentSchema, { type: 'show', call: null }).success).toBe(true);
    expect(z.safeParse(toContentSchema, { type: 'show', call: { ...call, phase: 'exploded' } }).success).toBe(false);
  });
});

describe('reply envelope', () => {
  it('tells a failed listener from a reply that carries a domain error', async () => {
    const replies: unknown[] = [];
    replyAsync(
      () => Promise.resolve({ ok: false, error: 'auth', sipCode: 403 }),
      (r) => replies.push(r),
    );
    replyAsync(
      () => Promise.reject(new Error('engine gone')),
      (r) => replies.push(r),
    );
    replyAsync(
      () => Promise.resolve(undefined),
      (r) => replies.push(r),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(replies).toEqual([{ ok: false, error: 'auth', sipCode: 403 }, { replyFailure: 'engine gone' }, null]);
    expect(replies.map(replyFailure)).toEqual([undefined, 'engine gone', undefined]);
  });
});
