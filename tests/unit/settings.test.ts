import { describe, expect, it } from 'vitest';
import { accountFromForm, formFromAccount, type AccountForm } from '../../lib/settings/account-form';
import { migrateSettings } from '../../lib/settings/migrate';
import { authUserOf, DEFAULT_SETTINGS, splitSipUri } from '../../lib/settings/schema';

const form: AccountForm = {
  wsServer: 'wss://pbx.example.com:8089/ws',
  sipUri: 'sip:1001@pbx.example.com',
  authUser: '',
  password: 'pw',
  displayName: 'Agent',
  iceUrls: 'stun:stun.example.com:3478\nturn:turn.example.com:3478',
  turnUsername: 'u',
  turnPassword: 'p',
};

describe('account form', () => {
  it('builds an account; TURN credentials go to turn: URLs only', () => {
    const r = accountFromForm(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.account.iceServers).toEqual([
      { urls: 'stun:stun.example.com:3478' },
      { urls: 'turn:turn.example.com:3478', username: 'u', credential: 'p' },
    ]);
    expect(formFromAccount(r.account)).toEqual(form);
  });

  it('reports each bad field with a message key', () => {
    const r = accountFromForm({ ...form, wsServer: 'http://pbx', sipUri: '1001', iceUrls: 'ftp://x' });
    expect(r).toEqual({ ok: false, errors: { wsServer: 'errWsUrl', sipUri: 'errSipUri', iceUrls: 'errIceUrl' } });
    expect(accountFromForm({ ...form, wsServer: ' ' })).toEqual({ ok: false, errors: { wsServer: 'errRequired' } });
  });

  it('derives the digest user from the SIP URI when none is given', () => {
    const r = accountFromForm(form);
    if (!r.ok) throw new Error('invalid');
    expect(authUserOf(r.account)).toBe('1001');
    expect(authUserOf({ ...r.account, authUser: 'agent7' })).toBe('agent7');
    expect(splitSipUri('sips:a@b.c')).toEqual({ user: 'a', host: 'b.c' });
    expect(splitSipUri('a@b')).toBeNull();
  });
});

describe('settings migrations', () => {
  const account = { ...form, iceServers: [] };
  it('fresh install gives defaults', () => {
    expect(migrateSettings(undefined)).toEqual({ ok: true, settings: DEFAULT_SETTINGS, migrated: false });
  });
  it('migrates an unversioned object to version 1', () => {
    const r = migrateSettings({ account });
    expect(r).toMatchObject({ ok: true, migrated: true, settings: { version: 1, account: { sipUri: form.sipUri } } });
  });
  it('keeps current settings as they are', () => {
    expect(migrateSettings({ version: 1, account })).toMatchObject({ ok: true, migrated: false });
  });
  it('falls back to defaults and says why for unreadable settings', () => {
    expect(migrateSettings('junk')).toMatchObject({ ok: false, settings: DEFAULT_SETTINGS });
    const newer = migrateSettings({ version: 99 });
    expect(newer.ok || newer.problem).toContain('newer than this build');
    const broken = migrateSettings({ version: 1, account: { sipUri: 'x' } });
    expect(broken.ok || broken.problem).toContain('invalid settings at account.');
  });
});
